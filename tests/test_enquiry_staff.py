"""The staff side of the single point of contact: the queue, the inbox, the enquiry's page,
its actions and attachment downloads; who may do what in which status.

Pages are read in English (the source strings), so these tests hold before and after the
Danish catalogue is updated.
"""

import html5lib
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from enquiries import routing, services, staff_services
from enquiries.domain import Status
from enquiries.models import Enquiry, EnquiryAccess, EnquiryEvent, ReplyTemplate, Topic
from enquiries.services import change_status
from enquiries.staff_views import PAGE_SIZE
from tests.enquiry_helpers import PDF, administration, en, in_status, submit
from tests.factories import civil_servant, with_totp
from tests.helpers import query_counts

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def status_url(token):
    with translation.override("en"):
        return reverse("enquiries:status", args=[token])


@pytest.fixture
def entrepreneur_user(entrepreneur):
    return entrepreneur


@pytest.fixture
def people(
    contact_officer,
    civil_servant_bif,
    civil_servant_tmf,
    council_member,
    entrepreneur,
    civil_servant_without_totp,
):
    return {
        "contact_officer": contact_officer,
        "bif": civil_servant_bif,
        "tmf": civil_servant_tmf,
        "council_member": council_member,
        "entrepreneur": entrepreneur,
        "no_2fa": civil_servant_without_totp,
    }


def log_in(client, people, who):
    client.logout()
    if who in people:
        client.force_login(people[who])
    return client


# Who gets what on a page of an enquiry routed to BIF: 200, 302 (log in / set up 2FA),
# 403 (no staff role, or a list that is not theirs: the queue is the contact officers',
# the inbox the administrations') or 404 (staff, but not this enquiry).
PAGE_EXPECTATIONS = {
    "visitor": {"queue": 302, "inbox": 302, "detail": 302, "attachment": 302},
    "enquirer": {"queue": 302, "inbox": 302, "detail": 302, "attachment": 302},
    "contact_officer": {"queue": 200, "inbox": 403, "detail": 200, "attachment": 200},
    "bif": {"queue": 403, "inbox": 200, "detail": 200, "attachment": 200},
    "tmf": {"queue": 403, "inbox": 200, "detail": 404, "attachment": 404},
    "council_member": {"queue": 403, "inbox": 403, "detail": 404, "attachment": 404},
    "entrepreneur": {"queue": 403, "inbox": 403, "detail": 403, "attachment": 403},
    "no_2fa": {"queue": 302, "inbox": 302, "detail": 302, "attachment": 302},
}


def page_urls(enquiry):
    return {
        "queue": en("enquiries:staff_queue"),
        "inbox": en("enquiries:inbox"),
        "detail": en("enquiries:staff_detail", enquiry.pk),
        "attachment": en("enquiries:staff_attachment", enquiry.pk, enquiry.attachments.get().pk),
    }


class TestPagePermissions:
    @pytest.mark.parametrize("status", Status.values)
    def test_every_page_in_every_status(self, client, people, status):
        enquiry = in_status(status)
        token_page = None
        for who, expected in PAGE_EXPECTATIONS.items():
            log_in(client, people, who)
            if who == "enquirer":
                _e, token = submit()
                token_page = client.get(status_url(token))
                assert token_page.status_code == 200
            for page, url in page_urls(enquiry).items():
                response = client.get(url)
                assert response.status_code == expected[page], (who, page, status)
                if expected[page] == 302 and who == "no_2fa":
                    assert "totp" in response["Location"]
                elif expected[page] == 302:
                    assert "login" in response["Location"]

    def test_the_attachment_is_a_download_with_its_original_name(self, client, contact_officer):
        enquiry, _token = submit()
        client.force_login(contact_officer)
        response = client.get(page_urls(enquiry)["attachment"])
        assert response["Content-Disposition"].startswith("attachment")
        assert "plan.pdf" in response["Content-Disposition"]
        assert b"".join(response.streaming_content) == PDF
        assert "no-store" in response["Cache-Control"]

    def test_an_attachment_of_another_enquiry_is_404(self, client, contact_officer):
        first, _ = submit()
        second, _ = submit()
        client.force_login(contact_officer)
        url = en("enquiries:staff_attachment", first.pk, second.attachments.get().pk)
        assert client.get(url).status_code == 404

    def test_re_routing_removes_the_old_administrations_access_at_once(
        self, client, contact_officer, civil_servant_bif
    ):
        enquiry, _ = submit()
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
        )
        client.force_login(civil_servant_bif)
        assert client.get(en("enquiries:staff_detail", enquiry.pk)).status_code == 200
        assert enquiry.reference in client.get(en("enquiries:inbox")).content.decode()
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("TMF"), actor=contact_officer
        )
        for url in page_urls(enquiry).values():
            if "inbox" in url:
                assert enquiry.reference not in client.get(url).content.decode()
            elif "queue/" + str(enquiry.pk) in url:
                assert client.get(url).status_code == 404
        for action in ACTIONS:
            response = client.post(en("enquiries:staff_action", enquiry.pk, action), {})
            assert response.status_code == 404, action

    def test_an_unknown_action_is_404(self, client, contact_officer):
        enquiry, _ = submit()
        client.force_login(contact_officer)
        assert (
            client.post(en("enquiries:staff_action", enquiry.pk, "delete"), {}).status_code == 404
        )

    def test_actions_are_post_only(self, client, contact_officer):
        enquiry, _ = submit()
        client.force_login(contact_officer)
        response = client.get(en("enquiries:staff_action", enquiry.pk, "close"))
        assert response.status_code == 405
        assert response["Allow"] == "POST"
        # A page of the portal's own with the way back, not an empty body.
        content = response.content.decode()
        assert "This address only takes a form" in content
        assert en("enquiries:staff_detail", enquiry.pk) in content


ACTIONS = [
    "assign",
    "triage",
    "route",
    "confirm",
    "take",
    "reply",
    "note",
    "hand_back",
    "close",
    "refer",
    "spam",
    "duplicate",
]
OPEN = ["received", "triaged", "routed", "in_progress", "waiting", "answered"]
ALL = list(Status.values)

# Which actions are offered (and accepted) in which status, for the enquiry routed to BIF.
CONTACT_OFFICER_MAY = {
    "assign": OPEN,
    "triage": ["received"],
    "route": ["received", "triaged", "routed", "waiting"],
    "confirm": [],
    "take": [],
    # The contact officer may answer at once, without routing (issue 9, point 12).
    "reply": ["received", "triaged", "routed", "in_progress", "waiting", "answered"],
    "note": ALL,
    "hand_back": ["routed", "in_progress", "waiting"],
    "close": ["waiting", "answered", "referred"],
    "refer": ["received", "triaged"],
    "spam": ["received"],
    "duplicate": ["received", "triaged"],
}
LEAD_ADMINISTRATION_MAY = {
    "assign": [],
    "triage": [],
    "route": [],
    "confirm": OPEN,
    "take": ["routed", "in_progress", "waiting", "answered"],
    "reply": ["triaged", "routed", "in_progress", "waiting", "answered"],
    "note": ALL,
    "hand_back": ["routed", "in_progress", "waiting"],
    "close": ["waiting", "answered", "referred"],
    "refer": [],
    "spam": [],
    "duplicate": [],
}


def action_data(action, enquiry, people):
    other, _ = submit()
    data = {
        "assign": {"handler": people["contact_officer"].pk},
        "route": {"lead": administration("BIF").pk, "note": "Jobcenter"},
        "confirm": {"routing": enquiry.routings.first().pk if enquiry.routings.exists() else 0},
        "reply": {"body": "Her er svaret.", "to_status": "answered"},
        "note": {"body": "Intern note"},
        "hand_back": {"note": "Ikke vores"},
        "refer": {"to_whom": "Skattestyrelsen"},
        "duplicate": {"of": other.reference},
    }.get(action, {})
    return {f"{action}-{key}": value for key, value in data.items()}


class TestActionPermissions:
    @pytest.mark.parametrize("status", ALL)
    def test_each_action_in_each_status(self, client, people, status):
        for who in PAGE_EXPECTATIONS:
            for action in ACTIONS:
                enquiry = in_status(status)
                if who == "bif" and action == "take" and status == "in_progress":
                    Enquiry.objects.filter(pk=enquiry.pk).update(handler=people["tmf"])
                log_in(client, people, who)
                events = enquiry.events.count()
                response = client.post(
                    en("enquiries:staff_action", enquiry.pk, action),
                    action_data(action, enquiry, people),
                )
                if who == "contact_officer":
                    allowed = status in CONTACT_OFFICER_MAY[action]
                    expected = 302 if allowed else 403
                elif who == "bif":
                    allowed = status in LEAD_ADMINISTRATION_MAY[action]
                    expected = 302 if allowed else 403
                else:
                    allowed = False
                    expected = PAGE_EXPECTATIONS[who]["detail"]
                assert response.status_code == expected, (who, action, status)
                if not allowed:
                    assert enquiry.events.count() == events, (who, action, status)
                    enquiry.refresh_from_db()
                    assert enquiry.status == status


class TestTransitions:
    def test_illegal_transitions_are_refused(self, contact_officer, civil_servant_bif):
        enquiry, _ = submit()
        with pytest.raises(ValidationError):
            change_status(enquiry, Status.CLOSED, contact_officer)
        with pytest.raises(ValidationError):
            change_status(enquiry, Status.IN_PROGRESS, contact_officer)
        assert not enquiry.events.filter(kind=EnquiryEvent.Kind.STATUS).exists()

    def test_a_service_refuses_what_its_actor_may_not_do_now(
        self, contact_officer, civil_servant_bif
    ):
        enquiry, _ = submit()
        with pytest.raises(PermissionDenied):
            staff_services.enquiry_close(enquiry=enquiry, actor=contact_officer)
        with pytest.raises(PermissionDenied):
            staff_services.enquiry_take(enquiry=enquiry, actor=civil_servant_bif)
        staff_services.enquiry_mark_spam(enquiry=enquiry, actor=contact_officer)
        for change in [
            lambda: staff_services.enquiry_triage(enquiry=enquiry, actor=contact_officer),
            lambda: staff_services.enquiry_route(
                enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
            ),
            lambda: staff_services.enquiry_refer(
                enquiry=enquiry, to_whom="X", actor=contact_officer
            ),
            lambda: staff_services.enquiry_reply(enquiry=enquiry, body="X", actor=contact_officer),
        ]:
            with pytest.raises(PermissionDenied):
                change()
        with pytest.raises(ValidationError):
            staff_services.enquiry_assign(
                enquiry=enquiry, handler=contact_officer, actor=contact_officer
            )
        enquiry.refresh_from_db()
        assert enquiry.status == Status.SPAM

    def test_a_duplicate_of_itself_is_refused(self, contact_officer):
        enquiry, _ = submit()
        with pytest.raises(ValidationError):
            staff_services.enquiry_mark_duplicate(
                enquiry=enquiry, of=enquiry, actor=contact_officer
            )

    def test_an_illegal_change_through_the_page_says_why(self, client, contact_officer):
        enquiry = in_status("waiting")
        client.force_login(contact_officer)
        response = client.post(
            en("enquiries:staff_action", enquiry.pk, "reply"),
            {"reply-body": "Svar", "reply-to_status": "answered"},
            follow=True,
        )
        assert "An enquiry cannot go from" in response.content.decode()
        enquiry.refresh_from_db()
        assert enquiry.status == Status.WAITING

    def test_every_change_is_recorded_with_who(self, contact_officer):
        enquiry, _ = submit()
        staff_services.enquiry_triage(enquiry=enquiry, actor=contact_officer)
        event = enquiry.events.get(kind=EnquiryEvent.Kind.STATUS)
        assert (event.actor, event.from_status, event.to_status) == (
            contact_officer,
            Status.RECEIVED,
            Status.TRIAGED,
        )


class TestTheWholeJourney:
    def test_received_routed_taken_answered_read_closed(
        self,
        client,
        contact_officer,
        civil_servant_bif,
        civil_servant_tmf,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        enquiry, token = submit(
            topic="employment", message="Kan vi få løntilskud til en ny medarbejder?"
        )
        client.force_login(contact_officer)
        assert enquiry.reference in client.get(en("enquiries:staff_queue")).content.decode()

        # The contact officer routes it to BIF; BIF's civil servants get an e-mail.
        detail = en("enquiries:staff_detail", enquiry.pk)
        page = client.get(detail)
        assert page.context["suggested"] == administration("BIF")  # the topic's suggestion
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                en("enquiries:staff_action", enquiry.pk, "route"),
                {
                    "route-lead": administration("BIF").pk,
                    "route-participants": [administration("TMF").pk],
                    "route-note": "Løntilskud hører under jobcentret.",
                },
            )
        assert response.status_code == 302
        enquiry.refresh_from_db()
        assert enquiry.status == Status.ROUTED
        assert enquiry.lead_administration == administration("BIF")
        # Both administrations are told, each in its people's language (Danish: they have
        # not used the English pages), whatever the contact officer reads; TMF is told that
        # BIF owns the answer.
        assert [m.to for m in mailoutbox] == [[civil_servant_bif.email], [civil_servant_tmf.email]]
        to_bif, to_tmf = mailoutbox
        with translation.override("da"):
            assert reverse("enquiries:staff_detail", args=[enquiry.pk]) in to_bif.body
        assert "Løntilskud hører under jobcentret." in to_bif.body
        assert "ejer svaret" in to_bif.body
        assert "deltage" in to_tmf.subject
        assert administration("BIF").name_da in to_tmf.body

        # BIF sees it in the inbox, confirms and takes it.
        client.force_login(civil_servant_bif)
        assert enquiry.reference in client.get(en("enquiries:inbox")).content.decode()
        routing = enquiry.routings.get(administration__code="BIF")
        response = client.post(
            en("enquiries:staff_action", enquiry.pk, "confirm"), {"confirm-routing": routing.pk}
        )
        assert response.status_code == 302
        routing.refresh_from_db()
        assert routing.confirmed_by == civil_servant_bif
        client.post(en("enquiries:staff_action", enquiry.pk, "take"))
        enquiry.refresh_from_db()
        assert (enquiry.status, enquiry.handler) == (Status.IN_PROGRESS, civil_servant_bif)

        # TMF takes part: it sees the enquiry and may add notes, but not answer.
        client.force_login(civil_servant_tmf)
        assert client.get(detail).status_code == 200
        assert (
            client.post(
                en("enquiries:staff_action", enquiry.pk, "reply"),
                {"reply-body": "x", "reply-to_status": "answered"},
            ).status_code
            == 403
        )

        # BIF answers, with a note on the side; the enquirer is told by e-mail.
        client.force_login(civil_servant_bif)
        client.post(
            en("enquiries:staff_action", enquiry.pk, "note"),
            {"note-body": "Tjek ansøgningen fra sidste år."},
        )
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                en("enquiries:staff_action", enquiry.pk, "reply"),
                {
                    "reply-body": "I kan søge løntilskud via jobcentret.",
                    "reply-to_status": "answered",
                },
            )
        enquiry.refresh_from_db()
        assert enquiry.status == Status.ANSWERED
        assert enquiry.first_answered_at and enquiry.answered_at
        assert [m.to for m in mailoutbox] == [["anna.enquirer@example.org"]]
        assert "I kan søge løntilskud via jobcentret." in mailoutbox[0].body
        assert enquiry.reference in mailoutbox[0].subject

        # The enquirer sees the answer, never the notes.
        client.logout()
        status_page = client.get(status_url(token)).content.decode()
        assert "I kan søge løntilskud via jobcentret." in status_page
        assert "Tjek ansøgningen" not in status_page
        assert "Løntilskud hører under jobcentret." not in status_page

        # The contact officer closes it.
        client.force_login(contact_officer)
        client.post(en("enquiries:staff_action", enquiry.pk, "close"))
        enquiry.refresh_from_db()
        assert enquiry.status == Status.CLOSED
        assert enquiry.closed_at is not None
        statuses = list(
            enquiry.events.filter(kind=EnquiryEvent.Kind.STATUS).values_list("to_status", flat=True)
        )
        assert statuses == ["routed", "in_progress", "answered", "closed"]

    def test_handing_back_removes_the_routing_and_tells_the_contact_officers(
        self,
        client,
        contact_officer,
        civil_servant_bif,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        enquiry, _ = submit()
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
        )
        client.force_login(civil_servant_bif)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                en("enquiries:staff_action", enquiry.pk, "hand_back"),
                {"hand_back-note": "Det er ikke vores område."},
            )
        assert response["Location"] == en("enquiries:inbox")
        enquiry.refresh_from_db()
        assert enquiry.status == Status.TRIAGED
        assert not enquiry.routings.exists()
        assert enquiry.lead_administration is None
        assert client.get(en("enquiries:staff_detail", enquiry.pk)).status_code == 404
        assert [m.to for m in mailoutbox] == [[contact_officer.email]]

    def test_the_enquirer_hears_in_the_language_they_wrote_in(
        self, contact_officer, mailoutbox, django_capture_on_commit_callbacks
    ):
        with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
            enquiry, _ = submit()
        assert enquiry.language == "en"
        assert mailoutbox[-1].subject.startswith("We have received your enquiry")
        # A civil servant on the Danish pages answers: the e-mail is still in English.
        staff_services.enquiry_triage(enquiry=enquiry, actor=contact_officer)
        with translation.override("da"), django_capture_on_commit_callbacks(execute=True):
            staff_services.enquiry_reply(enquiry=enquiry, body="Svar", actor=contact_officer)
        assert mailoutbox[-1].subject.startswith("New message about your enquiry")
        with django_capture_on_commit_callbacks(execute=True):
            danish, _ = submit()
        assert danish.language == "da"
        assert mailoutbox[-1].subject.startswith("Vi har modtaget din henvendelse")

    def test_staff_hear_in_the_language_they_use_the_portal_in(
        self,
        client,
        contact_officer,
        civil_servant_bif,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        english_colleague = with_totp(civil_servant("BIF", email="colleague@example.org"))
        client.force_login(english_colleague)
        client.get(en("enquiries:inbox"))  # reads the English pages
        english_colleague.refresh_from_db()
        assert english_colleague.language == "en"
        enquiry, _ = submit()
        mailoutbox.clear()
        with translation.override("da"), django_capture_on_commit_callbacks(execute=True):
            staff_services.enquiry_route(
                enquiry=enquiry,
                lead=administration("BIF"),
                actor=contact_officer,
                url_builder=lambda path: f"https://portal.example{path}",
            )
        by_recipient = {tuple(message.to): message for message in mailoutbox}
        danish = by_recipient[(civil_servant_bif.email,)]
        english = by_recipient[(english_colleague.email,)]
        assert "ejer svaret" in danish.body
        assert "owns the answer" in english.body
        assert f"https://portal.example{en('enquiries:staff_detail', enquiry.pk)}" in english.body
        with translation.override("da"):
            danish_link = reverse("enquiries:staff_detail", args=[enquiry.pk])
        assert f"https://portal.example{danish_link}" in danish.body

    def test_referring_answers_the_enquirer_with_whom_to_contact(
        self, client, contact_officer, mailoutbox, django_capture_on_commit_callbacks
    ):
        enquiry, token = submit()
        client.force_login(contact_officer)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                en("enquiries:staff_action", enquiry.pk, "refer"),
                {"refer-to_whom": "Kontakt Skattestyrelsen på skat.dk."},
            )
        enquiry.refresh_from_db()
        assert enquiry.status == Status.REFERRED
        assert "Kontakt Skattestyrelsen" in mailoutbox[0].body
        client.logout()
        assert "Kontakt Skattestyrelsen" in client.get(status_url(token)).content.decode()

    def test_waiting_pauses_and_the_enquirers_reply_resumes(self, contact_officer):
        enquiry, _ = submit()
        staff_services.enquiry_triage(enquiry=enquiry, actor=contact_officer)
        staff_services.enquiry_reply(
            enquiry=enquiry, body="Hvilken bydel?", actor=contact_officer, to_status="waiting"
        )
        enquiry.refresh_from_db()
        assert enquiry.status == Status.WAITING
        assert enquiry.first_answered_at is None
        services.enquiry_reply_from_enquirer(enquiry=enquiry, body="Nørrebro")
        enquiry.refresh_from_db()
        assert enquiry.status == Status.TRIAGED

    def test_assign_and_duplicate(self, client, contact_officer, civil_servant_bif):
        first, _ = submit()
        second, _ = submit()
        client.force_login(contact_officer)
        client.post(
            en("enquiries:staff_action", second.pk, "assign"),
            {"assign-handler": civil_servant_bif.pk},
        )
        second.refresh_from_db()
        assert second.handler == civil_servant_bif
        client.post(
            en("enquiries:staff_action", second.pk, "duplicate"),
            {"duplicate-of": first.reference.lower()},
        )
        second.refresh_from_db()
        assert (second.status, second.duplicate_of) == (Status.DUPLICATE, first)

    def test_a_form_error_redirects_to_the_page_with_the_error_and_the_input(
        self, client, contact_officer
    ):
        enquiry, _ = submit()
        client.force_login(contact_officer)
        response = client.post(
            en("enquiries:staff_action", enquiry.pk, "duplicate"), {"duplicate-of": "EI-1-1"}
        )
        # Redirect after POST: the address bar never stays on the action's address.
        assert response.status_code == 302
        assert response["Location"] == en("enquiries:staff_detail", enquiry.pk) + (
            "#action-duplicate"
        )
        content = client.get(response["Location"]).content.decode()
        assert "There is no enquiry with that reference number." in content
        assert 'value="EI-1-1"' in content
        # Shown once: reloading the page shows the empty form again.
        again = client.get(response["Location"]).content.decode()
        assert "There is no enquiry with that reference number." not in again


class TestDetailPage:
    def test_internal_notes_are_marked_and_never_public(self, client, contact_officer):
        enquiry, token = submit()
        staff_services.enquiry_add_note(enquiry=enquiry, body="Kun internt", actor=contact_officer)
        note = enquiry.events.get(kind=EnquiryEvent.Kind.NOTE)
        assert not note.is_public
        client.force_login(contact_officer)
        content = client.get(en("enquiries:staff_detail", enquiry.pk)).content.decode()
        assert "Kun internt" in content
        assert "Internal" in content
        client.logout()
        assert "Kun internt" not in client.get(status_url(token)).content.decode()

    def test_every_opening_is_logged(self, client, contact_officer, civil_servant_bif):
        enquiry, _ = submit()
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
        )
        for user in (contact_officer, civil_servant_bif, contact_officer):
            client.force_login(user)
            client.get(en("enquiries:staff_detail", enquiry.pk))
        assert list(
            EnquiryAccess.objects.filter(enquiry=enquiry)
            .order_by("accessed_at", "pk")
            .values_list("user", flat=True)
        ) == [contact_officer.pk, civil_servant_bif.pk, contact_officer.pk]

    def test_a_refused_page_logs_nothing(self, client, civil_servant_tmf):
        enquiry, _ = submit()
        client.force_login(civil_servant_tmf)
        client.get(en("enquiries:staff_detail", enquiry.pk))
        assert not EnquiryAccess.objects.exists()

    def test_script_is_escaped_in_the_queue_detail_and_emails(
        self, client, contact_officer, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            enquiry, _ = submit(message=SCRIPT, name="Eva <script>x</script>")
            staff_services.enquiry_triage(enquiry=enquiry, actor=contact_officer)
            staff_services.enquiry_reply(enquiry=enquiry, body=SCRIPT, actor=contact_officer)
        client.force_login(contact_officer)
        for url in (en("enquiries:staff_queue"), en("enquiries:staff_detail", enquiry.pk)):
            content = client.get(url).content.decode()
            assert "<script>alert" not in content
            assert "<script>x" not in content
        for email in mailoutbox:
            html = next(c for c, mimetype in email.alternatives if mimetype == "text/html")
            assert "<script>" not in html
            assert "&lt;script&gt;" in html

    def test_the_page_is_valid_html_with_the_due_date_in_working_days(
        self, client, contact_officer
    ):
        enquiry, _ = submit()
        client.force_login(contact_officer)
        response = client.get(en("enquiries:staff_detail", enquiry.pk))
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content)
        content = response.content.decode()
        assert "working day" in content
        assert response.context["due"].date == enquiry.triage_due

    def test_an_overdue_enquiry_says_so(self, client, contact_officer):
        enquiry, _ = submit()
        Enquiry.objects.filter(pk=enquiry.pk).update(
            triage_due=timezone.localdate().replace(year=timezone.localdate().year - 1)
        )
        client.force_login(contact_officer)
        assert "Overdue by" in client.get(en("enquiries:staff_queue")).content.decode()

    def test_a_reply_template_fills_the_reply(self, client, contact_officer):
        template = ReplyTemplate.objects.create(title="Løntilskud", body="Standard svar om tilskud")
        enquiry = in_status("routed")
        client.force_login(contact_officer)
        page = client.get(en("enquiries:staff_detail", enquiry.pk), {"template": template.pk})
        forms = {action.name: form for action, form in page.context["panels"]}
        assert forms["reply"].initial["body"] == "Standard svar om tilskud"
        assert "Løntilskud" in page.content.decode()

    def test_the_suggestion_comes_from_keywords_when_the_topic_has_none(self, db):
        enquiry, _ = submit(topic="other", message="Vi vil gerne tilbyde praktik til ledige.")
        assert routing.suggest_administration(enquiry) == administration("BIF")
        enquiry, _ = submit(topic="other", message="Noget helt andet.")
        assert routing.suggest_administration(enquiry) is None


class TestQueue:
    def test_filters(self, client, contact_officer, civil_servant_bif):
        kitchen, _ = submit(message="Vi søger et køkken.", name="Karl Køkken")
        jobs, _ = submit(topic="employment", message="Løntilskud?", name="Jonna Job")
        staff_services.enquiry_route(
            enquiry=jobs, lead=administration("BIF"), actor=contact_officer
        )
        staff_services.enquiry_take(enquiry=jobs, actor=civil_servant_bif)
        spam, _ = submit(message="Køb billige ure", name="Spam Spammer")
        staff_services.enquiry_mark_spam(enquiry=spam, actor=contact_officer)
        client.force_login(contact_officer)

        def shown(**params):
            page = client.get(en("enquiries:staff_queue"), params)
            assert page.status_code == 200
            return {e.reference for e in page.context["enquiries"]}

        assert shown() == {kitchen.reference, jobs.reference}
        assert shown(status="all") == {kitchen.reference, jobs.reference, spam.reference}
        assert shown(status="spam") == {spam.reference}
        assert shown(topic=Topic.objects.get(slug="employment").pk) == {jobs.reference}
        assert shown(administration=administration("BIF").pk) == {jobs.reference}
        assert shown(handler=civil_servant_bif.pk) == {jobs.reference}
        assert shown(q="køkken") == {kitchen.reference}
        assert shown(q="Jonna") == {jobs.reference}
        assert shown(q=kitchen.reference) == {kitchen.reference}
        assert shown(q="anna.enquirer") == {kitchen.reference, jobs.reference}
        assert shown(overdue="on") == set()
        Enquiry.objects.filter(pk=kitchen.pk).update(
            triage_due=timezone.localdate().replace(year=2000)
        )
        assert shown(overdue="on") == {kitchen.reference}
        assert shown(status="nonsense", topic="x") == {kitchen.reference, jobs.reference}

    def test_sorted_by_due_date(self, client, contact_officer):
        later, _ = submit()
        sooner, _ = submit()
        Enquiry.objects.filter(pk=sooner.pk).update(
            triage_due=timezone.localdate().replace(year=2001)
        )
        client.force_login(contact_officer)
        page = client.get(en("enquiries:staff_queue"))
        assert [e.pk for e in page.context["enquiries"]] == [sooner.pk, later.pk]

    def test_the_inbox_lists_only_the_administrations_enquiries(
        self, client, contact_officer, civil_servant_bif
    ):
        ours, _ = submit()
        theirs, _ = submit()
        staff_services.enquiry_route(
            enquiry=ours, lead=administration("BIF"), actor=contact_officer
        )
        staff_services.enquiry_route(
            enquiry=theirs, lead=administration("TMF"), actor=contact_officer
        )
        client.force_login(civil_servant_bif)
        page = client.get(en("enquiries:inbox"))
        assert [e.pk for e in page.context["enquiries"]] == [ours.pk]
        page = client.get(en("enquiries:inbox"), {"administration": administration("TMF").pk})
        assert [e.pk for e in page.context["enquiries"]] == [ours.pk]  # ignored

    @pytest.mark.parametrize("view", ["staff_queue", "inbox"])
    def test_query_counts_are_equal_at_two_sizes(
        self, client, contact_officer, civil_servant_bif, view
    ):
        user = contact_officer if view == "staff_queue" else civil_servant_bif

        def grow(count):
            for _ in range(count):
                enquiry, _token = submit()
                staff_services.enquiry_route(
                    enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
                )
                staff_services.enquiry_take(enquiry=enquiry, actor=civil_servant_bif)

        client.force_login(user)
        url = en(f"enquiries:{view}")
        # Two sizes that both fill more than one page (a single page needs no separate count).
        small, large = query_counts(client, url, grow, (PAGE_SIZE + 5, 2 * PAGE_SIZE + 5))
        assert small == large
        page = client.get(url)
        assert len(page.context["enquiries"]) == PAGE_SIZE
        assert page.context["page_obj"].paginator.count == 2 * PAGE_SIZE + 5


def test_the_staff_overview_links_to_the_queue_and_the_inbox(
    client, contact_officer, civil_servant_bif
):
    client.force_login(contact_officer)
    content = client.get(en("portal:staff_overview")).content.decode()
    assert en("enquiries:staff_queue") in content
    assert en("enquiries:inbox") not in content
    client.force_login(civil_servant_bif)
    content = client.get(en("portal:staff_overview")).content.decode()
    assert en("enquiries:inbox") in content
    assert en("enquiries:staff_queue") not in content


def test_a_civil_servant_added_to_an_administration_sees_its_enquiries(client, contact_officer):
    enquiry, _ = submit()
    staff_services.enquiry_route(enquiry=enquiry, lead=administration("SOF"), actor=contact_officer)
    servant = with_totp(civil_servant("SOF", email="new.sof@example.org"))
    client.force_login(servant)
    assert client.get(en("enquiries:staff_detail", enquiry.pk)).status_code == 200
