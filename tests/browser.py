"""Pages opened as a person opens them: Debian's Chromium, headless, driven by ChromeDriver.

Without Chromium the browser tests skip, saying why, so that the README's test command
passes on any machine; CI installs it and sets NSCLT_BROWSER=required, which turns the
skip into a failure.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
A4_POINTS = (595.0, 842.0)
"""A4 in PDF points (210 × 297 mm), as Chromium writes the media box of a page."""


def required() -> bool:
    return os.environ.get("NSCLT_BROWSER") == "required"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("the selenium package")
    if missing:
        reason = f"no browser to test pages in: {', '.join(missing)} missing"
        if required():
            pytest.fail(reason + " (NSCLT_BROWSER=required)")
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # Headless, as root, with no network: Chromium's own background connections are refused
    # on such a machine, so they are switched off rather than left to fail.
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
        "--allow-file-access-from-files",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def open_page(driver: Any, path: Path) -> None:
    driver.get_log("browser")  # what earlier pages logged is theirs, not this page's
    driver.get(path.resolve().as_uri())


def console_errors(driver: Any) -> list[str]:
    """What the page wrote to the console at the level of an error, or failed to load."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def broken_links(driver: Any, page: Path) -> list[str]:
    """Links that lead nowhere: a fragment naming no element, or a file that is not there.
    Addresses on the web are left alone: the machine that runs the tests has no network."""
    broken = []
    ids = set(driver.execute_script("return [...document.querySelectorAll('[id]')].map(e => e.id)"))
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
    )
    for href in hrefs:
        if re.match(r"^[a-z][a-z0-9+.-]*:", href):
            if href.startswith("file:"):
                broken.append(href)  # a page must link relatively, so that it can be moved
            continue
        target, _, fragment = href.partition("#")
        document = (page.parent / target).resolve() if target else page
        if not document.exists() or (fragment and not target and fragment not in ids):
            broken.append(href)
    return broken


def pdf_of(driver: Any) -> bytes:
    """The page printed as Chromium prints it, with the page size its CSS asks for."""
    printed = driver.execute_cdp_cmd(
        "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
    )
    return base64.b64decode(printed["data"])


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """The width and height in points of each page of a PDF, from its media boxes."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def screenshot(driver: Any, name: str) -> Path:
    """A screenshot of the whole page, kept under tests/screenshots/ for a person to look at."""
    folder = Path(__file__).parent / "screenshots"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.png"
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1280, "height": min(int(height), 8000), "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        path.write_bytes(
            base64.b64decode(
                driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
            )
        )
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return path


def is_blank(png: Path) -> bool:
    """Whether a screenshot shows nothing: a single colour, or next to it."""
    from PIL import Image

    with Image.open(io.BytesIO(png.read_bytes())) as image:
        colours = image.convert("L").getcolors(maxcolors=1 << 16) or []
    return len(colours) < 8


def clean_screenshots() -> None:
    shutil.rmtree(Path(__file__).parent / "screenshots", ignore_errors=True)
