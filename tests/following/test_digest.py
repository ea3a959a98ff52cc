"""The digest (issue 11, acceptance): only what is new since the last digest, never an item
twice and never one skipped between two periods; at most one per user and period, even when
the task runs twice or dies half-way; nothing when nothing is new; in the user's language,
with one-click unsubscribe headers."""

import pytest
from django.db.models.signals import post_save

from following import services
from following.models import Digest, Follower, Frequency, Kind, Notice
from portal import mail
from portal.models import OutgoingEmail
from tests.factories import UserFactory
from tests.following.conftest import at, challenge_in, follow, run_digests
from tests.solutions.conftest import make_solution


def digests_to(user) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to=[user.email]).order_by("pk"))


def test_a_digest_never_repeats_an_item_and_never_skips_one_between_two_periods(
    norrebro_follower,
):
    first = challenge_in("noerrebro", at(-30), title="Ensomme ældre spiser sammen")
    # Published just before the first run, inside its settling margin: left to the next.
    borderline = challenge_in("noerrebro", at(-0.01), title="Lektiehjælp i opgangen")
    elsewhere = challenge_in("valby", at(-5), title="Cykelværksted i Valby")
    assert run_digests(at(0)) == 1
    later = challenge_in("noerrebro", at(5), title="Fællesspisning for familier")
    assert run_digests(at(24)) == 1

    day_one, day_two = digests_to(norrebro_follower)
    assert first.title in day_one.body_text
    assert borderline.title not in day_one.body_text
    assert borderline.title in day_two.body_text and later.title in day_two.body_text
    assert first.title not in day_two.body_text
    assert elsewhere.title not in day_one.body_text + day_two.body_text
    assert list(Digest.objects.values_list("period", "items").order_by("pk")) == [
        ("2026-12-08", 1),
        ("2026-12-09", 2),
    ]


def test_running_the_task_twice_sends_nothing_twice(norrebro_follower):
    challenge_in("noerrebro", at(-3))
    assert run_digests(at(0)) == 1
    assert run_digests(at(0)) == 0
    assert run_digests(at(6)) == 0  # the same day: the period's digest went out
    assert len(digests_to(norrebro_follower)) == 1
    assert Digest.objects.count() == 1


def test_nothing_is_sent_when_nothing_is_new(norrebro_follower):
    challenge_in("valby", at(-3))
    challenge_in("noerrebro", at(-72))  # before the user followed
    assert run_digests(at(0)) == 0
    assert digests_to(norrebro_follower) == []
    assert not Digest.objects.exists()


def test_a_new_search_brings_only_what_was_published_after_it_was_followed(entrepreneur):
    old = challenge_in("noerrebro", at(-30), title="Gammel udfordring")
    follow(entrepreneur, "district=noerrebro", since=at(-10))
    new = challenge_in("noerrebro", at(-5), title="Ny udfordring")
    run_digests(at(0))
    (digest,) = digests_to(entrepreneur)
    assert new.title in digest.body_text and old.title not in digest.body_text


def test_a_worker_that_dies_half_way_leaves_the_rest_to_the_next_run(db):
    people = [UserFactory(email=f"follower{n}@example.org") for n in range(4)]
    for person in people:
        follow(person, "district=noerrebro", since=at(-48))
    challenge_in("noerrebro", at(-3))
    queued = []

    def die_at_the_third(sender, instance, created, **kwargs):
        queued.append(instance.pk)
        if len(queued) == 3:
            raise RuntimeError("the worker died")

    post_save.connect(die_at_the_third, sender=OutgoingEmail)
    try:
        with pytest.raises(RuntimeError):
            run_digests(at(0))
    finally:
        post_save.disconnect(die_at_the_third, sender=OutgoingEmail)
    assert Digest.objects.count() == 2  # the third user's digest was rolled back with it
    assert OutgoingEmail.objects.count() == 2
    assert run_digests(at(0)) == 2
    assert run_digests(at(0)) == 0
    for person in people:
        assert len(digests_to(person)) == 1
        assert Digest.objects.filter(user=person).count() == 1


def test_one_digest_combines_every_search_and_interest_without_duplicates(entrepreneur):
    follow(entrepreneur, "district=noerrebro", since=at(-48))
    follow(entrepreneur, "q=ensomhed", since=at(-48))
    follow(entrepreneur, "district=noerrebro", Kind.SOLUTION_SEARCH, since=at(-48))
    challenge = challenge_in("noerrebro", at(-3), title="Ensomhed blandt ældre")
    assert run_digests(at(0)) == 1
    (digest,) = digests_to(entrepreneur)
    assert digest.body_text.count(challenge.title) == 1
    assert Digest.objects.get().items == 1


def test_the_digest_is_in_the_users_language_with_one_click_unsubscribe(
    norrebro_follower, settings, mailoutbox
):
    settings.PORTAL_URL = "https://portal.example.dk"
    norrebro_follower.language = "en"
    norrebro_follower.save(update_fields=["language"])
    challenge_in("noerrebro", at(-3))
    run_digests(at(0))
    (email,) = digests_to(norrebro_follower)
    assert email.subject == "1 new thing in what you follow"
    assert "/en/unsubscribe/" in email.body_text
    assert "/en/my-overview/following/" in email.body_text
    url = email.headers["List-Unsubscribe"]
    assert url.startswith("<https://portal.example.dk/en/unsubscribe/") and url.endswith("/>")
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail.deliver(email.pk)
    message = mailoutbox[0].message()
    assert message["List-Unsubscribe"] == url
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"] == email.message_id


def test_danish_is_the_default_language(norrebro_follower):
    challenge_in("noerrebro", at(-3))
    challenge_in("noerrebro", at(-2))
    run_digests(at(0))
    (email,) = digests_to(norrebro_follower)
    assert email.subject == "2 nye ting i det, du følger"
    assert "/afmeld/" in email.body_text


def test_weekly_digests_come_on_mondays_once_a_week(norrebro_follower):
    Follower.objects.filter(user=norrebro_follower).update(frequency=Frequency.WEEKLY)
    challenge_in("noerrebro", at(-3))
    assert run_digests(at(0)) == 0  # Tuesday
    assert run_digests(at(6 * 24)) == 1  # the next Monday
    challenge_in("noerrebro", at(6 * 24 + 1))
    assert run_digests(at(6 * 24 + 3)) == 0  # the same week
    assert Digest.objects.get().period == "2026-W51"


def test_waiting_notices_come_once_in_the_digest(entrepreneur):
    services.preferences_update(
        actor=entrepreneur,
        frequency=Frequency.DAILY,
        deliveries={Kind.FITTING_CHALLENGES: "digest"},
    )
    challenge = challenge_in("noerrebro", at(-3), title="Passer til jer")
    organisation = entrepreneur.organisation_memberships.get().organisation
    solution = make_solution(entrepreneur, organisation, title="Vores løsning")
    Notice.objects.create(
        user=entrepreneur, kind=Kind.FITTING_CHALLENGES, challenge=challenge, solution=solution
    )
    assert run_digests(at(0)) == 1
    assert run_digests(at(24)) == 0
    (email,) = digests_to(entrepreneur)
    assert challenge.title in email.body_text and solution.title in email.body_text
    assert Notice.objects.get().digest == Digest.objects.get()


def test_an_inactive_user_gets_no_digest(norrebro_follower):
    norrebro_follower.is_active = False
    norrebro_follower.save(update_fields=["is_active"])
    challenge_in("noerrebro", at(-3))
    assert run_digests(at(0)) == 0
