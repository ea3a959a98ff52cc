"""What enquirers and staff meet along an enquiry's life (issue 9, points 9, 11-13, 15, 16
and 18) and the cached lists refreshed by the services, also from the admin (issue 8)."""

from datetime import date, timedelta
from io import StringIO
from itertools import pairwise

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from enquiries import figures, services, staff_services
from enquiries.domain import Status, deadlines
from enquiries.models import Enquiry, EnquiryEvent, Topic
from enquiries.tasks import anonymise_closed_enquiries
from portal.models import OutgoingEmail
from tests.enquiry_helpers import administration, en, in_status, submit


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


DANISH_MONTHS = (
    "januar februar marts april maj juni juli august september oktober november december"
)
DANISH_MONTHS = DANISH_MONTHS.split()


def status_path(token):
    return reverse("enquiries:status", args=[token])


class TestRetention:
    """Point 9: every finished status starts the retention clock."""

    @pytest.mark.parametrize("status", ["referred", "spam", "duplicate", "closed"])
    def test_each_finished_status_is_anonymised_after_the_retention_period(
        self, status, contact_officer
    ):
        enquiry, _ = submit(name="Birthe Bevares")
        other, _ = submit()
        finish = {
            "referred": lambda: staff_services.enquiry_refer(
                enquiry=enquiry, to_whom="Skattestyrelsen", actor=contact_officer
            ),
            "spam": lambda: staff_services.enquiry_mark_spam(
                enquiry=enquiry, actor=contact_officer
            ),
            "duplicate": lambda: staff_services.enquiry_mark_duplicate(
                enquiry=enquiry, of=other, actor=contact_officer
            ),
            "closed": lambda: (
                staff_services.enquiry_reply(enquiry=enquiry, body="Svar", actor=contact_officer),
                staff_services.enquiry_close(enquiry=enquiry, actor=contact_officer),
            ),
        }
        finish[status]()
        enquiry.refresh_from_db()
        assert enquiry.status == status
        assert enquiry.closed_at is not None
        Enquiry.objects.filter(pk=enquiry.pk).update(
            closed_at=timezone.now()
            - timedelta(days=django_settings.ENQUIRY_RETENTION_DAYS, hours=1)
        )
        assert anonymise_closed_enquiries.call() == 1
        enquiry.refresh_from_db()
        assert enquiry.anonymised_at is not None
        assert enquiry.name != "Birthe Bevares"

    def test_the_migration_starts_the_clock_of_those_referred_before(self, contact_officer):
        import importlib

        from django.apps import apps

        enquiry, _ = submit()
        staff_services.enquiry_refer(enquiry=enquiry, to_whom="Skat", actor=contact_officer)
        referred_at = enquiry.events.get(to_status=Status.REFERRED).created_at
        Enquiry.objects.filter(pk=enquiry.pk).update(closed_at=None)  # as before the fix
        migration = importlib.import_module(
            "enquiries.migrations.0007_status_links_and_finished_dates"
        )
        migration.start_retention_clocks(apps, None)
        enquiry.refresh_from_db()
        assert enquiry.closed_at == referred_at


class TestTheEnquirersReply:
    """Point 11: after "ask for more" the reply returns the enquiry to its handler."""

    def test_it_goes_back_to_its_handler_with_the_clock_running_and_they_are_told(
        self, client, contact_officer, civil_servant_bif, django_capture_on_commit_callbacks
    ):
        enquiry, token = submit()
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
        )
        staff_services.enquiry_take(enquiry=enquiry, actor=civil_servant_bif)
        staff_services.enquiry_reply(
            enquiry=enquiry, body="Hvilken dag?", actor=civil_servant_bif, to_status="waiting"
        )
        OutgoingEmail.objects.all().delete()
        client.post(status_path(token), {"body": "Tirsdag."})
        enquiry.refresh_from_db()
        assert enquiry.status == Status.IN_PROGRESS
        assert enquiry.handler == civil_servant_bif
        assert enquiry.due_state().running
        mail = OutgoingEmail.objects.get(to=[civil_servant_bif.email])
        assert enquiry.reference in mail.subject
        assert f"/queue/{enquiry.pk}/" in mail.body_text or f"/koe/{enquiry.pk}/" in (
            mail.body_text
        )

    def test_without_a_handler_the_contact_officers_hear_of_it(self, client, contact_officer):
        enquiry, token = submit()
        staff_services.enquiry_reply(
            enquiry=enquiry, body="Hvor?", actor=contact_officer, to_status="waiting"
        )
        Enquiry.objects.filter(pk=enquiry.pk).update(handler=None)
        OutgoingEmail.objects.all().delete()
        client.post(status_path(token), {"body": "Nørrebro."})
        enquiry.refresh_from_db()
        # It had not been triaged when it was asked: it goes back to the contact officers.
        assert enquiry.status == Status.TRIAGED
        assert OutgoingEmail.objects.filter(to=[contact_officer.email]).count() == 1


class TestAnsweringAtOnce:
    """Point 12: the contact officer answers and closes at "received", without routing."""

    def test_answer_and_close_without_routing(self, client, contact_officer):
        enquiry, _token = submit()
        client.force_login(contact_officer)
        page = client.get(en("enquiries:staff_detail", enquiry.pk)).content.decode()
        assert "Write to the enquirer" in page
        client.post(
            en("enquiries:staff_action", enquiry.pk, "reply"),
            {"reply-body": "Her er svaret.", "reply-to_status": "answered"},
        )
        enquiry.refresh_from_db()
        assert (enquiry.status, enquiry.lead_administration) == (Status.ANSWERED, None)
        assert enquiry.first_answered_at is not None
        client.post(en("enquiries:staff_action", enquiry.pk, "close"))
        enquiry.refresh_from_db()
        assert enquiry.status == Status.CLOSED
        assert not enquiry.routings.exists()


class TestWhatTheEnquirerIsTold:
    """Point 13."""

    def test_the_new_message_email_links_to_the_enquiry_page(self, client, contact_officer):
        enquiry, _ = submit()
        staff_services.enquiry_reply(
            enquiry=enquiry,
            body="Svar",
            actor=contact_officer,
            url_builder=lambda path: f"https://portal.example{path}",
        )
        mail = OutgoingEmail.objects.filter(to=[enquiry.email]).latest("pk")
        link = next(
            word for word in mail.body_text.split() if word.startswith("https://portal.example")
        )
        assert link in mail.body_html
        page = client.get(link.removeprefix("https://portal.example"))
        assert page.status_code == 200
        assert "Svar" in page.content.decode()

    def test_after_the_answer_no_answer_is_promised_and_the_handler_is_named(
        self, client, contact_officer
    ):
        enquiry, token = submit()
        before = client.get(en("enquiries:status", token)).content.decode()
        assert "You can expect an answer by" in before
        assert "Handled by: the contact officers of the single point of contact." in before
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
        )
        routed = client.get(en("enquiries:status", token)).content.decode()
        assert "Handled by: The Employment and Integration Administration." in routed
        assert "You can expect an answer by" in routed
        staff_services.enquiry_reply(enquiry=enquiry, body="Svar", actor=contact_officer)
        after = client.get(en("enquiries:status", token)).content.decode()
        assert "You can expect an answer by" not in after
        assert "Handled by: The Employment and Integration Administration." in after


class TestDates:
    """Point 15."""

    def test_danish_staff_pages_write_danish_month_names(self, client, contact_officer):
        enquiry, _ = submit()
        Enquiry.objects.filter(pk=enquiry.pk).update(triage_due=date(2026, 12, 11))
        client.force_login(contact_officer)
        queue = client.get(reverse("enquiries:staff_queue")).content.decode()
        detail = client.get(reverse("enquiries:staff_detail", args=[enquiry.pk])).content.decode()
        for page in (queue, detail):
            assert "11. december 2026" in page
            assert "Dec" not in page.replace("December", "")

    def test_the_weekly_chart_has_every_week_and_its_labels_are_the_tables(
        self, client, contact_officer
    ):
        enquiry, _ = submit()
        Enquiry.objects.filter(pk=enquiry.pk).update(created_at=timezone.now() - timedelta(days=50))
        computed = figures.compute()
        weeks = [bar["label"] for bar in computed["weekly"]["bars"]]
        assert all(later - earlier == timedelta(weeks=1) for earlier, later in pairwise(weeks))
        assert len(weeks) == figures.WEEKS + 1
        assert sum(bar["value"] for bar in computed["weekly"]["bars"]) == 1
        client.force_login(contact_officer)
        page = client.get(reverse("enquiries:figures")).content.decode()
        label = f"{weeks[0].day}. {DANISH_MONTHS[weeks[0].month - 1]} {weeks[0].year}"
        assert page.count(label) >= 2  # in the chart and in its table

    def test_the_receipt_and_the_page_give_the_same_deadline(self, client, db):
        received = timezone.now() - timedelta(days=4)
        enquiry, token = services.enquiry_submit(
            data={
                "name": "Mette",
                "email": "mette@example.org",
                "topic": Topic.objects.get(slug="premises"),
                "message": "Spørgsmål",
            },
            status_url_builder=lambda t: t,
            received_at=received,
        )
        assert enquiry.answer_due == deadlines(timezone.localdate(received))[1]
        receipt = OutgoingEmail.objects.get(to=["mette@example.org"])
        page = client.get(status_path(token)).content.decode()
        due = date_format(enquiry.answer_due)
        assert due in receipt.body_text
        assert due in page


class TestPagesAndWords:
    """Point 16."""

    def test_my_enquiry_page_does_not_say_anyone_with_the_link_can_read_it(
        self, client, entrepreneur
    ):
        enquiry, token = submit(user=entrepreneur)
        client.force_login(entrepreneur)
        mine = client.get(en("enquiries:my_enquiry", enquiry.reference)).content.decode()
        by_link = client.get(en("enquiries:status", token)).content.decode()
        assert "anyone with the link" not in mine
        assert "Only you can open this page" in mine
        assert "anyone with the link can read the enquiry" in by_link

    def test_a_council_member_gets_a_403_page_for_the_queue(self, client, council_member):
        client.force_login(council_member)
        response = client.get(reverse("enquiries:staff_queue"))
        assert response.status_code == 403
        assert "Du har ikke adgang til denne side" in response.content.decode()

    def test_the_queue_links_to_the_figures(self, client, contact_officer):
        client.force_login(contact_officer)
        page = client.get(reverse("enquiries:staff_queue")).content.decode()
        assert f'href="{reverse("enquiries:figures")}"' in page

    def test_the_form_states_the_legal_basis_of_the_privacy_page(self, client, db):
        form = client.get(reverse("enquiries:create")).content.decode()
        privacy = client.get(reverse("portal:privacy")).content.decode()
        assert 'type="checkbox" name="consent"' not in form
        assert "samtykke" not in form.lower()
        assert "artikel 6, stk. 1, litra e" in form
        assert "artikel 6, stk. 1, litra e" in privacy
        assert f'href="{reverse("portal:privacy")}"' in form
        assert 'href="https://www.datatilsynet.dk/"' in privacy


class TestSearchAndDemo:
    """Point 18."""

    def test_a_one_letter_typo_in_a_name_finds_it(self, client, contact_officer):
        birgitte, _ = submit(name="Birgitte Nørgaard")
        submit(name="Bent Hansen")
        client.force_login(contact_officer)
        for typo in ("Birgite", "birgitte", "Nørgard", "Birgitte Nørgaard"):
            page = client.get(en("enquiries:staff_queue"), {"q": typo})
            found = [e.reference for e in page.context["enquiries"]]
            assert found == [birgitte.reference], typo

    def test_demo_enquiry_emails_have_absolute_links(self, db, settings):
        settings.DEBUG = True
        from django.core.management import call_command

        call_command("load_demo_data", stdout=StringIO())
        to_enquirers = OutgoingEmail.objects.filter(subject__contains="EI-")
        assert to_enquirers.exists()
        for mail in to_enquirers:
            for word in mail.body_text.split():
                if "/kontakt/" in word or "/contact/" in word:
                    assert word.startswith("http://") or word.startswith("https://"), word


class TestCachedListsThroughTheServices:
    """Issue 8: no model signal; the services and the admin (through them) refresh."""

    def test_an_admin_change_of_a_topic_shows_in_the_queue_at_once(
        self, client, administrator, contact_officer, page_cache, django_capture_on_commit_callbacks
    ):
        enquiry, _ = submit()
        topic = enquiry.topic
        client.force_login(contact_officer)
        assert topic.name_da in client.get(reverse("enquiries:staff_queue")).content.decode()
        client.force_login(administrator)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("admin:enquiries_topic_change", args=[topic.pk]),
                {
                    "name_da": "Omdøbt emne",
                    "name_en": topic.name_en,
                    "slug": topic.slug,
                    "suggested_administration": "",
                    "keywords": "",
                    "position": 0,
                    "is_active": "on",
                },
            )
        assert response.status_code == 302
        client.force_login(contact_officer)
        assert "Omdøbt emne" in client.get(reverse("enquiries:staff_queue")).content.decode()

    def test_an_admin_delete_shows_in_the_queue_at_once(
        self, client, administrator, contact_officer, page_cache, django_capture_on_commit_callbacks
    ):
        enquiry, _ = submit(name="Slettes Snart")
        client.force_login(contact_officer)
        assert "Slettes Snart" in client.get(reverse("enquiries:staff_queue")).content.decode()
        client.force_login(administrator)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("admin:enquiries_enquiry_delete", args=[enquiry.pk]), {"post": "yes"}
            )
        assert response.status_code == 302
        assert not Enquiry.objects.filter(pk=enquiry.pk).exists()
        client.force_login(contact_officer)
        assert "Slettes Snart" not in client.get(reverse("enquiries:staff_queue")).content.decode()

    def test_the_admin_cannot_change_an_enquiry_behind_the_services(self, client, administrator):
        enquiry, _ = submit()
        client.force_login(administrator)
        response = client.post(
            reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]), {"status": "closed"}
        )
        assert response.status_code == 403
        enquiry.refresh_from_db()
        assert enquiry.status == Status.RECEIVED
        assert not enquiry.events.filter(kind=EnquiryEvent.Kind.STATUS).exists()

    def test_no_model_signal_refreshes_the_lists(self):
        from django.db.models.signals import post_save

        assert not [
            receiver
            for receiver in post_save._live_receivers(Enquiry)[0]
            if "enquir" in str(receiver)
        ]


def test_in_status_helper_gives_the_status(db):
    assert in_status("answered").status == Status.ANSWERED
