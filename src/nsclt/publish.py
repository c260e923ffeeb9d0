"""``nsclt site``: the pages of a whole plans folder, written one plan file at a time.

Each file is read, evaluated and its page written before the next is read; what the index,
the indicators' pages and the national roll-up need of it (its counts, its compared rows,
its figures of summable indicators) is all that is kept, so memory does not grow with each
file's years of results. Each page is written whole or not at all (``files.write_file``);
other files in the folder are left as they are.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from nsclt.cache import valid_plan
from nsclt.catalogue import STANDARD_INDICATORS, SUMMABLE
from nsclt.compare import compared_rows
from nsclt.failures import InvalidPlan, os_failure
from nsclt.files import write_file
from nsclt.i18n import Translator
from nsclt.model import PlanFile
from nsclt.render import site as pages
from nsclt.render.chart import results_of
from nsclt.render.report_html import as_html, report_body
from nsclt.render.report_words import status_counts
from nsclt.report import STATUSES, Figure, ProvinceReport, TargetRow
from nsclt.reporting import report_part
from nsclt.rollup import contribution, national_years, rollup_row, summable_figures
from nsclt.views import ComparedRow, Comparison, ReportDocument, ReportPart, SiteEntry
from nsclt.workspace import plan_files


class Published(NamedTuple):
    pages: int
    invalid: tuple[str, ...]
    """Plan files that could not be read: listed on the index, and the command exits 1."""


def publish(folder: Path, out: Path, as_of: date, t: Translator) -> Published:
    """Write the site of the plans in ``folder`` into ``out``."""
    indicators = list(STANDARD_INDICATORS.values())
    entries: list[SiteEntry] = []
    invalid: list[str] = []
    compared: dict[str, list[ComparedRow]] = {i.id: [] for i in indicators}
    figures: list[tuple[ProvinceReport, dict[str, list[Figure]]]] = []
    national: ReportPart | None = None
    written = 0
    for path in plan_files(folder):
        try:
            plan_file = valid_plan(path)
        except InvalidPlan:
            invalid.append(str(path))
            continue
        part = report_part(plan_file, path.stem, as_of)
        entries.append(_entry(part, plan_file))
        if plan_file.scope == "national":
            national = part  # its page is the national page, written last
            continue
        nav = pages.site_nav(t, 1)
        _write(
            out / pages.province_page(path.stem), as_html(ReportDocument(as_of, (part,)), t, nav)
        )
        written += 1
        for indicator in indicators:
            compared[indicator.id] += compared_rows(plan_file, part.current, indicator.id, as_of)
        # The province's name and place, not its phases: those would keep its whole plan.
        figures.append(
            (part.current._replace(phases=(), sources=()), summable_figures(plan_file, as_of))
        )
    for indicator in indicators:
        comparison = Comparison(as_of, indicator, tuple(compared[indicator.id]))
        _write(
            out / pages.indicator_page(indicator.id),
            pages.comparison_html(comparison, t),
        )
        written += 1
    targets = _national_targets(national)
    rows = []
    for indicator in indicators:
        if indicator.id not in SUMMABLE:
            continue
        target = targets.get(indicator.id)
        years = national_years(target)
        found = [
            contribution(report, indicator, kept.get(indicator.id, []), years)
            for report, kept in figures
        ]
        rows.append(rollup_row(indicator, target, found, years))
    body = report_body(ReportDocument(as_of, (national,)), t) if national else ""
    _write(out / pages.NATIONAL, pages.national_html(rows, body, as_of, t))
    _write(out / pages.INDEX, pages.index_html(entries, invalid, indicators, as_of, t))
    return Published(written + 2, tuple(invalid))


def _entry(part: ReportPart, plan_file: PlanFile) -> SiteEntry:
    report = part.current
    counts = status_counts(part)
    years = [figure.year for each in part.history.indicators for figure in results_of(each)]
    return SiteEntry(
        slug=report.slug,
        name=report.name,
        name_en=report.name_en,
        current=report.current,
        merged=report.merged,
        national=plan_file.scope == "national",
        counts=tuple((status, counts[status]) for status in STATUSES if counts[status]),
        latest_year=max(years, default=None),
        phases=tuple(f"{p.plan.id} / {p.phase.id}" for p in report.phases),
    )


def _national_targets(national: ReportPart | None) -> dict[str, TargetRow]:
    """The national plan's target for each indicator, in the phases shown on the date."""
    if national is None:
        return {}
    found: dict[str, TargetRow] = {}
    for phase in national.current.phases:
        for row in phase.targets:
            found.setdefault(row.indicator.id, row)
    return found


def _write(path: Path, page: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise os_failure(error, "error.cannot_write", path.parent) from None
    write_file(path, page)
