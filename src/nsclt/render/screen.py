"""Printing for people: every table and grid goes through ``show``.

Rich pads each line of a table to the width of its columns; a line that ends in spaces
shows nothing more on a screen but breaks diffs, golden files and copying into a report.
``show`` draws the same lines without their trailing blanks.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text


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


def fitted(console: Console, table: Table) -> RenderableType:
    """``table`` where it fits the width without breaking a word or a figure, else the same
    cells stacked: a block per row, headed by its first cell, a line per other cell."""
    spans = _spans(console, table)
    room = console.width - _frame(table)
    if sum(low for low, _ in spans) <= room:
        # Widths decided here rather than by Rich, which shares out a shortfall even below
        # a column's longest word: each column gets its least (a column's min_width keeps
        # a status word whole), then the room left goes to the columns that need least more
        # to stand on one line (a figure with its year), and what is still left to the
        # widest (the indicator's name).
        spare = room - sum(low for low, _ in spans)
        widths = [low for low, _ in spans]
        for index in sorted(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0]):
            low, high = spans[index]
            widths[index] = low + min(high - low, spare)
            spare -= widths[index] - low
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        return table
    headers = [column.header for column in table.columns]
    columns = [list(column.cells) for column in table.columns]
    blocks: list[RenderableType] = []
    if table.title:
        blocks.append(Text(str(table.title), style="bold"))
    for index in range(table.row_count):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column()
        for header, cells in zip(headers[1:], columns[1:], strict=True):
            if not _blank(cells[index]):  # a heading row's empty cells say nothing
                grid.add_row(header, cells[index])
        heading = columns[0][index]
        blocks += [Text(), Padding(heading, (0, 0, 0, 1)), Padding(grid, (0, 0, 0, 3))]
    return Group(*blocks)


def _blank(cell: RenderableType) -> bool:
    return isinstance(cell, str | Text) and not str(cell).strip()


def _spans(console: Console, table: Table) -> list[tuple[int, int]]:
    """Each column's least width (its longest word, or all of an unwrapped cell) and most."""
    spans = []
    for column in table.columns:
        measures = [
            Measurement.get(console, console.options, cell)
            for cell in (column.header, *column.cells)
        ]
        widest = max(m.maximum for m in measures)
        low = widest if column.no_wrap else max(m.minimum for m in measures)
        low = max(low, column.min_width or 0)
        spans.append((low, max(low, widest)))
    return spans


def _frame(table: Table) -> int:
    """The width of a table's edges, separators and cell padding (Rich's own figures)."""
    padding = sum(table._get_padding_width(column._index) for column in table.columns)
    return table._extra_width + padding


def least_width(console: Console, table: Table) -> int:
    """The narrowest ``table`` can be drawn with no word broken and no unwrapped cell cut."""
    return _frame(table) + sum(low for low, _ in _spans(console, table))
