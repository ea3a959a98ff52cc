"""Issue 14, point 7: the front page's weight as a visitor's browser receives it from the
production stack (`make prod`: nginx with gzip and a year's immutable caching of hashed
static files, in front of gunicorn with the production settings and the demo data).

Every response's bytes on the wire are Chromium's own count (the DevTools protocol's
`Network.loadingFinished` encodedDataLength: headers and the compressed body). A first
visit, with an empty cache, must stay within 200 KB in all (HTML, CSS, JavaScript, fonts,
icons); a repeat visit in the same browser within 15 KB (only the page itself is fetched
again)."""

import base64
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from deploy import stack
from tests.browser.conftest import CHROMIUM_ARGS
from tests.operations import processes as fixtures
from tests.operations.processes import free_port

temp_cluster, database = fixtures.temp_cluster, fixtures.database

FIRST_VISIT_BUDGET = 200 * 1024
REPEAT_VISIT_BUDGET = 15 * 1024

needs_nginx = pytest.mark.skipif(not Path(stack.NGINX).exists(), reason="nginx is not installed")


@pytest.fixture
def production(database, tmp_path, monkeypatch):
    """The stack of `make prod` (one app instance is enough here) on the demo data."""
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)  # never in production
    demo = subprocess.run(
        [fixtures.PYTHON, "manage.py", "load_demo_data", "--allow-production"],
        cwd=fixtures.ROOT,
        env=fixtures.child_environment(DATABASE_URL=database.url),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    running = stack.Stack(
        run=tmp_path / "prod",
        https_port=free_port(),
        environment={"DATABASE_URL": database.url, "EMAIL_HOST": ""},
        web_instances=1,
        workers=0,
        quiet=True,
    )
    try:
        running.start()
        running.wait_ready(180)
        yield running
    finally:
        running.stop()


def visit(context, url: str) -> list[tuple[str, int]]:
    """Open `url` in a new tab of `context`; every response's URL and bytes received."""
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    urls: dict[str, str] = {}
    received: dict[str, int] = {}
    devtools.on(
        "Network.requestWillBeSent", lambda e: urls.update({e["requestId"]: e["request"]["url"]})
    )
    devtools.on(
        "Network.loadingFinished",
        lambda e: received.update({e["requestId"]: int(e["encodedDataLength"])}),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
    page.wait_for_load_state("networkidle")
    assert set(received) <= set(urls)
    measured = sorted((urls[request], size) for request, size in received.items())
    page.close()
    return measured


def _report(title: str, measured: list[tuple[str, int]]) -> str:
    lines = [f"{title}: {sum(s for _, s in measured) / 1024:.1f} KB"]
    lines += [f"  {size / 1024:7.1f} KB  {url}" for url, size in measured]
    return "\n".join(lines)


def trusting(browser, certificate: Path):
    """A second Chromium (of the same Playwright) that trusts the stack's self-signed
    certificate as if it were signed by a known authority. Chromium keeps nothing in its
    cache from a site whose certificate is in error, so merely ignoring the error would
    make every visit a first visit."""
    key = x509.load_pem_x509_certificate(certificate.read_bytes()).public_key()
    spki = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fingerprint = base64.b64encode(hashlib.sha256(spki).digest()).decode()
    return browser.browser_type.launch(
        executable_path=shutil.which("chromium") or "/usr/bin/chromium",
        args=[*CHROMIUM_ARGS, f"--ignore-certificate-errors-spki-list={fingerprint}"],
    )


@pytest.mark.slow
@needs_nginx
def test_the_front_page_weighs_within_budget_on_a_first_and_a_repeat_visit(browser, production):
    chromium = trusting(browser, production.run / "tls.crt")
    try:
        context = chromium.new_context(locale="da-DK")
        first = visit(context, production.url + "/")
        repeat = visit(context, production.url + "/")
    finally:
        chromium.close()
    print(_report("first visit", first))  # the figures in the README come from here
    print(_report("repeat visit", repeat))

    kinds = {url.rsplit(".", 1)[-1] for url, size in first if "/static/" in url}
    assert {"css", "js", "woff2"} <= kinds, first  # the measurement saw the assets
    assert sum(size for _, size in first) <= FIRST_VISIT_BUDGET, _report("first visit", first)
    # On the repeat visit only the page itself crosses the network (hashed files are
    # immutable for a year and come from the browser's cache).
    fetched_again = [url for url, size in repeat if size > 0]
    assert fetched_again == [production.url + "/"], _report("repeat visit", repeat)
    assert sum(size for _, size in repeat) <= REPEAT_VISIT_BUDGET, _report("repeat", repeat)
