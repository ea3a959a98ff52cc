"""Playwright driving Debian's Chromium against the live server, with axe-core."""

import importlib
import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from playwright.sync_api import sync_playwright

# Playwright's sync API keeps an event loop on the main thread; the test's own database
# calls are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests truncate tables afterwards; put the City's reference data back."""
    for migration in ("portal.migrations.0002_reference_data", "enquiries.migrations.0002_topics"):
        importlib.import_module(migration).load(apps, None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_in_call = report.failed
    return report


@pytest.fixture
def page(request, browser, live_server, reference_data):
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    if getattr(request.node, "failed_in_call", False):
        # Leave a screenshot and the HTML of the page where a browser test failed.
        folder = Path("test-results")
        folder.mkdir(exist_ok=True)
        stem = folder / request.node.name.replace("/", "_")
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(page.content())
    context.close()


_axe = Axe()


def assert_accessible(page):
    results = _axe.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
