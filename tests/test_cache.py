"""The plan cache saves time and never changes an answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, PLANS
from nsclt.cache import InvalidPlan, cache_dir, valid_plan
from nsclt.checks import check_file


def test_a_cached_plan_equals_the_freshly_checked_one(private_cache: Path) -> None:
    first = valid_plan(PLANS / "lang-son.yaml")
    assert len(list(private_cache.glob("*.json"))) == 1
    second = valid_plan(PLANS / "lang-son.yaml")
    assert second == first == check_file(PLANS / "lang-son.yaml").plan_file


def test_a_changed_file_is_checked_again(tmp_path: Path, private_cache: Path) -> None:
    path = tmp_path / "tinh-mau.yaml"
    shutil.copy(EXAMPLES / "good" / "tinh-mau.yaml", path)
    valid_plan(path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 4", "value: -4"), encoding="utf-8"
    )
    with pytest.raises(InvalidPlan) as raised:
        valid_plan(path)
    assert [p.code for p in raised.value.checked.problems] == ["NSC210"]


def test_invalid_plans_are_never_cached(private_cache: Path) -> None:
    with pytest.raises(InvalidPlan):
        valid_plan(EXAMPLES / "NSC101" / "unknown-field.yaml")
    assert list(private_cache.iterdir()) == []


def test_a_corrupt_entry_is_ignored(private_cache: Path) -> None:
    expected = valid_plan(PLANS / "thai-nguyen.yaml")
    for entry in private_cache.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert valid_plan(PLANS / "thai-nguyen.yaml") == expected


def test_an_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NSCLT_CACHE_DIR", str(blocker / "cache"))
    assert valid_plan(PLANS / "quang-ninh.yaml").name == "Quảng Ninh"


def test_cache_folder_follows_the_environment(tmp_path: Path) -> None:
    assert cache_dir({"NSCLT_CACHE_DIR": "/x"}) == Path("/x")
    assert cache_dir({"XDG_CACHE_HOME": "/y"}) == Path("/y/nsclt")
