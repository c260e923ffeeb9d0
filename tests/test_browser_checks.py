"""The browser tests' own checks catch what they are there to catch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser import broken_links, console_errors, open_page

BROKEN = """<!DOCTYPE html><html><body>
<a href="#nowhere">a</a> <a href="missing.html">b</a> <a href="#here">c</a>
<a href="https://example.org/">d</a> <p id="here"></p>
<script>console.error("boom")</script></body></html>
"""


def test_a_broken_link_and_a_console_error_are_caught(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(BROKEN, encoding="utf-8")
    open_page(browser, page)
    assert broken_links(browser, page) == ["#nowhere", "missing.html"]
    assert any("boom" in message for message in console_errors(browser))
