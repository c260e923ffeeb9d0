"""Names on today's map: a merged province shows its current unit, a current unit its parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Run
from nsclt.map2025 import UNITS
from nsclt.provinces import merger_of, place_of
from nsclt.text import slugify

MINIMAL = """\
format: 1
name: {name}
scope: province
sources:
  - {{id: s, title: Nguồn thử (không có thật)}}
plans:
  - id: {plan}
    title: Kế hoạch thử
    agency: Sở Khoa học và Công nghệ
    start: 2021
    end: 2025
    phases:
      - {{id: 2021-2025, start: 2021, end: 2025}}
"""


def write(folder: Path, name: str, plan: str = "ke-hoach") -> None:
    text = MINIMAL.format(name=name, plan=plan)
    (folder / f"{slugify(name)}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    write(tmp_path, "Thái Nguyên", "ke-hoach-thai-nguyen")
    return tmp_path


def test_the_map_has_34_units_formed_from_the_63_former_ones() -> None:
    former = [name for unit in UNITS for name in unit.formed_from]
    assert (len(UNITS), len(former), len(set(former))) == (34, 63, 63)
    assert sum(len(unit.formed_from) == 1 for unit in UNITS) == 11
    assert all(unit.url.startswith("http") and unit.quote for unit in UNITS)


@pytest.mark.parametrize(
    ("former", "current"),
    [("Bắc Kạn", "Thái Nguyên"), ("Yên Bái", "Lào Cai"), ("Kon Tum", "Quảng Ngãi")],
)
def test_a_former_unit_knows_the_unit_it_is_part_of(former: str, current: str) -> None:
    assert merger_of(former) == (former, current)
    place = place_of(slugify(former))
    assert place is not None and (place.current, place.merged) == (current, True)


def test_a_unit_that_kept_its_name_is_not_merged() -> None:
    assert merger_of("Thái Nguyên") is None
    place = place_of("thai-nguyen")
    assert place is not None
    assert (place.merged, place.formed_from) == (False, ("Bắc Kạn", "Thái Nguyên"))


def test_a_merged_province_without_a_file_shows_its_current_unit(plans: Path, run: Run) -> None:
    outcome = run("status", "bac-kan", "--plans", str(plans), "--as-of", "2026-01-01")
    assert outcome.code == 0, outcome.stderr
    assert outcome.stdout.startswith("Bắc Kạn has been part of Thái Nguyên since 1 July 2025")
    assert "[ke-hoach-thai-nguyen]" in outcome.stdout


def test_a_merged_province_with_a_file_shows_it_with_the_same_note(plans: Path, run: Run) -> None:
    write(plans, "Bắc Kạn", "ke-hoach-bac-kan")
    outcome = run("status", "Bắc Kạn", "--plans", str(plans), "--as-of", "2026-01-01")
    assert outcome.code == 0
    assert "Part of Thái Nguyên since 1 July 2025" in outcome.stdout
    assert "[ke-hoach-bac-kan]" in outcome.stdout
    assert "[ke-hoach-thai-nguyen]" not in outcome.stdout


def test_a_current_unit_shows_the_plans_of_its_former_units_as_sections(
    plans: Path, run: Run
) -> None:
    write(plans, "Bắc Kạn", "ke-hoach-bac-kan")
    outcome = run("status", "thai-nguyen", "--plans", str(plans), "--as-of", "2026-01-01")
    sections = outcome.stdout.split("\n\n")
    assert outcome.code == 0
    assert outcome.stdout.index("[ke-hoach-thai-nguyen]") < outcome.stdout.index(
        "[ke-hoach-bac-kan]"
    )
    assert any("formed from Bắc Kạn, Thái Nguyên" in section for section in sections)


def test_list_puts_a_former_unit_under_the_current_one(plans: Path, run: Run) -> None:
    write(plans, "Bắc Kạn")
    write(plans, "Yên Bái")
    write(plans, "Quảng Ninh")
    outcome = run("list", "--plans", str(plans), "--as-of", "2026-01-01")
    lines = outcome.stdout.splitlines()

    def row(text: str) -> int:
        return next(i for i, line in enumerate(lines) if text in line)

    assert row("Thái Nguyên") < row("↳ Bắc Kạn")
    assert row("Lào Cai") < row("↳ Yên Bái") < row("Quảng Ninh")


def test_new_warns_when_asked_for_a_former_unit(plans: Path, run: Run) -> None:
    outcome = run("new", "Yên Bái", "--plans", str(plans))
    assert outcome.code == 0
    assert "Yên Bái has been part of Lào Cai since 1 July 2025" in outcome.stderr
    assert (plans / "yen-bai.yaml").exists()


def test_a_merged_province_with_no_file_anywhere_says_so(plans: Path, run: Run) -> None:
    outcome = run("status", "kon-tum", "--plans", str(plans), "--lang", "vi")
    assert outcome.code == 2
    assert "Kon Tum đã thuộc Quảng Ngãi từ ngày 1/7/2025" in outcome.stderr
