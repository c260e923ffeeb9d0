"""Every message key the code uses is in both catalogues, and every key there is used.

Keys are read from the source itself. A key is either a literal at the place that asks
for it, or built at run time from a prefix declared below with the values it can take;
a key built any other way fails the test, since no test could tell whether it exists.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import click
import typer

from conftest import ROOT
from nsclt.cli import app
from nsclt.failures import OS_REASONS
from nsclt.i18n import TRANSLATED_PARAMS, en, vi
from nsclt.model import TARGET_KINDS, Direction, IndicatorKind, Qualifier
from nsclt.problems import Level
from nsclt.reasons import SyntaxKind, Unreadable
from nsclt.render.compare import NO_TARGET as COMPARE_NO_TARGET
from nsclt.render.compare import NOT_TRACKING
from nsclt.render.records import NO_TARGET
from nsclt.render.workbook import OWN_HEADERS
from nsclt.report import DECISIONS, GROWTH_VERDICTS, STATUSES

SOURCES = sorted((ROOT / "src" / "nsclt").rglob("*.py"))
CATALOGUES = {ROOT / "src" / "nsclt" / "i18n" / name for name in ("en.py", "vi.py")}

# Words that problems carry as parameters (the type expected or found, a rule, a
# direction) and that the translator puts in the user's language.
WORDS = (
    "integer",
    "number",
    "text",
    "boolean",
    "date",
    "list",
    "mapping",
    "null",
    "greater_than_equal",
    "less_than_equal",
    "greater_than",
    "less_than",
    "valid",
    *get_args(Direction),
)
# What problems carry as parameters, translated under the prefixes TRANSLATED_PARAMS names.
PARAMETER_WORDS: dict[str, tuple[str, ...]] = {
    "word": WORDS,
    "reason": tuple(Unreadable),
    "oserror": OS_REASONS,
    "yaml": tuple(SyntaxKind),
    "qualifier_name": ("none", *get_args(Qualifier)),
}

# Keys built at run time: the literal prefix of the f-string, and every value it may end in.
ENUMERATED: dict[str, tuple[str, ...]] = {
    "status.": (*STATUSES, NO_TARGET),
    "qualifier.": get_args(Qualifier),
    "target.": TARGET_KINDS,
    "explain.verdict.": GROWTH_VERDICTS,
    "explain.kind.": get_args(IndicatorKind),
    "kind.": get_args(IndicatorKind),
    "flag.outside_band.": get_args(Direction),
    "level.": tuple(level.value for level in Level),
    "oserror.": OS_REASONS,
    "usage.missing_": ("argument", "option"),
    "word.": get_args(Direction),
    "decide.": DECISIONS,
    "band.": ("on_track", "needs_acceleration", "limited_progress", "deteriorating"),
    "compare.": (NOT_TRACKING, COMPARE_NO_TARGET),
    "xlsx.col.": OWN_HEADERS,
}

# Calls that take a message key, and the position of the key among their arguments.
KEY_ARGUMENT = {
    "t": 0,
    "Key": 0,
    "has": 0,
    "Failure": 0,
    "UsageFailure": 0,
    "InvalidPlan": 1,
    "os_failure": 1,
    "_notice": 0,
}
# A key passed on by a value that was given it where it was made (a Failure's key, a
# notice's key, a problem's code): checked there, at the place it was written.
CARRIED = {"key", "hint", "code"}
# The command-line frame (localised.py) looks texts up by command and parameter name.
CLI_PREFIXES = ("help.", "metavar.")
KEY_SHAPE = re.compile(r"^(NSC\d{3}(\.hint)?|[a-z_]+(\.[a-z_]+)*(\.E[A-Z]+)?)$")


def _called_name(call: ast.Call) -> str | None:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    if isinstance(function, ast.Call):  # translator(ctx)("key")
        inner = _called_name(function)
        return "t" if inner == "translator" else None
    return None


def _key_arguments(tree: ast.AST) -> Iterator[tuple[ast.expr, int]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node)
        if name in KEY_ARGUMENT and len(node.args) > KEY_ARGUMENT[name]:
            yield node.args[KEY_ARGUMENT[name]], node.lineno
        if name in ("Failure", "UsageFailure"):
            for keyword in node.keywords:
                if keyword.arg == "hint":
                    yield keyword.value, node.lineno


def _fstring_prefix(node: ast.JoinedStr) -> str:
    first = node.values[0] if node.values else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""


def _scan() -> tuple[set[str], set[str], list[str]]:
    """(literal keys asked for, prefixes of keys built at run time, places that break the rule)."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    broken: list[str] = []
    for path in SOURCES:
        if path in CATALOGUES or (path.name == "__init__.py" and path.parent.name == "i18n"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in en.TEXT:
                literals.add(node.value)
        for argument, line in _key_arguments(tree):
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                if argument.value not in en.TEXT:
                    broken.append(f"{where}:{line}: {argument.value!r} is in no catalogue")
            elif isinstance(argument, ast.JoinedStr):
                prefix = _fstring_prefix(argument)
                if prefix in ENUMERATED or prefix.startswith(CLI_PREFIXES):
                    prefixes.add(prefix)
                else:
                    broken.append(f"{where}:{line}: key built from undeclared {prefix!r}")
            elif isinstance(argument, ast.Attribute) and argument.attr in CARRIED:
                continue
            elif isinstance(argument, ast.Name) and argument.id in CARRIED:
                continue  # a parameter passing on its caller's key, checked at the call
            elif isinstance(argument, ast.Constant) and argument.value is None:
                continue
            else:
                broken.append(f"{where}:{line}: a key that is not written where it is used")
    return literals, prefixes, broken


def _cli_keys() -> set[str]:
    """help.* and metavar.* keys the command-line frame can look up."""
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    keys = {"help.app", "help.help", "help.version", "help.lang"}
    keys.update(("help.install_completion", "help.show_completion"))
    for name, command in group.commands.items():
        keys.add(f"help.{name}")
        for param in command.params:
            keys.add(f"help.{name}.{param.name}")
            keys.add(f"help.{param.name}")
            keys.add(f"metavar.{param.name}")
    for param in group.params:
        keys.add(f"metavar.{param.name}")
    return keys


def test_every_key_the_code_asks_for_is_written_where_it_is_asked() -> None:
    _, _, broken = _scan()
    assert broken == []


def test_every_key_used_or_enumerated_is_in_both_catalogues() -> None:
    literals, prefixes, _ = _scan()
    enumerated = {p + v for p in ENUMERATED for v in ENUMERATED[p] if p in prefixes}
    wanted = literals | enumerated
    assert sorted(k for k in wanted if k not in en.TEXT) == []
    assert sorted(k for k in wanted if k not in vi.TEXT) == []


def test_every_declared_prefix_is_used() -> None:
    _, prefixes, _ = _scan()
    assert sorted(set(ENUMERATED) - prefixes) == []
    translated = {prefix for names in TRANSLATED_PARAMS.values() for prefix in names}
    assert translated == set(PARAMETER_WORDS)


def test_every_word_a_problem_can_carry_is_in_both_catalogues() -> None:
    wanted = {f"{prefix}.{word}" for prefix, words in PARAMETER_WORDS.items() for word in words}
    assert sorted(wanted - set(en.TEXT)) == []
    assert sorted(wanted - set(vi.TEXT)) == []


def test_no_catalogue_key_is_unused() -> None:
    literals, prefixes, _ = _scan()
    used = set(literals)
    used |= {p + v for p in ENUMERATED if p in prefixes for v in ENUMERATED[p]}
    used |= {f"{code}.hint" for code in used if re.fullmatch(r"NSC\d{3}", code)}
    used |= {f"{prefix}.{word}" for prefix, words in PARAMETER_WORDS.items() for word in words}
    used.add("word.document")  # the field name of the whole file (problems.WHOLE_DOCUMENT)
    cli = _cli_keys()
    unused = [
        key
        for key in en.TEXT
        if key not in used and not (key.startswith(CLI_PREFIXES) and key in cli | _frame())
    ]
    assert unused == []


def _frame() -> set[str]:
    """The frame's own words (usage line, section headings), asked for literally."""
    literals, _, _ = _scan()
    return {key for key in literals if key.startswith(CLI_PREFIXES)}


def test_keys_look_like_keys() -> None:
    assert [key for key in en.TEXT if not KEY_SHAPE.match(key)] == []


def test_the_scan_sees_a_key_that_does_not_exist(tmp_path: Path) -> None:
    tree = ast.parse('t("status.nonexistent")\nt(some_variable)\nt(f"undeclared.{x}")')
    found = [ast.unparse(argument) for argument, _ in _key_arguments(tree)]
    assert found == ["'status.nonexistent'", "some_variable", "f'undeclared.{x}'"]
