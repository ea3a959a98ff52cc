"""The Django admin goes through the challenge services: an edit there reaches the filter
arrays, the search lexicon, the history and the cached public overview, like an edit in the
portal; status changes are actions through the same service; nothing is added or deleted."""

import re
import time

import pytest
from django.urls import reverse

from challenges.models import Challenge, ChallengeEvent
from portal.models import LocalCommitteeArea, SearchWord, SustainableDevelopmentGoal
from tests.challenge_helpers import make_challenge

HIDDEN = re.compile(r'<input type="hidden" name="(events-[^"]+)" value="([^"]*)"')


@pytest.fixture
def challenge(civil_servant_bif):
    return make_challenge(civil_servant_bif, title="Job til ledige i kantinen")


def _admin_post_data(client, challenge, **changes):
    """What the admin's change form sends back, with `changes` made by the administrator."""
    page = client.get(reverse("admin:challenges_challenge_change", args=[challenge.pk]))
    assert page.status_code == 200
    data = dict(HIDDEN.findall(page.content.decode()))
    data.update(
        {
            "title": challenge.title,
            "summary": challenge.summary,
            "description": challenge.description,
            "owner": challenge.owner_id,
            "co_owners": [a.pk for a in challenge.co_owners.all()],
            "contact_person": challenge.contact_person_id,
            "districts": [d.pk for d in challenge.districts.all()],
            "sdgs": [g.pk for g in challenge.sdgs.all()],
            "target_groups": ",".join(challenge.target_groups),
            "collaboration": challenge.collaboration,
            "budget": challenge.budget,
            "deadline": challenge.deadline.isoformat(),
            "_save": "Save",
        }
    )
    data.update(changes)
    return data


def _found_within(client, seconds, params, title):
    """Poll the public overview as a visitor until the challenge shows (or time runs out)."""
    deadline = time.monotonic() + seconds
    while True:
        content = client.get(reverse("challenges:list"), params).content.decode()
        if title in content:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)


def test_a_challenge_edited_in_the_admin_is_found_by_its_new_words_and_filters_within_5_s(
    client,
    administrator,
    civil_servant_bif,
    challenge,
    page_cache,
    django_capture_on_commit_callbacks,
):
    valby = LocalCommitteeArea.objects.get(slug="valby")
    goal = SustainableDevelopmentGoal.objects.get(number=11)
    searched = {"q": "taghaver", "district": "valby", "sdg": "11", "administration": "tmf"}
    visitor = client.__class__()
    # The overview has been read (and cached) before the change.
    assert "Taghaver" not in visitor.get(reverse("challenges:list"), searched).content.decode()
    assert challenge.title in visitor.get(reverse("challenges:list")).content.decode()

    client.force_login(administrator)
    data = _admin_post_data(
        client,
        challenge,
        title="Taghaver på plejehjemmenes tage",
        districts=[valby.pk],
        sdgs=[goal.pk],
        co_owners=[challenge.owner.__class__.objects.get(code="TMF").pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(reverse("admin:challenges_challenge_change", args=[challenge.pk]), data)
    assert page.status_code == 302, page.content.decode()[:3000]

    assert _found_within(visitor, 5, searched, "plejehjemmenes")
    challenge.refresh_from_db()
    assert challenge.district_ids == [valby.pk] and challenge.sdg_ids == [goal.pk]
    assert SearchWord.objects.filter(word="taghaver").exists()
    event = challenge.events.first()
    assert (event.kind, event.actor) == (ChallengeEvent.Kind.EDITED, administrator)
    assert set(event.changed_fields) == {"title", "co_owners", "districts", "sdgs"}


def test_a_bad_contact_person_gets_a_message_in_the_admin_and_nothing_changes(
    client, administrator, civil_servant_tmf, challenge
):
    client.force_login(administrator)
    data = _admin_post_data(client, challenge, contact_person=civil_servant_tmf.pk, title="Ny")
    page = client.post(reverse("admin:challenges_challenge_change", args=[challenge.pk]), data)
    assert page.status_code == 200
    assert "contact_person" in page.context["adminform"].form.errors
    challenge.refresh_from_db()
    assert challenge.title == "Job til ledige i kantinen"


def test_status_changes_in_the_admin_are_actions_through_the_service(
    client, administrator, challenge, civil_servant_bif, django_capture_on_commit_callbacks
):
    draft = make_challenge(civil_servant_bif, status="draft", title="Kladde")
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            reverse("admin:challenges_challenge_changelist"),
            {"action": "move_to_closed", "_selected_action": [challenge.pk, draft.pk]},
            follow=True,
        )
    assert page.status_code == 200
    challenge.refresh_from_db()
    draft.refresh_from_db()
    assert (challenge.status, draft.status) == ("closed", "draft")  # a draft cannot be closed
    assert challenge.events.first().actor == administrator
    assert "Kladde" in page.content.decode()  # told which one was refused
    visitor = client.__class__()
    open_list = visitor.get(reverse("challenges:list"), {"state": "open"}).content.decode()
    assert "Job til ledige i kantinen" not in open_list


def test_the_admin_neither_adds_nor_deletes_nor_sets_the_status_by_hand(
    client, administrator, challenge
):
    client.force_login(administrator)
    assert client.get(reverse("admin:challenges_challenge_add")).status_code == 403
    delete = reverse("admin:challenges_challenge_delete", args=[challenge.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Challenge.objects.filter(pk=challenge.pk).exists()
    data = _admin_post_data(client, challenge, status="archived")
    client.post(reverse("admin:challenges_challenge_change", args=[challenge.pk]), data)
    challenge.refresh_from_db()
    assert challenge.status == "published"
