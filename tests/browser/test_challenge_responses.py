"""The response lifecycle in a real browser, with axe on every page: the owner accepts
after a confirmation page, both sides go on writing after the acceptance; the entrepreneur
edits and withdraws a response; the challenge form's selects show their whole text and the
fact lists are styled."""

import pytest
from django.test import Client
from django.utils import translation

from challenges import services
from challenges.models import Response, ResponseStatus
from tests.browser.conftest import assert_accessible
from tests.challenge_helpers import make_challenge, submit
from tests.factories import OrganisationFactory, UserFactory, civil_servant, member_of, with_totp


def _session(browser, live_server, user, width=1280):
    """A browser of its own for `user`, logged in (the session counts as two-factor verified)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        base_url=live_server.url, locale="da-DK", viewport={"width": width, "height": 900}
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def people(reference_data):
    owner = with_totp(
        civil_servant("BIF", email="mads@example.org", first_name="Mads", last_name="Nielsen")
    )
    organisation = OrganisationFactory(name="Kaffe & Kompetencer ApS")
    member = member_of(
        organisation, UserFactory(email="anna@example.org", first_name="Anna", last_name="Jensen")
    )
    return owner, organisation, member


def test_the_owner_accepts_after_confirming_and_both_sides_go_on_writing(
    browser, live_server, people
):
    owner, organisation, member = people
    challenge = make_challenge(owner, title="Jobtræning i kantinen")
    response = submit(member, challenge, organisation, message="Vi kan tage fem borgere.")
    services.response_change_status(
        user=owner, response=response, to_status=ResponseStatus.IN_DIALOGUE, message="Hej"
    )
    city = _session(browser, live_server, owner)
    city.goto(response.get_absolute_url())
    assert "Anna Jensen" in city.locator("main").inner_text()  # who responded
    assert_accessible(city)

    # "Acceptér …" asks first; nothing has happened yet.
    city.get_by_role("textbox", name="Besked til organisationen").fill("Velkommen om bord")
    city.get_by_role("button", name="Acceptér …").click()
    city.wait_for_load_state()
    assert city.locator("h1").inner_text() == f"Acceptér svaret fra {organisation.name}?"
    assert_accessible(city)
    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_DIALOGUE
    assert city.get_by_role("textbox").input_value() == "Velkommen om bord"
    city.get_by_role("button", name="Ja, acceptér svaret").click()
    city.wait_for_url(f"**{response.get_absolute_url()}")
    assert "Svaret er accepteret." in city.locator("main").inner_text()
    response.refresh_from_db()
    assert response.status == ResponseStatus.ACCEPTED
    assert_accessible(city)

    # The entrepreneur, in a browser of their own, writes after the acceptance ...
    firm = _session(browser, live_server, member, width=390)
    firm.goto(response.get_absolute_url())
    assert "Accepteret" in firm.locator("main").inner_text()
    assert "Velkommen om bord" in firm.locator(".response-thread").inner_text()
    assert_accessible(firm)
    firm.get_by_role("textbox", name="Besked").fill("Tak! Vi starter mandag.")
    firm.get_by_role("button", name="Send beskeden").click()
    firm.wait_for_load_state()
    assert "Tak! Vi starter mandag." in firm.locator(".response-thread").inner_text()
    assert_accessible(firm)

    # ... and the City answers.
    city.reload()
    assert "Tak! Vi starter mandag." in city.locator(".response-thread").inner_text()
    city.get_by_role("textbox", name="Besked").fill("Godt, vi ses.")
    city.get_by_role("button", name="Send beskeden").click()
    city.wait_for_load_state()
    firm.reload()
    assert "Godt, vi ses." in firm.locator(".response-thread").inner_text()
    assert list(response.messages.exclude(body="").values_list("body", flat=True)) == [
        "Hej",
        "Velkommen om bord",
        "Tak! Vi starter mandag.",
        "Godt, vi ses.",
    ]
    firm.context.close()
    city.context.close()


def test_the_entrepreneur_edits_then_withdraws_the_response(browser, live_server, people):
    owner, organisation, member = people
    challenge = make_challenge(owner, title="Genbrug af møbler")
    response = submit(member, challenge, organisation, message="Første udkast")
    firm = _session(browser, live_server, member, width=390)
    firm.goto(response.get_absolute_url())
    firm.get_by_role("link", name="Ret svaret").click()
    firm.wait_for_load_state()
    assert_accessible(firm)
    firm.locator("#id_message").fill("")
    firm.get_by_role("button", name="Gem svaret").click()
    firm.wait_for_load_state()
    assert firm.locator("#id_message").get_attribute("aria-invalid") == "true"
    assert_accessible(firm)
    firm.locator("#id_message").fill("Vi kan reparere 300 møbler om året.")
    firm.get_by_role("button", name="Gem svaret").click()
    firm.wait_for_url(f"**{response.get_absolute_url()}")
    assert "Vi kan reparere 300 møbler om året." in firm.locator("main").inner_text()

    firm.get_by_role("link", name="Træk svaret tilbage …").click()
    firm.wait_for_load_state()
    assert_accessible(firm)
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    firm.get_by_role("button", name="Ja, træk svaret tilbage").click()
    firm.wait_for_url(f"**{response.get_absolute_url()}")
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.WITHDRAWN
    assert "Skriv en besked" not in firm.locator("main").inner_text()
    assert_accessible(firm)
    firm.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_challenge_forms_selects_show_their_text_and_the_facts_are_styled(
    browser, live_server, people, width
):
    owner, _organisation, _member = people
    owner.first_name, owner.last_name = "Mads Christian", "Nielsen-Østergaard"
    owner.save()
    challenge = make_challenge(owner, co_owners=["SOF"])
    page = _session(browser, live_server, owner, width=width)
    page.goto("/udfordringer/ny/")
    cut = page.evaluate(
        """() => [...document.querySelectorAll('main select')].filter(select => {
            const context = document.createElement('canvas').getContext('2d');
            context.font = getComputedStyle(select).font;
            const widths = [...select.options].map(o => context.measureText(o.text).width);
            const widest = Math.max(...widths);
            const room = select.clientWidth - parseFloat(getComputedStyle(select).paddingLeft)
                - parseFloat(getComputedStyle(select).paddingRight);
            const column = select.parentElement.clientWidth;
            return widest > room && select.offsetWidth < column;
        }).map(select => select.id)"""
    )
    assert cut == []  # wide enough for the longest option, or as wide as the column allows
    with translation.override("da"):
        page.goto(challenge.get_absolute_url())
    term = page.locator("dl.fact-list dt").nth(1)
    assert term.evaluate("e => getComputedStyle(e).fontWeight") == "600"
    assert term.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert_accessible(page)
    page.context.close()
