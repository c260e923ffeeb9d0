"""One indicator across provinces (``nsclt compare``): on screen, and as data.

A row per province file, in the order of today's map: a former unit right under the unit it
is now part of (a unit with no file of its own gets a heading row); each with its latest
result, its current target and verdict, or a word saying it does not track the indicator.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import Final

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from nsclt import __version__
from nsclt.i18n import Translator
from nsclt.provinces import unit_order, units_without_own_file
from nsclt.render.json_text import dumps
from nsclt.render.screen import fitted, show
from nsclt.render.tabular import delimited, markdown_table
from nsclt.render.words import (
    figure_text,
    indicator_name,
    named_with_unit,
    plain,
    status_label,
    status_text,
    target_text,
    unit,
    verdict_flags,
)
from nsclt.text import printable, slugify
from nsclt.views import ComparedRow, Comparison

FORMAT_VERSION: Final = 1
PROVINCE_WIDTH: Final = 14
NOT_TRACKING: Final = "not_tracking"
NO_TARGET: Final = "no_target"
"""The status of a file that records the indicator but sets it no target in the phases shown."""
INVALID: Final = "invalid"


def _ordered(comparison: Comparison) -> list[tuple[tuple[str, int, str], ComparedRow | str]]:
    """The rows in map order, with a heading (a unit's name) where a unit has no own file,
    and the invalid files' paths."""
    entries: list[tuple[tuple[str, int, str], ComparedRow | str]] = [
        (unit_order(row.name, row.current, row.merged, row.slug), row) for row in comparison.rows
    ]
    places = ((row.current, row.merged) for row in comparison.rows)
    entries += [((slugify(u), 0, ""), u) for u in units_without_own_file(places)]
    entries += [((PurePath(p).stem, 0, PurePath(p).stem), p) for p in comparison.invalid]
    return sorted(entries, key=lambda entry: entry[0])


def compared_status_key(row: ComparedRow) -> str:
    if row.target is not None:
        return row.target.status
    return NO_TARGET if row.tracking else NOT_TRACKING


def target_cell(row: ComparedRow, t: Translator) -> str:
    if row.target is None:
        return "—"
    return t("history.target", target=target_text(row.target, t), year=row.target.target_year)


# --- the screen ---------------------------------------------------------------------


def render_compare(comparison: Comparison, t: Translator, console: Console) -> None:
    title = t(
        "compare.title",
        indicator=named_with_unit(comparison.indicator, t),
        as_of=t.date(comparison.as_of),
    )
    table = Table(title=plain(title), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(t("list.col.province"), min_width=PROVINCE_WIDTH)
    table.add_column(t("compare.col.latest"), justify="right")
    table.add_column(t("status.col.target"))
    table.add_column(t("status.col.actual"), justify="right")
    # Every status whole on one line (a qualifying flag after it may wrap); where that cannot
    # fit, ``fitted`` stacks the rows instead.
    widest = max((_status_word(row, t).cell_len for row in comparison.rows), default=0)
    table.add_column(t("status.col.status"), min_width=max(PROVINCE_WIDTH, widest))
    invalid = set(comparison.invalid)
    shown: set[str] = set()
    for _, entry in _ordered(comparison):
        if isinstance(entry, str):
            if entry in invalid:
                problem = Text(t("list.invalid", path=printable(entry)), style="red")
                table.add_row(plain(PurePath(entry).stem), "—", "—", "—", problem)
            else:
                table.add_row(plain(entry), "", "", "", Text(t("list.no_own_file"), style="dim"))
            continue
        first = entry.slug not in shown
        shown.add(entry.slug)
        table.add_row(
            _province_cell(entry, t) if first else Text(""),
            figure_text(entry.latest, t) if first else "",
            plain(target_cell(entry, t)),
            figure_text(entry.target.actual, t) if entry.target else "—",
            _status_cell(entry, t),
        )
    show(console, fitted(console, table))


def _province_cell(row: ComparedRow, t: Translator) -> Text:
    name = plain(t.content(row.name, row.name_en))
    if row.merged:
        return Text("↳ ") + name
    return name


def _status_word(row: ComparedRow, t: Translator) -> Text:
    if row.target is not None:
        return status_text(row.target.status, t)
    return Text(t(f"compare.{compared_status_key(row)}"), style="dim")


def _status_cell(row: ComparedRow, t: Translator) -> Text:
    flags = verdict_flags(row.target, t) if row.target is not None else ""
    return _status_word(row, t) + Text(flags, style="dim")


# --- as data ------------------------------------------------------------------------

COLUMNS: Final = (
    "as_of",
    "indicator",
    "indicator_name",
    "unit",
    "province",
    "province_name",
    "current_unit",
    "merged",
    "tracking",
    "latest",
    "latest_year",
    "latest_qualifier",
    "latest_source",
    "plan",
    "phase",
    "target_kind",
    "target_text",
    "target",
    "target_year",
    "actual",
    "actual_year",
    "actual_qualifier",
    "status",
    "status_label",
)


def compared_rows(comparison: Comparison, t: Translator) -> Iterator[dict[str, object]]:
    """One row per province file and current target, in map order, then the invalid files."""
    indicator = comparison.indicator
    about = {
        "as_of": comparison.as_of.isoformat(),
        "indicator": indicator.id,
        "indicator_name": indicator_name(indicator, t),
        "unit": unit(indicator, t),
    }
    for _, entry in _ordered(comparison):
        if isinstance(entry, str):
            if entry in comparison.invalid:
                yield {**about, "province": PurePath(entry).stem, "status": INVALID}
            continue
        target, latest, key = entry.target, entry.latest, compared_status_key(entry)
        actual = target.actual if target else None
        yield {
            **about,
            "province": entry.slug,
            "province_name": entry.name,
            "current_unit": entry.current,
            "merged": entry.merged,
            "tracking": entry.tracking,
            "latest": latest.value if latest else None,
            "latest_year": latest.year if latest else None,
            "latest_qualifier": latest.qualifier if latest else None,
            "latest_source": latest.source if latest else None,
            "plan": target.plan if target else None,
            "phase": target.phase if target else None,
            "target_kind": target.kind if target else None,
            "target_text": target_text(target, t) if target else None,
            "target": target.goal if target else None,
            "target_year": target.target_year if target else None,
            "actual": actual.value if actual else None,
            "actual_year": actual.year if actual else None,
            "actual_qualifier": actual.qualifier if actual else None,
            "status": key,
            "status_label": t(f"compare.{key}") if target is None else status_label(key, t),
        }


def as_json(comparison: Comparison, t: Translator) -> str:
    document = {
        "nsclt_version": __version__,
        "format_version": FORMAT_VERSION,
        "as_of": comparison.as_of.isoformat(),
        "language": t.language,
        "indicator": comparison.indicator.id,
        "rows": list(compared_rows(comparison, t)),
        "invalid_files": list(comparison.invalid),
    }
    return dumps(document)


def as_csv(comparison: Comparison, t: Translator) -> str:
    return delimited(COLUMNS, compared_rows(comparison, t), ",")


def as_tsv(comparison: Comparison, t: Translator) -> str:
    return delimited(COLUMNS, compared_rows(comparison, t), "\t")


def as_markdown(comparison: Comparison, t: Translator) -> str:
    title = t(
        "compare.title",
        indicator=named_with_unit(comparison.indicator, t),
        as_of=t.date(comparison.as_of),
    )
    headers = [
        t("list.col.province"),
        t("compare.col.latest"),
        t("status.col.target"),
        t("status.col.actual"),
        t("status.col.status"),
    ]
    rows = []
    for _, entry in _ordered(comparison):
        if isinstance(entry, str):
            word = (
                t("list.invalid", path=entry)
                if entry in comparison.invalid
                else t("list.no_own_file")
            )
            rows.append(
                (PurePath(entry).stem if entry in comparison.invalid else entry, "", "", "", word)
            )
            continue
        name = t.content(entry.name, entry.name_en)
        status = (
            status_label(entry.target.status, t) + verdict_flags(entry.target, t)
            if entry.target
            else t(f"compare.{compared_status_key(entry)}")
        )
        rows.append(
            (
                f"↳ {name}" if entry.merged else name,
                figure_text(entry.latest, t),
                target_cell(entry, t),
                figure_text(entry.target.actual, t) if entry.target else "—",
                status,
            )
        )
    return "\n".join([title, "", *markdown_table(headers, rows)]) + "\n"
