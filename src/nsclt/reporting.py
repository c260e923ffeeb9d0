"""The report an officer hands up: a plan file's standing on a date, and its years.

Pure, like ``evaluate`` and ``history``, which it puts together: the phases ``status``
shows, every target's course, and the sources both cite, in the file's order.
"""

from __future__ import annotations

from datetime import date

from nsclt.evaluate import report_of
from nsclt.history import history_of
from nsclt.model import PlanFile
from nsclt.views import ReportPart


def report_part(plan_file: PlanFile, slug: str, as_of: date) -> ReportPart:
    current = report_of(plan_file, slug, as_of)
    history = history_of(plan_file, slug, as_of)
    cited = {s.id for s in current.sources} | {s.id for s in history.report.sources}
    sources = tuple(s for s in plan_file.sources if s.id in cited)
    return ReportPart(current, history, sources)
