"""Issue 9.17 in a real browser: a page loads with no 404 (the favicon included), the
tab has the portal's icon, the header shows the mark at 390 px, and an administration on
the front page leads to its challenges."""

import pytest

from portal.models import Administration


@pytest.mark.parametrize("width", [1280, 390])
def test_the_front_page_loads_without_a_404_and_shows_the_mark(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto("/")
    page.wait_for_load_state("networkidle")
    # Chromium asks for the icon the page names; fetching it must work too.
    icon = page.locator('link[rel="icon"][type="image/svg+xml"]').get_attribute("href")
    assert page.request.get(icon).ok
    assert page.request.get("/favicon.ico").ok
    assert missing == []
    mark = page.locator("header .portal-mark")
    assert mark.is_visible()
    assert mark.evaluate("image => image.naturalWidth") > 0


def test_an_administration_on_the_front_page_leads_to_its_challenges(page):
    bif = Administration.objects.get(code="BIF")
    page.goto("/")
    page.get_by_role("link", name=bif.name).click()
    assert page.url.endswith(f"/udfordringer/?administration={bif.slug}")
    assert page.get_by_role("heading", level=1).is_visible()
