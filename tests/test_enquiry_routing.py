"""Routing an enquiry (issue 9, point 8): the same choices again change and send nothing;
a change keeps the confirmations of the routings that stay; an officer who routes after
someone else did meanwhile is told and changes nothing; the lead administration cannot
also take part. Parallel requests run in threads against the real database."""

import importlib
import threading

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from enquiries import routing, staff_services
from enquiries.domain import Status
from enquiries.models import Enquiry, EnquiryEvent, EnquiryRouting
from portal.models import OutgoingEmail, Role
from tests.enquiry_helpers import administration, en, submit
from tests.factories import UserFactory, civil_servant, with_role, with_totp


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def routed_notes(enquiry):
    """The timeline's routing notes, in whichever language they were written."""
    return enquiry.events.filter(
        kind=EnquiryEvent.Kind.NOTE, body__regex=r"^(Routed to|Sendt til) "
    ).count()


def routing_emails():
    return OutgoingEmail.objects.filter(subject__contains="EI-").exclude(
        subject__contains="received"
    )


def route_form(lead, participants=(), seen=None, note=""):
    data = {"route-lead": administration(lead).pk, "route-note": note}
    data["route-participants"] = [administration(code).pk for code in participants]
    if seen is not None:
        data["route-seen"] = seen
    return data


class TestRepeatsAndChanges:
    def test_the_same_choices_again_change_nothing_and_send_nothing(
        self, client, contact_officer, civil_servant_bif
    ):
        enquiry, _ = submit()
        client.force_login(contact_officer)
        url = en("enquiries:staff_action", enquiry.pk, "route")
        client.post(url, route_form("BIF", seen=""))
        emails = OutgoingEmail.objects.count()
        seen = routing.routing_state(enquiry)
        response = client.post(url, route_form("BIF", seen=seen), follow=True)
        assert "already routed like this" in response.content.decode()
        assert routed_notes(enquiry) == 1
        assert OutgoingEmail.objects.count() == emails

    def test_a_change_keeps_the_confirmations_of_the_routings_that_stay(
        self, contact_officer, civil_servant_bif, civil_servant_tmf
    ):
        enquiry, _ = submit()
        staff_services.enquiry_route(
            enquiry=enquiry,
            lead=administration("BIF"),
            participants=[administration("TMF")],
            actor=contact_officer,
        )
        for user in (civil_servant_bif, civil_servant_tmf):
            routing = EnquiryRouting.objects.get(
                enquiry=enquiry, administration__memberships__user=user
            )
            staff_services.enquiry_confirm_routing(routing=routing, actor=user)
        OutgoingEmail.objects.all().delete()
        staff_services.enquiry_route(
            enquiry=enquiry,
            lead=administration("BIF"),
            participants=[administration("TMF"), administration("SUF")],
            actor=contact_officer,
        )
        confirmed = dict(
            EnquiryRouting.objects.filter(enquiry=enquiry).values_list(
                "administration__code", "confirmed_at"
            )
        )
        assert confirmed["BIF"] is not None
        assert confirmed["TMF"] is not None
        assert confirmed["SUF"] is None
        # Only the administration routed anew is told (SUF has no members here: no mail).
        assert OutgoingEmail.objects.filter(to__contains=[civil_servant_bif.email]).count() == 0
        assert OutgoingEmail.objects.filter(to__contains=[civil_servant_tmf.email]).count() == 0

    def test_a_new_lead_is_told_and_must_confirm(
        self, contact_officer, civil_servant_bif, civil_servant_tmf
    ):
        enquiry, _ = submit()
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("BIF"), actor=contact_officer
        )
        routing = enquiry.routings.get()
        staff_services.enquiry_confirm_routing(routing=routing, actor=civil_servant_bif)
        OutgoingEmail.objects.all().delete()
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("TMF"), actor=contact_officer
        )
        routing = enquiry.routings.get()
        assert (routing.administration.code, routing.confirmed_at) == ("TMF", None)
        assert OutgoingEmail.objects.filter(to__contains=[civil_servant_tmf.email]).count() == 1
        assert OutgoingEmail.objects.filter(to__contains=[civil_servant_bif.email]).count() == 0

    def test_the_lead_cannot_also_take_part(self, client, contact_officer):
        enquiry, _ = submit()
        client.force_login(contact_officer)
        response = client.post(
            en("enquiries:staff_action", enquiry.pk, "route"),
            route_form("BIF", ["BIF", "TMF"], seen=""),
            follow=True,
        )
        content = response.content.decode()
        assert "BIF is the lead administration and cannot also take part" in content
        assert not enquiry.routings.exists()
        with pytest.raises(ValidationError, match="cannot also take part"):
            staff_services.enquiry_route(
                enquiry=enquiry,
                lead=administration("BIF"),
                participants=[administration("BIF")],
                actor=contact_officer,
            )

    def test_someone_else_routing_meanwhile_is_told_and_nothing_changes(
        self, client, contact_officer
    ):
        enquiry, _ = submit()
        other_officer = with_totp(with_role(UserFactory(), Role.CONTACT_OFFICER))
        # Both opened the page while the enquiry was not routed (seen = "").
        staff_services.enquiry_route(
            enquiry=enquiry, lead=administration("TMF"), seen="", actor=other_officer
        )
        client.force_login(contact_officer)
        response = client.post(
            en("enquiries:staff_action", enquiry.pk, "route"),
            route_form("BIF", seen=""),
            follow=True,
        )
        assert "Someone else routed the enquiry while you were choosing" in (
            response.content.decode()
        )
        assert enquiry.routings.get().administration.code == "TMF"
        assert routed_notes(enquiry) == 1


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests start from empty tables: load what the migrations load."""
    importlib.import_module("portal.migrations.0002_reference_data").load(apps, None)
    importlib.import_module("enquiries.migrations.0002_topics").load(apps, None)


def in_parallel(count, work):
    """Run `work(n)` in `count` threads started at once; returns what each returned."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(n):
        try:
            barrier.wait()
            results[n] = work(n)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_five_identical_parallel_requests_route_once(reference_data):
    officer = with_totp(with_role(UserFactory(), Role.CONTACT_OFFICER))
    members = [with_totp(civil_servant("BIF")), with_totp(civil_servant("TMF"))]
    enquiry, _ = submit()
    seen = routing.routing_state(enquiry)
    url = en("enquiries:staff_action", enquiry.pk, "route")
    clients = [_client_for(officer) for _ in range(5)]
    statuses = in_parallel(
        5, lambda n: clients[n].post(url, route_form("BIF", ["TMF"], seen=seen)).status_code
    )
    assert statuses == [302] * 5
    enquiry.refresh_from_db()
    assert enquiry.status == Status.ROUTED
    assert routed_notes(enquiry) == 1
    assert enquiry.events.filter(to_status=Status.ROUTED).count() == 1
    for member in members:
        assert OutgoingEmail.objects.filter(to__contains=[member.email]).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_officers_routing_at_once_one_wins_and_the_other_is_told(reference_data):
    officers = [with_totp(with_role(UserFactory(), Role.CONTACT_OFFICER)) for _ in range(2)]
    enquiry, _ = submit()
    url = en("enquiries:staff_action", enquiry.pk, "route")
    clients = [_client_for(officer) for officer in officers]
    choices = ["BIF", "TMF"]

    def route(n):
        response = clients[n].post(url, route_form(choices[n], seen=""))
        return clients[n].get(response["Location"]).content.decode()

    pages = in_parallel(2, route)
    told = [page for page in pages if "Someone else routed the enquiry" in page]
    succeeded = [page for page in pages if "The enquiry has been routed" in page]
    assert (len(told), len(succeeded)) == (1, 1)
    enquiry = Enquiry.objects.get(pk=enquiry.pk)
    assert enquiry.routings.count() == 1
    assert routed_notes(enquiry) == 1
