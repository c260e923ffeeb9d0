"""Reports built by hand, so that renderers are tested apart from the engine and the data.

The figures are invented to exercise every part of a screen; they describe no province.
"""

from __future__ import annotations

from datetime import date

from nsclt.model import Band, Indicator, LegalDocument, Milestone, Source
from nsclt.model import Target as TargetSpec
from nsclt.report import (
    Decision,
    Evaluation,
    Figure,
    MilestoneRow,
    Notice,
    Pace,
    PhaseInfo,
    PhaseReport,
    PlanInfo,
    ProvinceReport,
    ResultRow,
    TargetRow,
    YearlyGrowth,
)

AS_OF = date(2024, 3, 1)


def indicator(
    id: str, name: str, name_en: str, unit: str, unit_en: str, kind: str = "level"
) -> Indicator:
    return Indicator(
        id=id,
        name=name,
        name_en=name_en,
        unit=unit,
        unit_en=unit_en,
        direction="increase",
        kind=kind,  # type: ignore[arg-type]
        value_type="count",
    )


EXPERTS = indicator(
    "certified_experts",
    "Chuyên gia năng suất chất lượng được cấp chứng nhận",
    "Certified productivity-and-quality experts",
    "người",
    "persons",
)
MODELS = indicator(
    "model_enterprises",
    "Doanh nghiệp điểm về năng suất chất lượng",
    "Model (pilot) enterprises",
    "doanh nghiệp",
    "enterprises",
)
REACHED = indicator(
    "enterprises_reached_per_year",
    "Doanh nghiệp được phổ biến, hướng dẫn trong năm",
    "Enterprises reached in the year",
    "doanh nghiệp",
    "enterprises",
    kind="flow",
)
TRAINING = indicator(
    "training_attendances",
    "Lượt người được đào tạo",
    "Training attendances",
    "lượt người",
    "person-times",
    kind="flow",
)
PRODUCTS = indicator(
    "products_registered_protection",
    "Sản phẩm được hướng dẫn đăng ký bảo hộ",
    "Products guided to register for protection",
    "sản phẩm",
    "products",
)
AWARDS = indicator(
    "national_quality_award_winners",
    "Doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia",
    "Enterprises winning the National Quality Award",
    "doanh nghiệp",
    "enterprises",
    kind="flow",
)


def spec(indicator_id: str, **kind: object) -> TargetSpec:
    return TargetSpec(indicator=indicator_id, source="bc-2023", **kind)  # type: ignore[arg-type]


def _row(**fields: object) -> TargetRow:
    defaults: dict[str, object] = {
        "plan": "ke-hoach",
        "phase": "2021-2025",
        "band": None,
        "goal": None,
        "target_year": 2025,
        "baseline": None,
        "baseline_assumed": False,
        "start": None,
        "actual": None,
        "progress": None,
        "remaining": None,
        "pace": None,
    }
    return TargetRow(**{**defaults, **fields})  # type: ignore[arg-type]


TARGETS = (
    _row(
        indicator=EXPERTS,
        spec=spec("certified_experts", at_least=20),
        kind="at_least",
        goal=20.0,
        baseline=Figure(8.0, 2020),
        start=Figure(8.0, 2020),
        actual=Figure(13.0, 2023),
        progress=0.4166666666666667,
        remaining=7.0,
        pace=Pace("linear", 0.6, 0.6944444444444445),
        status="needs_acceleration",
        inputs=(Figure(13.0, 2023, None, "bc-2023"),),
        decision=Decision("pace", (0.6944444444444445,)),
    ),
    _row(
        indicator=MODELS,
        spec=spec("model_enterprises", increase_by=10),
        kind="increase_by",
        goal=40.0,
        baseline=Figure(30.0, 2020),
        start=Figure(30.0, 2020),
        actual=Figure(41.0, 2023, "approx"),
        progress=1.1,
        remaining=0.0,
        status="achieved",
        inputs=(Figure(41.0, 2023, "approx", "bc-2023"),),
        decision=Decision("met", (41.0, 40.0)),
        approximate=True,
    ),
    _row(
        indicator=TRAINING,
        spec=spec("training_attendances", range=Band(1000, 1500)),
        kind="range",
        goal=1000.0,
        band=Band(1000, 1500),
        baseline_assumed=False,
        start=Figure(0.0, 2020),
        actual=Figure(1650.0, 2023, "at_least"),
        progress=1.65,
        remaining=0.0,
        status="achieved",
        outside_band=True,
        inputs=(
            Figure(400.0, 2021, None, "bc-2023"),
            Figure(550.0, 2022, None, "bc-2023"),
            Figure(700.0, 2023, "at_least", "bc-2023"),
        ),
        decision=Decision("met", (1650.0, 1000.0)),
    ),
    _row(
        indicator=REACHED,
        spec=spec("enterprises_reached_per_year", growth_per_year=Band(5, 10)),
        kind="growth_per_year",
        band=Band(5, 10),
        baseline=Figure(100.0, 2020),
        start=Figure(100.0, 2020),
        actual=Figure(112.0, 2022),
        status="on_track",
        growth=(
            YearlyGrowth(2021, 6.0, "within", 100.0, 106.0, 1),
            YearlyGrowth(2022, 5.660377358490566, "within", 106.0, 112.0, 1),
        ),
        compound_rate=5.830052442583633,
        inputs=(Figure(100.0, 2020), Figure(106.0, 2021), Figure(112.0, 2022)),
        decision=Decision("growth_every_year", ()),
    ),
    _row(
        indicator=AWARDS,
        spec=spec("national_quality_award_winners", at_least=3),
        kind="at_least",
        goal=3.0,
        baseline_assumed=True,
        start=Figure(0.0, 2020),
        status="no_data",
        decision=Decision("no_data", ()),
    ),
)

MILESTONES = (
    MilestoneRow(
        "ke-hoach",
        "2021-2025",
        Milestone(
            id="danh-gia",
            title="Báo cáo đánh giá giữa kỳ",
            title_en="Mid-term evaluation report",
            due=date(2023, 12, 31),
            source="bc-2023",
        ),
        "overdue",
    ),
    MilestoneRow(
        "ke-hoach",
        "2021-2025",
        Milestone(
            id="tong-ket",
            title="Tổng kết kế hoạch",
            due=date(2025, 12, 31),
            source="bc-2023",
        ),
        "due",
    ),
)

SOURCES = (
    Source(
        id="bc-2023",
        title="Báo cáo kết quả năm 2023",
        publisher="Sở Khoa học và Công nghệ",
        date=date(2024, 1, 15),
    ),
)

PHASE = PhaseReport(
    plan=PlanInfo(
        id="ke-hoach",
        title="Kế hoạch nâng cao năng suất chất lượng giai đoạn 2021-2025",
        title_en="Plan to raise productivity and quality 2021-2025",
        agency="Sở Khoa học và Công nghệ",
        agency_en="Department of Science and Technology",
        start=2021,
        end=2025,
        legal_basis=(
            LegalDocument(number="99/KH-UBND", date=date(2021, 4, 1), issuer="UBND tỉnh"),
        ),
        note="Assumption: the plan's end year is taken from its title.",
    ),
    phase=PhaseInfo("2021-2025", 2021, 2025, None),
    elapsed=0.6333,
    targets=TARGETS,
    milestones=MILESTONES,
    untargeted=(ResultRow(indicator=PRODUCTS, figure=Figure(28.0, 2023), source="bc-2023"),),
    notices=(
        Notice("notice.stale", (("indicator", "national_quality_award_winners"), ("year", "2023"))),
        Notice("notice.overdue", (("milestone", "danh-gia"), ("due", "2023-12-31"))),
    ),
)

PROVINCE = ProvinceReport(
    slug="tinh-mau",
    name="Tỉnh Mẫu",
    name_en="Sample Province",
    as_of=AS_OF,
    phases=(PHASE,),
    sources=SOURCES,
    note=None,
)


def status_evaluation(explain: bool = False) -> Evaluation:
    return Evaluation(as_of=AS_OF, provinces=(PROVINCE,), explain=explain)


def list_evaluation() -> Evaluation:
    other = PROVINCE._replace(slug="tinh-khac", name="Tỉnh Khác", name_en=None)
    return Evaluation(
        as_of=AS_OF,
        provinces=(PROVINCE, other),
        invalid=("plans/tinh-loi.yaml",),
        folder="plans",
    )
