"""In a real browser with axe-core: the profile, the contact form, the organisation
overview, the area pages, the combined search and the front page, in Danish and English
and at 390 px; and the visitor's way from an area to a solution and its organisation."""

import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import MembershipRole
from portal.models import OutgoingEmail
from tests.browser.conftest import assert_accessible
from tests.factories import UserFactory, member_of
from tests.organisations_public.makers import make_challenge, make_organisation, make_solution

pytestmark = pytest.mark.browser


@pytest.fixture
def valby(reference_data):
    organisation = make_organisation(
        name="Madfællesskabet Valby",
        slug="madfaellesskabet-valby",
        purpose="Folkekøkken, der laver mad af overskudsvarer fra lokale butikker.",
        areas=["valby"],
        sdgs=[2, 12],
        is_rsv_registered=True,
        website="https://madfaellesskabet.example",
    )
    member_of(
        organisation, UserFactory(email="admin@madfaellesskabet.example"), MembershipRole.ADMIN
    )
    make_solution(
        organisation,
        title="Fællesspisning med overskudsmad",
        summary="Et varmt måltid tre dage om ugen for en pris, alle kan betale.",
        areas=["valby"],
    )
    contact = UserFactory(email="kontakt@kk.example")
    make_challenge(contact, title="Mindre madspild i Valbys institutioner", areas=["valby"])
    return organisation


def _url(name, language, *args, query=""):
    with translation.override(language):
        return reverse(name, args=args) + query


def _pages(language):
    return [
        _url("portal:home", language),
        _url("organisations:list", language, query="?q=madspild&district=valby"),
        _url("organisations:detail", language, "madfaellesskabet-valby"),
        _url("organisations:contact", language, "madfaellesskabet-valby"),
        _url("areas:list", language),
        _url("areas:detail", language, "valby"),
        _url("sitesearch:search", language, query="?q=overskud"),
    ]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("language", ["da", "en"])
def test_new_pages_have_no_wcag_violations(page, valby, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in _pages(language):
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
        if width == 390:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, path


def test_the_contact_form_with_errors_is_accessible(page, valby):
    page.goto(_url("organisations:contact", "da", "madfaellesskabet-valby"))
    page.get_by_label("Din e-mailadresse").fill("ikke-en-adresse")
    page.get_by_role("button", name="Send beskeden").click()
    assert page.locator(".form-error").count() >= 2
    assert_accessible(page)


def test_a_visitor_finds_the_solution_on_the_area_page_and_the_profile_and_writes(
    page,
    valby,
):
    page.goto("/")
    page.get_by_role("link", name="Bydele").first.click()
    page.get_by_role("link", name="Valby", exact=True).click()
    assert page.get_by_role("heading", name="Valby", level=1).is_visible()
    assert page.get_by_role("link", name="Fællesspisning med overskudsmad").is_visible()
    assert page.get_by_role("link", name="Mindre madspild i Valbys institutioner").is_visible()
    page.locator("#solutions").get_by_role("link", name="Madfællesskabet Valby").click()

    assert page.get_by_role("heading", name="Madfællesskabet Valby", level=1).is_visible()
    assert page.get_by_text("Registreret socialøkonomisk virksomhed (RSV)").is_visible()
    assert page.get_by_role("link", name="Fællesspisning med overskudsmad").is_visible()
    assert "admin@madfaellesskabet.example" not in page.content()

    page.get_by_role("link", name="Kontakt organisationen").click()
    page.get_by_label("Dit navn").fill("Sara Sørensen")
    page.get_by_label("Din e-mailadresse").fill("sara@example.org")
    page.get_by_label("Din besked").fill("Kan I lave frokost til 40 personer i marts?")
    page.get_by_role("button", name="Send beskeden").click()
    assert page.get_by_text("Din besked er sendt til Madfællesskabet Valby").is_visible()
    assert "admin@madfaellesskabet.example" not in page.content()
    email = OutgoingEmail.objects.get()
    assert email.to == ["admin@madfaellesskabet.example"]
    assert email.reply_to == ["sara@example.org"]


def test_the_front_page_search_box_leads_to_grouped_results(page, valby):
    page.goto("/")
    page.get_by_label("Søg i udfordringer, løsninger og organisationer").fill("madspild")
    page.get_by_role("button", name="Søg", exact=True).click()
    assert page.get_by_role("heading", name="Udfordringer").is_visible()
    assert page.get_by_role("link", name="Mindre madspild i Valbys institutioner").is_visible()
