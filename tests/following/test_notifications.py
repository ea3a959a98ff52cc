"""Notification preferences (issue 11, point 5): for each standing interest the user
chooses immediately, in the digest or never. "Immediately" is an e-mail of its own when the
refresh of the suggestions finds something new (through the outbox, in the user's
language, with one-click unsubscribe), never twice for the same thing."""

import pytest
from django.core.exceptions import PermissionDenied

from following import notifications, services
from following.models import Delivery, Kind, Notice, Subscription
from matching.tasks import refresh_suggestions
from portal.models import LocalCommitteeArea, OutgoingEmail, SustainableDevelopmentGoal
from tests.factories import ChallengeFactory, OrganisationFactory, UserFactory, member_of
from tests.solutions.conftest import make_solution


@pytest.fixture
def area():
    return LocalCommitteeArea.objects.get(slug="noerrebro")


@pytest.fixture
def goal():
    return SustainableDevelopmentGoal.objects.get(number=3)


def choose(user, kind, delivery):
    services.preferences_update(actor=user, frequency="daily", deliveries={kind: delivery})


def fitting_challenge(civil_servant_bif, area, goal, **fields):
    return ChallengeFactory(
        title=fields.pop("title", "Ensomme ældre på Nørrebro"),
        summary="Vi søger fællesspisning mod ensomhed blandt ældre.",
        description="Mange ældre spiser alene. Vi vil samle dem om fællesspisning.",
        owner=civil_servant_bif.administration_memberships.get().administration,
        contact_person=civil_servant_bif,
        districts=[area],
        sdgs=[goal],
        target_groups=["elderly"],
        **fields,
    )


def solution_for(member, area, goal, **fields):
    fields.setdefault("target_groups", ["elderly"])
    return make_solution(
        member,
        member.organisation_memberships.get().organisation,
        title=fields.pop("title", "Fællesspisning for ældre"),
        summary="Ugentlig fællesspisning, der bryder ensomhed.",
        districts=[area],
        sdgs=[goal],
        **fields,
    )


def emails_to(user):
    return list(OutgoingEmail.objects.filter(to=[user.email]).order_by("pk"))


def publish_and_refresh(django_capture_on_commit_callbacks, make):
    """Publish through the services; the refresh task runs on commit, as in production."""
    with django_capture_on_commit_callbacks(execute=True):
        return make()


def test_immediately_sends_one_email_when_a_challenge_that_fits_is_published(
    entrepreneur, civil_servant_bif, area, goal, django_capture_on_commit_callbacks
):
    solution_for(entrepreneur, area, goal)
    choose(entrepreneur, Kind.FITTING_CHALLENGES, Delivery.IMMEDIATELY)
    challenge = publish_and_refresh(
        django_capture_on_commit_callbacks,
        lambda: fitting_challenge(civil_servant_bif, area, goal),
    )
    (email,) = emails_to(entrepreneur)
    assert email.subject == "Nye udfordringer, der passer til din organisation"
    assert challenge.title in email.body_text
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/afmeld/" in email.headers["List-Unsubscribe"]
    # Refreshing again tells nobody twice.
    refresh_suggestions.call("challenge", challenge.pk)
    assert len(emails_to(entrepreneur)) == 1
    assert Notice.objects.filter(user=entrepreneur).count() == 1


def test_in_the_digest_waits_and_never_sends_nothing(
    entrepreneur, civil_servant_bif, area, goal, django_capture_on_commit_callbacks
):
    solution_for(entrepreneur, area, goal)
    choose(entrepreneur, Kind.FITTING_CHALLENGES, Delivery.DIGEST)
    publish_and_refresh(
        django_capture_on_commit_callbacks,
        lambda: fitting_challenge(civil_servant_bif, area, goal),
    )
    assert emails_to(entrepreneur) == []
    notice = Notice.objects.get(user=entrepreneur)
    assert notice.sent_at is None and notice.digest is None
    choose(entrepreneur, Kind.FITTING_CHALLENGES, "never")
    assert not Notice.objects.filter(user=entrepreneur).exists()  # the waiting one is dropped
    publish_and_refresh(
        django_capture_on_commit_callbacks,
        lambda: fitting_challenge(civil_servant_bif, area, goal, title="Endnu en udfordring"),
    )
    assert not Notice.objects.filter(user=entrepreneur).exists()
    assert emails_to(entrepreneur) == []


def test_a_civil_servant_hears_of_solutions_suggested_for_the_administrations_challenges(
    entrepreneur,
    civil_servant_bif,
    civil_servant_tmf,
    area,
    goal,
    django_capture_on_commit_callbacks,
):
    challenge = fitting_challenge(civil_servant_bif, area, goal)
    choose(civil_servant_bif, Kind.SUGGESTED_SOLUTIONS, Delivery.IMMEDIATELY)
    choose(civil_servant_tmf, Kind.SUGGESTED_SOLUTIONS, Delivery.IMMEDIATELY)
    civil_servant_bif.language = "en"
    civil_servant_bif.save(update_fields=["language"])
    solution = publish_and_refresh(
        django_capture_on_commit_callbacks, lambda: solution_for(entrepreneur, area, goal)
    )
    (email,) = emails_to(civil_servant_bif)
    assert email.subject == "New suggested solutions for your administration's challenges"
    assert solution.title in email.body_text and challenge.title in email.body_text
    assert "/en/unsubscribe/" in email.body_text
    assert emails_to(civil_servant_tmf) == []  # not their administration's challenge


def test_new_solutions_in_the_administrations_areas_and_goals(
    entrepreneur,
    civil_servant_bif,
    civil_servant_tmf,
    area,
    goal,
    django_capture_on_commit_callbacks,
):
    fitting_challenge(civil_servant_bif, area, goal)
    choose(civil_servant_bif, Kind.AREA_SOLUTIONS, Delivery.IMMEDIATELY)
    choose(civil_servant_tmf, Kind.AREA_SOLUTIONS, Delivery.IMMEDIATELY)
    solution = publish_and_refresh(
        django_capture_on_commit_callbacks,
        lambda: solution_for(entrepreneur, area, goal, title="Helt andet", target_groups=[]),
    )
    (email,) = emails_to(civil_servant_bif)
    assert solution.title in email.body_text
    assert emails_to(civil_servant_tmf) == []  # TMF has no challenge there
    refresh_suggestions.call("solution", solution.pk)
    assert len(emails_to(civil_servant_bif)) == 1


def test_an_organisation_member_cannot_choose_an_administrations_interest(entrepreneur):
    with pytest.raises(PermissionDenied):
        choose(entrepreneur, Kind.AREA_SOLUTIONS, Delivery.DIGEST)
    assert not Subscription.objects.filter(user=entrepreneur).exists()


def test_only_the_members_of_the_suggested_organisation_are_told(
    entrepreneur, civil_servant_bif, area, goal, django_capture_on_commit_callbacks
):
    solution_for(entrepreneur, area, goal)
    stranger = member_of(OrganisationFactory(), UserFactory(email="fremmed@example.org"))
    choose(entrepreneur, Kind.FITTING_CHALLENGES, Delivery.IMMEDIATELY)
    choose(stranger, Kind.FITTING_CHALLENGES, Delivery.IMMEDIATELY)
    publish_and_refresh(
        django_capture_on_commit_callbacks,
        lambda: fitting_challenge(civil_servant_bif, area, goal),
    )
    assert len(emails_to(entrepreneur)) == 1
    assert emails_to(stranger) == []


def test_pairs_known_before_the_refresh_are_not_new(entrepreneur, civil_servant_bif, area, goal):
    challenge = fitting_challenge(civil_servant_bif, area, goal)
    solution_for(entrepreneur, area, goal)
    refresh_suggestions.call("challenge", challenge.pk)
    choose(entrepreneur, Kind.FITTING_CHALLENGES, Delivery.IMMEDIATELY)
    before = notifications.suggested_before("challenge", challenge.pk)
    assert before
    assert (
        notifications.suggestions_refreshed(kind="challenge", pk=challenge.pk, before=before) == 0
    )
    assert emails_to(entrepreneur) == []
