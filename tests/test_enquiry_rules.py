"""The predicates of enquiries/rules.py, called directly (every persona in every status), the
registry of staff actions (enquiries/actions.py) and the services' own checks: a service
refuses an actor its predicate refuses, whoever calls it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from enquiries import rules
from enquiries.actions import ACTIONS, allowed_actions
from enquiries.domain import Status
from enquiries.models import Enquiry
from enquiries.staff_forms import ActionForm
from tests.enquiry_helpers import administration, in_status

OPEN = ["received", "triaged", "routed", "in_progress", "waiting", "answered"]

# Who may do what, by predicate, on an enquiry routed (lead) to BIF. Everyone else (TMF,
# the council member, the entrepreneur, staff without two-factor, a visitor) may nothing.
CONTACT_OFFICER = {
    rules.can_view: Status.values,
    rules.can_assign: OPEN,
    rules.can_triage: ["received"],
    rules.can_route: ["received", "triaged", "routed", "waiting"],
    rules.can_confirm_a_routing: [],
    rules.can_take: [],
    rules.can_reply: ["received", "triaged", "routed", "in_progress", "waiting", "answered"],
    rules.can_add_note: Status.values,
    rules.can_hand_back: ["routed", "in_progress", "waiting"],
    rules.can_close: ["waiting", "answered", "referred"],
    rules.can_refer: ["received", "triaged"],
    rules.can_mark_spam: ["received"],
    rules.can_mark_duplicate: ["received", "triaged"],
}
LEAD_CIVIL_SERVANT = {
    rules.can_view: Status.values,
    rules.can_assign: [],
    rules.can_triage: [],
    rules.can_route: [],
    rules.can_confirm_a_routing: OPEN,
    rules.can_take: ["routed", "in_progress", "waiting", "answered"],
    rules.can_reply: ["triaged", "routed", "in_progress", "waiting", "answered"],
    rules.can_add_note: Status.values,
    rules.can_hand_back: ["routed", "in_progress", "waiting"],
    rules.can_close: ["waiting", "answered", "referred"],
    rules.can_refer: [],
    rules.can_mark_spam: [],
    rules.can_mark_duplicate: [],
}


@pytest.fixture
def personas(
    contact_officer,
    civil_servant_bif,
    civil_servant_tmf,
    council_member,
    entrepreneur,
    civil_servant_without_totp,
    administrator,
):
    return {
        "contact_officer": contact_officer,
        "bif": civil_servant_bif,
        "tmf": civil_servant_tmf,
        "council_member": council_member,
        "entrepreneur": entrepreneur,
        "no_2fa": civil_servant_without_totp,
        "administrator": administrator,
        "visitor": AnonymousUser(),
    }


def fresh(enquiry):
    """The enquiry as a new object: the rules keep what they read on the object."""
    return Enquiry.objects.get(pk=enquiry.pk)


@pytest.mark.parametrize("status", Status.values)
def test_every_predicate_for_every_persona(personas, status):
    enquiry = in_status(status)
    for who, user in personas.items():
        expected = {"contact_officer": CONTACT_OFFICER, "bif": LEAD_CIVIL_SERVANT}.get(who, {})
        for predicate in CONTACT_OFFICER:
            allowed = status in expected.get(predicate, [])
            assert predicate(user, fresh(enquiry)) is allowed, (who, predicate.__name__, status)


def test_taking_an_enquiry_in_progress_is_for_a_colleague_not_its_handler(civil_servant_bif):
    enquiry = in_status("in_progress", handler=civil_servant_bif)
    assert not rules.can_take(civil_servant_bif, fresh(enquiry))
    colleague = in_status("in_progress", handler=None)
    assert rules.can_take(civil_servant_bif, fresh(colleague))


def test_a_participating_administration_sees_and_notes_but_does_not_answer(
    civil_servant_tmf, contact_officer
):
    enquiry = in_status("routed")
    enquiry.routings.create(administration=administration("TMF"), role="participant")
    enquiry = fresh(enquiry)
    assert rules.can_view(civil_servant_tmf, enquiry)
    assert rules.can_add_note(civil_servant_tmf, enquiry)
    assert rules.can_confirm_a_routing(civil_servant_tmf, enquiry)
    assert not rules.can_reply(civil_servant_tmf, enquiry)
    assert not rules.can_close(civil_servant_tmf, enquiry)
    assert not rules.can_take(civil_servant_tmf, enquiry)


def test_the_lists_and_the_figures(personas):
    expected = {
        rules.can_open_queue: {"contact_officer"},
        rules.can_open_inbox: {"bif", "tmf"},
        rules.can_open_figures: {"contact_officer"},
        rules.can_administer: {"administrator"},
    }
    for predicate, allowed in expected.items():
        for who, user in personas.items():
            assert predicate(user) is (who in allowed), (who, predicate.__name__)


def test_only_an_administrator_deletes(personas):
    enquiry = in_status("closed")
    allowed = {who for who, user in personas.items() if rules.can_delete(user, enquiry)}
    assert allowed == {"administrator"}


def test_staff_without_two_factor_have_no_administrations(civil_servant_without_totp):
    assert rules.staff_administration_ids(civil_servant_without_totp) == frozenset()
    assert rules.visible_to(civil_servant_without_totp).count() == 0


class TestRegistry:
    def test_every_action_has_a_form_a_predicate_of_the_rules_a_service_and_a_message(self):
        assert list(ACTIONS) == [
            "take",
            "reply",
            "note",
            "triage",
            "assign",
            "route",
            "confirm",
            "hand_back",
            "refer",
            "duplicate",
            "close",
            "spam",
        ]
        for name, action in ACTIONS.items():
            assert action.name == name
            assert issubclass(action.form, ActionForm)
            assert getattr(rules, action.may.__name__) is action.may
            assert callable(action.perform)
            assert str(action.message)
            assert str(action.button)

    @pytest.mark.parametrize("status", Status.values)
    def test_the_page_offers_what_the_predicates_allow(self, contact_officer, status):
        enquiry = in_status(status)
        offered = {action.name for action in allowed_actions(contact_officer, fresh(enquiry))}
        assert offered == {
            name
            for name, action in ACTIONS.items()
            if status in CONTACT_OFFICER.get(action.may, [])
        }

    @pytest.mark.parametrize("name", list(ACTIONS))
    def test_each_service_refuses_an_actor_its_predicate_refuses(
        self, name, council_member, civil_servant_tmf
    ):
        """Called past the view (as an admin action, a task or an API would), the service
        itself checks: a council member and an administration not routed to get 403."""
        enquiry = in_status("routed")
        other = in_status("received", routed_to=None)
        data = {
            "handler": council_member,
            "lead": administration("TMF"),
            "participants": [],
            "note": "x",
            "seen": None,
            "routing": enquiry.routings.get(),
            "body": "x",
            "to_status": "answered",
            "to_whom": "x",
            "of": other,
        }
        for actor in (council_member, civil_servant_tmf):
            with pytest.raises(PermissionDenied):
                ACTIONS[name].perform(fresh(enquiry), data, actor, None)
        assert fresh(enquiry).status == Status.ROUTED
        assert not enquiry.events.exclude(kind="received").exists()
