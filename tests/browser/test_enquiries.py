"""The single point of contact in a real browser: a visitor asks, the contact officer
routes to BIF, BIF answers, the visitor reads the answer and writes back, the contact
officer closes; axe on the staff pages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from enquiries.domain import Status
from enquiries.models import Enquiry, EnquiryEvent
from portal.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import log_in
from tests.conftest import totp_code
from tests.factories import TOTP_SECRET, UserFactory, civil_servant, with_role, with_totp

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _submit(page, form_selector="main form"):
    page.locator(f"{form_selector} button[type=submit]").first.click()
    page.wait_for_load_state()


def _action(page, name):
    _submit(page, f"form[action*='/{name}/']")


def test_enquiry_from_visitor_to_bif_and_back(page, browser, live_server, tmp_path):
    officer = with_totp(
        with_role(UserFactory(email="karen@example.org", first_name="Karen"), Role.CONTACT_OFFICER)
    )
    servant = with_totp(civil_servant("BIF", email="mads@example.org", first_name="Mads"))

    # A visitor sends an enquiry with an attachment.
    attachment = tmp_path / "plan.pdf"
    attachment.write_bytes(PDF)
    page.goto(reverse("enquiries:create"))
    page.locator("#id_name").fill("Anna Jensen")
    page.locator("#id_email").fill("anna@example.org")
    page.locator("#id_topic").select_option(label="Beskæftigelse og samarbejde med jobcentret")
    page.locator("#id_message").fill("Kan vi få løntilskud til en ny medarbejder?")
    page.locator("#id_attachments").set_input_files(str(attachment))
    # No consent to tick: the form states the legal basis and links to the privacy page.
    assert page.locator("#id_consent").count() == 0
    assert "artikel 6, stk. 1, litra e" in page.locator("#privacy-notice").inner_text()
    assert page.get_by_role("link", name="privatlivspolitikken").is_visible()
    _submit(page)
    page.wait_for_url(re.compile(r"/kontakt/status/"))
    status_url = page.url
    assert "Du kan forvente et svar" in page.content()
    enquiry = Enquiry.objects.get()
    assert enquiry.attachments.get().original_name == "plan.pdf"

    # The contact officer routes it to BIF.
    staff = browser.new_context(base_url=live_server.url, locale="da-DK")
    office = staff.new_page()
    log_in(office, officer.email, code=totp_code(TOTP_SECRET))
    office.goto(reverse("enquiries:staff_queue"))
    assert_accessible(office)
    office.get_by_role("link", name=enquiry.reference).click()
    office.wait_for_url(re.compile(rf"/{enquiry.pk}/$"))
    assert_accessible(office)
    office.locator("#id_route-lead").select_option(
        label="Beskæftigelses- og Integrationsforvaltningen"
    )
    office.locator("#id_route-note").fill("Løntilskud hører under jobcentret.")
    _action(office, "route")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.ROUTED

    # A BIF civil servant confirms, takes it and answers.
    bif_context = browser.new_context(base_url=live_server.url, locale="da-DK")
    bif = bif_context.new_page()
    log_in(bif, servant.email, code=totp_code(TOTP_SECRET))
    bif.goto(reverse("enquiries:inbox"))
    assert_accessible(bif)
    bif.get_by_role("link", name=enquiry.reference).click()
    bif.wait_for_url(re.compile(rf"/{enquiry.pk}/$"))
    _action(bif, "confirm")
    _action(bif, "take")
    assert_accessible(bif)
    bif.locator("#id_reply-body").fill("I kan søge løntilskud via jobcentret.")
    _action(bif, "reply")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.ANSWERED
    assert enquiry.handler == servant

    # The visitor reads the answer through the status link and writes back. The page
    # names the administration handling it and no longer promises an answer.
    page.goto(status_url)
    assert "I kan søge løntilskud via jobcentret." in page.content()
    assert page.get_by_text(
        "Behandles af: Beskæftigelses- og Integrationsforvaltningen."
    ).is_visible()
    assert "Du kan forvente et svar" not in page.content()
    assert "Løntilskud hører under jobcentret." not in page.content()  # internal
    page.locator("#id_body").fill("Tak! Gælder det også for fleksjob?")
    _submit(page)
    assert "Tak! Gælder det også for fleksjob?" in page.content()
    assert enquiry.events.filter(kind=EnquiryEvent.Kind.MESSAGE, from_enquirer=True).exists()

    # The contact officer closes it.
    office.reload()
    assert "Tak! Gælder det også for fleksjob?" in office.content()
    _action(office, "close")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.CLOSED
    staff.close()
    bif_context.close()


def test_staff_pages_are_accessible_in_english(page, live_server):
    officer = with_totp(with_role(UserFactory(email="karen@example.org"), Role.CONTACT_OFFICER))
    with_totp(civil_servant("BIF", email="karen.bif@example.org"))
    log_in(page, officer.email, code=totp_code(TOTP_SECRET))
    with translation.override("en"):
        queue = reverse("enquiries:staff_queue")
    page.goto(queue)
    assert_accessible(page)
    page.goto(queue + "?status=all&overdue=on&q=nothing")
    assert_accessible(page)


def test_inbox_and_staff_detail_are_accessible_in_english(page, live_server):
    from django.test import Client

    from enquiries import services, staff_services
    from enquiries.models import Topic
    from portal.models import Administration

    officer = with_totp(with_role(UserFactory(email="officer@example.org"), Role.CONTACT_OFFICER))
    servant = with_totp(civil_servant("BIF", email="bif@example.org"))
    enquiry, _token = services.enquiry_submit(
        data={
            "name": "Anna <b>Jensen</b>",
            "email": "anna@example.org",
            "topic": Topic.objects.get(slug="employment"),
            "message": "Vi vil ansætte to i løntilskud. <script>alert(1)</script>",
        },
        status_url_builder=lambda token: f"https://x/{token}",
    )
    staff_services.enquiry_triage(enquiry=enquiry, actor=officer)
    staff_services.enquiry_route(
        enquiry=enquiry, lead=Administration.objects.get(code="BIF"), actor=officer
    )
    client = Client()
    client.force_login(servant)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    with translation.override("en"):
        inbox = reverse("enquiries:inbox")
        detail = reverse("enquiries:staff_detail", args=[enquiry.pk])
    page.goto(inbox)
    assert enquiry.reference in page.content()
    assert_accessible(page)
    page.goto(detail)
    assert "<script>alert(1)</script>" not in page.content()
    assert_accessible(page)


def test_the_form_the_status_page_and_the_queue_work_without_javascript(
    browser, live_server, reference_data, tmp_path
):
    officer = with_totp(with_role(UserFactory(email="karen@example.org"), Role.CONTACT_OFFICER))
    attachment = tmp_path / "plan.pdf"
    attachment.write_bytes(PDF)
    context = browser.new_context(
        base_url=live_server.url, locale="da-DK", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(reverse("enquiries:create"))
    page.locator("#id_name").fill("Anna Jensen")
    page.locator("#id_email").fill("anna@example.org")
    page.locator("#id_topic").select_option(label="Lokaler")
    page.locator("#id_message").fill("Vi søger et køkken på Nørrebro.")
    page.locator("#id_attachments").set_input_files(str(attachment))
    _submit(page)
    page.wait_for_url(re.compile(r"/kontakt/status/"))
    page.locator("#id_body").fill("Vi kan også bruge et lokale i Nordvest.")
    _submit(page)
    assert "Vi kan også bruge et lokale i Nordvest." in page.content()
    enquiry = Enquiry.objects.get()

    staff = browser.new_context(base_url=live_server.url, locale="da-DK", java_script_enabled=False)
    office = staff.new_page()
    office.set_default_timeout(15_000)
    log_in(office, officer.email, code=totp_code(TOTP_SECRET))
    office.goto(reverse("enquiries:staff_queue"))
    office.locator("#id_q").fill("nørrebro")
    office.locator("form.enquiry-filters button[type=submit]").click()
    office.wait_for_load_state()
    assert "q=n%C3%B8rrebro" in office.url
    office.get_by_role("link", name=enquiry.reference).click()
    office.wait_for_url(re.compile(rf"/{enquiry.pk}/$"))
    office.locator("#id_route-lead").select_option(label="Kultur- og Fritidsforvaltningen")
    _action(office, "route")
    enquiry.refresh_from_db()
    assert enquiry.status == Status.ROUTED
    assert enquiry.lead_administration.code == "KFF"
    context.close()
    staff.close()


def _officer_page(browser, live_server, **context_options):
    officer = with_totp(with_role(UserFactory(email="karen@example.org"), Role.CONTACT_OFFICER))
    context = browser.new_context(base_url=live_server.url, locale="da-DK", **context_options)
    office = context.new_page()
    office.set_default_timeout(15_000)
    log_in(office, officer.email, code=totp_code(TOTP_SECRET))
    return context, office


def _an_enquiry():
    from enquiries import services
    from enquiries.models import Topic

    enquiry, _token = services.enquiry_submit(
        data={
            "name": "Birgitte Nørgaard",
            "email": "birgitte@example.org",
            "topic": Topic.objects.get(slug="premises"),
            "message": "Vi søger et køkken.",
        },
        status_url_builder=lambda token: f"https://x/{token}",
    )
    return enquiry


def test_on_a_phone_the_queue_keeps_status_and_due_date_in_view(
    browser, live_server, reference_data
):
    """Issue 9, points 15 and 17: at 390 px each row is a card with its column names, the
    status and the due date inside the screen; the date has a Danish month name."""
    enquiry = _an_enquiry()
    context, office = _officer_page(browser, live_server, viewport={"width": 390, "height": 844})
    office.goto(reverse("enquiries:staff_queue"))
    row = office.locator("tbody tr").filter(has_text=enquiry.reference)
    for title in ("Status", "Frist"):
        cell = row.locator(f"td[data-title='{title}']")
        assert cell.is_visible(), title
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (title, box)
    assert "Modtaget" in row.locator("td[data-title='Status']").inner_text()
    due = row.locator("td[data-title='Frist'] time").inner_text()
    assert re.fullmatch(r"\d{1,2}\. [a-zæøå]+ \d{4}", due), due
    assert_accessible(office)
    # The figures are one link away.
    office.get_by_role("link", name="Tal: antal henvendelser og svartider").click()
    office.wait_for_url(re.compile(r"/tal/$"))
    context.close()


def test_a_failed_action_leaves_the_browser_on_the_enquiry_page(
    browser, live_server, reference_data
):
    """Issue 9, point 16: redirect after POST; the error and what was typed are shown, and
    reloading the page does not land on a 405."""
    enquiry = _an_enquiry()
    context, office = _officer_page(browser, live_server)
    office.goto(reverse("enquiries:staff_detail", args=[enquiry.pk]))
    office.locator("#id_duplicate-of").fill("EI-1999-000001")
    _action(office, "duplicate")
    assert re.search(rf"/{enquiry.pk}/#action-duplicate$", office.url), office.url
    assert "Der er ingen henvendelse med det referencenummer." in office.content()
    assert office.locator("#id_duplicate-of").input_value() == "EI-1999-000001"
    response = office.reload()
    assert response.status == 200
    # The action's own address, opened in the browser, is a styled page.
    response = office.goto(reverse("enquiries:staff_action", args=[enquiry.pk, "reply"]))
    assert response.status == 405
    assert office.get_by_role(
        "link", name=f"Tilbage til henvendelse {enquiry.reference}"
    ).is_visible()
    context.close()
