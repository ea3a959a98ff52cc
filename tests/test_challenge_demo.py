"""The challenges' demo data tells one consistent story: a history dated like the
publication, challenges in dialogue or solved with the responses they talk about, e-mails
whose links work outside the portal."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from challenges.models import Challenge, ChallengeEvent, Response, ResponseStatus, Status
from portal.models import OutgoingEmail


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)


def test_each_history_is_dated_like_the_challenge(demo):
    now = timezone.now()
    for challenge in Challenge.objects.exclude(status=Status.DRAFT):
        events = list(challenge.events.order_by("pk"))
        times = [e.created_at for e in events]
        assert times == sorted(times), challenge.title
        assert events[0].kind == ChallengeEvent.Kind.CREATED
        assert events[0].created_at == challenge.created_at
        publish = next(e for e in events if e.to_status == Status.PUBLISHED)
        assert publish.created_at == challenge.published_at, challenge.title
        assert times[-1] <= now
    published = sorted(Challenge.objects.published().values_list("published_at", flat=True))
    assert published[-1] - published[0] > timezone.timedelta(days=60)


def test_challenges_in_dialogue_or_solved_have_the_responses_they_speak_of(demo):
    for challenge in Challenge.objects.filter(status__in=[Status.IN_DIALOGUE, Status.SOLVED]):
        statuses = set(challenge.responses.values_list("status", flat=True))
        assert statuses, f"{challenge.title} is {challenge.status} with no responses"
        if challenge.status == Status.SOLVED:
            assert ResponseStatus.ACCEPTED in statuses, challenge.title
        else:
            assert ResponseStatus.IN_DIALOGUE in statuses, challenge.title


def test_each_response_comes_after_the_publication_and_its_thread_in_order(demo):
    responses = Response.objects.select_related("challenge")
    assert responses.count() >= 8
    for response in responses:
        assert response.created_at > response.challenge.published_at
        events = list(response.events.order_by("pk").values_list("created_at", flat=True))
        assert events == sorted(events) and events[0] == response.created_at
        messages = list(response.messages.order_by("pk").values_list("created_at", flat=True))
        assert messages == sorted(messages)
        assert all(m >= response.created_at for m in messages)
        if response.status != ResponseStatus.SUBMITTED:
            assert response.messages.exists()
    assert Response.objects.filter(status=ResponseStatus.SUBMITTED).exists()  # to edit


def test_the_demo_emails_about_responses_link_to_full_addresses(demo):
    emails = OutgoingEmail.objects.filter(body_text__contains="/svar/")
    assert emails.count() >= 8
    for email in emails:
        links = re.findall(r"\S*/udfordringer/svar/\d+/", email.body_text)
        assert links and all(link.startswith("http://") for link in links), email.body_text
        assert 'href="http://' in email.body_html


def test_some_demo_responses_point_at_a_published_solution_of_their_organisation(demo):
    pointing = Response.objects.filter(solution__isnull=False).select_related("solution")
    assert pointing.count() >= 4
    for response in pointing:
        assert response.solution.organisation_id == response.organisation_id
        assert response.solution.is_public, response.solution.title
    assert Response.objects.filter(solution__isnull=True).exists()  # free text still shown
