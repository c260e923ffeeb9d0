"""The shared catalogue of standard indicators, so provinces can be compared and summed.

A plan file may add local indicators of its own; it may not redefine these.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from nsclt.model import Direction, Indicator, IndicatorKind, PlanFile, ValueType


def _standard(
    id: str,
    name: str,
    name_en: str,
    unit: str,
    unit_en: str,
    kind: IndicatorKind,
    value_type: ValueType = "count",
    direction: Direction = "increase",
) -> Indicator:
    return Indicator(
        id=id,
        name=name,
        name_en=name_en,
        unit=unit,
        unit_en=unit_en,
        direction=direction,
        kind=kind,
        value_type=value_type,
    )


STANDARD_INDICATORS: Final = MappingProxyType(
    {
        indicator.id: indicator
        for indicator in (
            _standard(
                "certified_experts",
                "Chuyên gia năng suất chất lượng được cấp chứng nhận",
                "Certified productivity-and-quality experts",
                "người",
                "persons",
                "level",
            ),
            _standard(
                "model_enterprises",
                "Doanh nghiệp điểm (mô hình điểm) về năng suất chất lượng",
                "Model (pilot) enterprises",
                "doanh nghiệp",
                "enterprises",
                "level",
            ),
            _standard(
                "model_enterprises_per_year",
                "Doanh nghiệp điểm (mô hình điểm) được xây dựng trong năm",
                "Model (pilot) enterprises built in the year",
                "doanh nghiệp",
                "enterprises",
                "flow",
            ),
            _standard(
                "supported_enterprises",
                "Doanh nghiệp được hỗ trợ (lũy kế từ đầu kế hoạch)",
                "Enterprises supported (cumulative since the plan began)",
                "doanh nghiệp",
                "enterprises",
                "level",
            ),
            _standard(
                "supported_enterprises_per_year",
                "Doanh nghiệp được hỗ trợ trong năm",
                "Enterprises supported in the year",
                "doanh nghiệp",
                "enterprises",
                "flow",
            ),
            _standard(
                "enterprises_reached_per_year",
                "Doanh nghiệp được phổ biến, đào tạo, hướng dẫn áp dụng giải pháp "
                "năng suất chất lượng trong năm",
                "Enterprises reached by dissemination, training and guidance in the year",
                "doanh nghiệp",
                "enterprises",
                "flow",
            ),
            _standard(
                "training_attendances",
                "Lượt người được đào tạo, tập huấn về năng suất chất lượng",
                "Training attendances on productivity and quality",
                "lượt người",
                "person-times",
                "flow",
            ),
            _standard(
                "trained_officials",
                "Cán bộ, công chức, chuyên gia được đào tạo chuyên sâu về năng suất chất lượng",
                "Officials and experts given in-depth productivity-and-quality training",
                "người",
                "persons",
                "flow",
            ),
            _standard(
                "national_quality_award_winners",
                "Doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia",
                "Enterprises winning the National Quality Award",
                "doanh nghiệp",
                "enterprises",
                "flow",
            ),
            _standard(
                "products_registered_protection",
                "Sản phẩm được hướng dẫn đăng ký bảo hộ sở hữu trí tuệ",
                "Products guided to register for intellectual-property protection",
                "sản phẩm",
                "products",
                "level",
            ),
            _standard(
                "standards_harmonised_share",
                "Tỷ lệ tiêu chuẩn quốc gia hài hòa với tiêu chuẩn quốc tế",
                "Share of national standards harmonised with international ones",
                "%",
                "%",
                "level",
                value_type="percent",
            ),
        )
    }
)


SUMMABLE: Final = frozenset(
    {
        "certified_experts",
        "model_enterprises",
        "model_enterprises_per_year",
        "supported_enterprises",
        "supported_enterprises_per_year",
        "enterprises_reached_per_year",
        "training_attendances",
        "trained_officials",
        "national_quality_award_winners",
        "products_registered_protection",
    }
)
"""Standard indicators whose provincial figures add up to a national one: counts of people,
enterprises and products. Never a share, a rate or a growth: 30 % in one province and 40 % in
another are not 70 % of anything."""


def indicators_of(plan_file: PlanFile) -> dict[str, Indicator]:
    """The indicators a plan file may use: the standard ones and its own."""
    return {**{i.id: i for i in plan_file.indicators}, **STANDARD_INDICATORS}
