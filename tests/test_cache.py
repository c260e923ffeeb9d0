"""The plan cache saves time and never changes an answer."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, PLANS
from nsclt.cache import cache_dir, valid_plan
from nsclt.checks import check_file
from nsclt.failures import InvalidPlan


def test_a_cached_plan_equals_the_freshly_checked_one(private_cache: Path) -> None:
    first = valid_plan(PLANS / "lang-son.yaml")
    assert len(list(private_cache.glob("*.json.z"))) == 1
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
    for entry in private_cache.glob("*.json.z"):
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


def _entry(private_cache: Path) -> Path:
    (entry,) = private_cache.glob("*.json.z")
    return entry


def _rewrite(entry: Path, change: Any) -> None:
    data = json.loads(zlib.decompress(entry.read_bytes()))
    change(data)
    entry.write_bytes(zlib.compress(json.dumps(data).encode()))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d.update(name=42),
        lambda d: d.update(plans="not a list"),
        lambda d: d["plans"][0].update(start="2015"),
        lambda d: d["plans"][0].update(start=True),
        lambda d: d.update(format=2),
        lambda d: d.update(scope="planet"),
        lambda d: d.update(surprise=1),
        lambda d: d.pop("name"),
        lambda d: d["sources"][0].update(date="16/11/2020"),
        lambda d: d["plans"][0]["results"][0].update(value="30"),
        lambda d: d.update(name=None),
    ],
    ids=[
        "wrong-type",
        "list-as-text",
        "year-as-text",
        "year-as-bool",
        "unknown-literal",
        "unknown-scope",
        "extra-field",
        "missing-field",
        "bad-date",
        "number-as-text",
        "null-required",
    ],
)
def test_an_entry_that_parses_but_holds_wrong_data_is_a_miss(
    private_cache: Path, tamper: Any
) -> None:
    expected = valid_plan(PLANS / "quang-ninh.yaml")
    _rewrite(_entry(private_cache), tamper)
    assert valid_plan(PLANS / "quang-ninh.yaml") == expected


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert cache_dir({}) is None
    monkeypatch.delenv("NSCLT_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert valid_plan(PLANS / "quang-ninh.yaml").name == "Quảng Ninh"


def test_a_failed_store_leaves_no_temporary_file(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(self: Path, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    assert valid_plan(PLANS / "quang-ninh.yaml").name == "Quảng Ninh"
    assert list(private_cache.iterdir()) == []


def test_an_entry_is_smaller_than_the_plan_it_saves(private_cache: Path) -> None:
    for path in sorted(PLANS.glob("*.yaml")):
        valid_plan(path)
    entries = sum(entry.stat().st_size for entry in private_cache.glob("*.json.z"))
    plans = sum(path.stat().st_size for path in PLANS.glob("*.yaml"))
    assert len(list(private_cache.glob("*.json.z"))) == len(list(PLANS.glob("*.yaml")))
    assert entries < plans / 2


def test_past_its_cap_the_least_recently_used_entries_go(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from nsclt import cache

    names = ["quang-ninh", "lang-son", "thai-nguyen"]
    for age, name in enumerate(names):
        valid_plan(PLANS / f"{name}.yaml")
        (entry,) = sorted(private_cache.glob("*.json.z"), key=lambda p: p.stat().st_mtime_ns)[-1:]
        os.utime(entry, ns=(age * 10**9, age * 10**9))  # quang-ninh the oldest
    sizes = {e.name: e.stat().st_size for e in private_cache.glob("*.json.z")}
    monkeypatch.setattr(cache, "MAX_CACHE_BYTES", sum(sizes.values()))
    valid_plan(PLANS / "quang-ninh.yaml")  # a hit: now the most recently used
    valid_plan(PLANS / "ha-noi.yaml")  # a store past the cap
    remaining = {p.name for p in private_cache.glob("*.json.z")}
    assert sum((private_cache / n).stat().st_size for n in remaining) <= sum(sizes.values())

    def entry(name: str) -> str:
        return cache._key((PLANS / f"{name}.yaml").read_bytes()) + ".json.z"

    assert {entry("quang-ninh"), entry("ha-noi")} <= remaining  # the two just used
    assert entry("lang-son") not in remaining  # the least recently used


def test_a_changed_files_old_entry_goes_when_its_new_one_is_stored(
    tmp_path: Path, private_cache: Path
) -> None:
    path = tmp_path / "tinh-mau.yaml"
    shutil.copy(EXAMPLES / "good" / "tinh-mau.yaml", path)
    valid_plan(path)
    first = set(private_cache.glob("*.json.z"))
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    valid_plan(path)
    second = set(private_cache.glob("*.json.z"))
    assert len(first) == len(second) == 1 and first != second


def test_entries_of_other_files_stay(private_cache: Path) -> None:
    for name in ("lang-son", "quang-ninh", "lang-son"):
        valid_plan(PLANS / f"{name}.yaml")
    assert len(list(private_cache.glob("*.json.z"))) == 2


def test_a_new_build_of_nsclt_replaces_the_entries_of_the_old_one(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nsclt.cache

    valid_plan(PLANS / "lang-son.yaml")
    old = set(private_cache.glob("*.json.z"))
    monkeypatch.setattr(nsclt.cache, "_fingerprint", lambda: b"another build")
    valid_plan(PLANS / "lang-son.yaml")
    new = set(private_cache.glob("*.json.z"))
    assert len(new) == 1 and new != old


def test_a_damaged_record_of_a_files_last_entry_is_ignored(private_cache: Path) -> None:
    valid_plan(PLANS / "lang-son.yaml")
    for record in private_cache.glob("*.last"):
        record.write_bytes(b"\xff../../etc/passwd")
    import nsclt.cache

    nsclt.cache._forget_replaced(private_cache, PLANS / "lang-son.yaml", "0" * 64)
    assert len(list(private_cache.glob("*.json.z"))) == 1
