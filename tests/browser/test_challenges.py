"""The challenge overview in a real browser: the civil servant's and the entrepreneur's
journey, and axe on the overview, the detail page and the forms in both languages."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from challenges.models import Challenge, Response, Status
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import log_in
from tests.challenge_helpers import make_challenge
from tests.conftest import totp_code
from tests.factories import (
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    civil_servant,
    member_of,
    with_totp,
)


def test_civil_servant_publishes_an_entrepreneur_finds_and_answers_and_sees_the_shortlisting(
    page, browser, live_server
):
    servant = with_totp(civil_servant("BIF", email="mads@example.org", first_name="Mads"))
    log_in(page, servant.email, code=totp_code(TOTP_SECRET))

    # The civil servant creates and publishes a challenge.
    page.goto(reverse("challenges:create"))
    assert_accessible(page)
    page.locator("#id_title").fill("Genbrugte computere med licenser til foreninger")
    page.locator("#id_summary").fill("Kommunen kasserer hvert år computere, der kan bruges igen.")
    page.locator("#id_description").fill(
        "Vi søger en socialøkonomisk virksomhed, der kan klargøre dem."
    )
    page.locator("#id_owner").select_option(label="Beskæftigelses- og Integrationsforvaltningen")
    page.locator("#id_collaboration").select_option("pilot")
    page.locator("#id_deadline").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.locator("main form button.button-primary[type=submit]").click()
    page.wait_for_url(re.compile(r"/udfordringer/\d+/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Offentliggør").click()
    page.wait_for_load_state()
    challenge = Challenge.objects.get()
    assert challenge.status == Status.PUBLISHED

    # An entrepreneur, in another browser, searches for part of a word and answers.
    entrepreneur = member_of(
        OrganisationFactory(name="Grøn IT ApS"), UserFactory(email="anna@example.org")
    )
    other = browser.new_context(base_url=live_server.url, locale="da-DK")
    visitor = other.new_page()
    log_in(visitor, entrepreneur.email)
    visitor.goto(reverse("challenges:list"))
    visitor.locator("#id_q").fill("licens")
    visitor.locator("form.overview-filters button[type=submit]").click()
    visitor.wait_for_load_state()
    result = visitor.get_by_role("link", name=re.compile("Genbrugte computere"))
    assert result.count() == 1
    assert visitor.locator("mark").first.inner_text() == "licenser"
    result.click()
    visitor.wait_for_url(re.compile(rf"/udfordringer/{challenge.pk}/$"))
    visitor.get_by_role("link", name="Svar på udfordringen").click()
    visitor.wait_for_load_state()
    assert_accessible(visitor)
    visitor.locator("#id_message").fill("Vi klargør 500 computere om året med nye licenser.")
    visitor.locator("main form button.button-primary[type=submit]").click()
    visitor.wait_for_load_state()
    response = Response.objects.get()
    assert response.organisation.name == "Grøn IT ApS"

    # The civil servant shortlists the answer.
    page.goto(response.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("button", name="Udvælg svaret").click()
    page.wait_for_load_state()
    response.refresh_from_db()
    assert response.status == "shortlisted"

    # The entrepreneur sees that under "Mine svar".
    visitor.goto(reverse("challenges:my_responses"))
    assert "Udvalgt" in visitor.locator("main").inner_text()
    assert_accessible(visitor)
    other.close()


@pytest.mark.parametrize("language", ["da", "en"])
def test_challenge_pages_have_no_wcag_violations(page, live_server, language):
    servant = with_totp(civil_servant("BIF", email="sofie@example.org"))
    challenge = make_challenge(servant, title="Cykelværksted for unge", co_owners=["SOF"])
    make_challenge(servant, title="Mindre madspild", status=Status.DRAFT)
    with translation.override(language):
        overview = reverse("challenges:list")
        detail = challenge.get_absolute_url()
    page.goto(overview)
    assert_accessible(page)
    page.goto(overview + "?q=cykel&administration=bif&state=open&sort=deadline")
    assert page.locator(".overview-tags a").count() >= 3
    assert_accessible(page)
    page.goto(overview + "?q=findesikke")
    assert_accessible(page)
    page.goto(detail)
    assert_accessible(page)

    from django.test import Client

    client = Client()
    client.force_login(servant)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    with translation.override(language):
        urls = [
            detail,
            reverse("challenges:edit", args=[challenge.pk]),
            reverse("challenges:mine"),
            reverse("challenges:create"),
        ]
    for url in urls:
        page.goto(url)
        assert_accessible(page)
    # The form with errors (a deadline in the past).
    page.goto(urls[1])
    page.locator("#id_deadline").fill("2020-01-01")
    page.locator("main form button.button-primary[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_deadline").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
