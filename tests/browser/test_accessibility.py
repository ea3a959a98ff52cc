"""axe-core WCAG 2.1 A/AA on the main pages, in Danish and English."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import assert_accessible
from tests.factories import OrganisationFactory, UserFactory, member_of, with_totp

PUBLIC_PAGES = [
    "portal:home",
    "account_login",
    "account_signup",
    "account_reset_password",
    "portal:accessibility",
    "portal:privacy",
    "portal:contact",
    "organisations:list",
    "enquiries:create",
]


def _url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def _login(page, live_server, user):
    from django.contrib.auth import SESSION_KEY
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    assert SESSION_KEY


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_wcag_violations(page, name, language):
    page.goto(_url(name, language))
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


@pytest.mark.parametrize("language", ["da", "en"])
def test_pages_of_a_logged_in_entrepreneur_have_no_wcag_violations(page, live_server, language):
    organisation = OrganisationFactory(name="Kaffe & Kompetencer ApS")
    user = member_of(organisation, UserFactory(email="anna@example.org"))
    _login(page, live_server, user)
    for url in [
        _url("portal:profile", language),
        _url("organisations:create", language),
        _url("organisations:detail", language, slug=organisation.slug),
        _url("organisations:edit", language, slug=organisation.slug),
        _url("organisations:members", language, slug=organisation.slug),
        _url("portal:account_delete", language),
        _url("mfa_index", language),
    ]:
        page.goto(url)
        assert_accessible(page)


@pytest.mark.parametrize("language", ["da", "en"])
def test_form_with_errors_has_no_wcag_violations(page, live_server, language):
    _login(page, live_server, UserFactory())
    page.goto(_url("organisations:create", language))
    page.locator("#id_cvr").fill("64942213")
    page.locator("form[method=post] button[type=submit]").last.click()
    assert page.locator("#id_cvr").get_attribute("aria-invalid") == "true"
    assert_accessible(page)


def test_staff_page_has_no_wcag_violations(page, live_server):
    from tests.factories import civil_servant

    _login(page, live_server, with_totp(civil_servant("BIF")))
    page.goto(_url("portal:staff_overview", "da"))
    assert_accessible(page)


def test_the_axe_check_itself_finds_a_violation(page):
    """Guards the guard: a page with an unlabelled image and no lang must fail axe."""
    from tests.browser.conftest import WCAG_21_AA, _axe

    page.set_content("<html><body><img src='x.png'><input type='text'></body></html>")
    assert _axe.run(page, options=WCAG_21_AA).violations_count >= 2


@pytest.mark.parametrize("language", ["da", "en"])
def test_response_pages_have_no_wcag_violations(page, live_server, language, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from challenges import services
    from challenges.models import ResponseStatus
    from tests.challenge_helpers import make_challenge
    from tests.factories import civil_servant

    settings.MEDIA_ROOT = tmp_path
    owner = with_totp(civil_servant("BIF"))
    organisation = OrganisationFactory(name="Kaffe & Kompetencer ApS")
    member = member_of(organisation, UserFactory(email="anna@example.org"))
    answered = make_challenge(owner, title="Besvaret udfordring")
    open_challenge = make_challenge(owner, title="Åben udfordring")
    response = services.response_submit(
        user=member,
        challenge=answered,
        organisation=organisation,
        message="Vi kan hjælpe.",
        offer="Kantinedrift",
        attachment=SimpleUploadedFile("tilbud.pdf", b"%PDF-1.4\n"),
    )
    services.response_change_status(
        user=owner, response=response, to_status=ResponseStatus.IN_DIALOGUE, message="Hej"
    )
    _login(page, live_server, member)
    for url in [
        _url("challenges:respond", language, pk=open_challenge.pk),
        _url("challenges:response", language, pk=response.pk),
        _url("challenges:my_responses", language),
        _url("challenges:detail", language, pk=answered.pk),
    ]:
        page.goto(url)
        assert_accessible(page)
    page.goto(_url("challenges:respond", language, pk=open_challenge.pk))
    page.locator("form[method=post] button[type=submit]").last.click()
    assert page.locator("#id_message").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    _login(page, live_server, owner)
    for url in [
        _url("challenges:response", language, pk=response.pk),
        _url("challenges:detail", language, pk=answered.pk),
        _url("challenges:mine", language),
    ]:
        page.goto(url)
        assert_accessible(page)
    _login(page, live_server, UserFactory())
    page.goto(_url("challenges:respond", language, pk=open_challenge.pk))
    assert_accessible(page)


@pytest.mark.parametrize("language", ["da", "en"])
def test_enquiry_form_with_errors_and_the_status_page_have_no_wcag_violations(page, language):
    page.goto(_url("enquiries:create", language))
    page.locator("#id_name").fill("Anna Jensen")
    page.locator("#id_email").fill("anna@example.org")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".alert-error, .alert.alert-error").count() >= 1
    assert_accessible(page)

    page.locator("#id_topic").select_option(index=2)
    page.locator("#id_message").fill("Vi søger et køkken på Nørrebro.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/status/"))
    assert "EI-" in page.locator("h1").inner_text()
    assert_accessible(page)
