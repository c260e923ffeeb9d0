"""Printing for people: every table and grid goes through ``show``.

Rich pads each line of a table to the width of its columns; a line that ends in spaces
shows nothing more on a screen but breaks diffs, golden files and copying into a report.
``show`` draws the same lines without their trailing blanks.
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.segment import Segment, Segments


def show(console: Console, renderable: RenderableType) -> None:
    segments: list[Segment] = []
    for line in console.render_lines(renderable, console.options, pad=False, new_lines=False):
        while line and not line[-1].control and not line[-1].text.strip():
            line.pop()
        if line:
            last = line[-1]
            line[-1] = Segment(last.text.rstrip(), last.style, last.control)
        segments.extend(line)
        segments.append(Segment.line())
    console.print(Segments(segments))
