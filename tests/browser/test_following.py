"""Following in a real browser, with axe in Danish and English: an entrepreneur follows a
search on the challenge overview, a matching challenge is published, the digest task runs,
the outbox holds exactly one digest with that challenge, and its one-click unsubscribe link
(opened without logging in) stops the search."""

import re
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from following.models import Follower, Subscription
from following.tasks import send_digests
from portal.models import LocalCommitteeArea, OutgoingEmail
from tests.browser.conftest import assert_accessible
from tests.factories import ChallengeFactory, OrganisationFactory, UserFactory, member_of


def _session(browser, live_server, user=None):
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_follow_a_search_get_one_digest_and_unsubscribe(browser, live_server, reference_data):
    organisation = OrganisationFactory(name="Fællesbordet ApS", slug="faellesbordet")
    anna = member_of(organisation, UserFactory(email="anna@example.org"))
    firm = _session(browser, live_server, anna)

    firm.goto(reverse("challenges:list") + "?district=noerrebro")
    firm.get_by_role("link", name="Følg denne søgning").click()
    firm.wait_for_load_state()
    assert "Nørrebro" in firm.locator("main").inner_text()
    assert_accessible(firm)
    firm.get_by_role("button", name="Følg denne søgning").click()
    firm.wait_for_load_state()
    assert firm.url.endswith(reverse("following:page"))
    assert "Du følger nu denne søgning" in firm.locator("main").inner_text()
    assert_accessible(firm)
    (subscription,) = Subscription.objects.filter(user=anna)
    assert subscription.query == "district=noerrebro"

    area = LocalCommitteeArea.objects.get(slug="noerrebro")
    challenge = ChallengeFactory(title="Fællesspisning på Nørrebro", districts=[area])
    ChallengeFactory(
        title="Cykler i Valby", districts=[LocalCommitteeArea.objects.get(slug="valby")]
    )
    # The digest reads what was published before its settling margin: move the clock.
    earlier = timezone.now() - timedelta(minutes=10)
    Subscription.objects.filter(pk=subscription.pk).update(created_at=earlier)
    Follower.objects.filter(user=anna).update(digest_until=earlier)
    type(challenge).objects.filter(pk=challenge.pk).update(
        published_at=timezone.now() - timedelta(minutes=5)
    )
    OutgoingEmail.objects.all().delete()
    send_digests.enqueue()
    send_digests.enqueue()  # a second run sends nothing more
    (digest,) = OutgoingEmail.objects.filter(to=[anna.email])
    assert challenge.title in digest.body_text and "Cykler i Valby" not in digest.body_text
    assert digest.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    stranger = _session(browser, live_server)  # the mail client: not logged in
    link = re.search(r"<https?://[^/]+(/[^>]+)>", digest.headers["List-Unsubscribe"]).group(1)
    stranger.goto(link)
    assert_accessible(stranger)
    stranger.get_by_role("button", name="Stop e-mailene").click()
    stranger.wait_for_load_state()
    assert "Du får ikke længere disse e-mails" in stranger.locator("main").inner_text()
    assert_accessible(stranger)
    assert not Subscription.objects.filter(user=anna).exists()

    with translation.override("en"):
        for url in (reverse("following:page"), reverse("following:follow", args=["solutions"])):
            firm.goto(url)
            assert_accessible(firm)
        stranger.goto(reverse("following:unsubscribe", args=["not-a-token"]))
        assert "The link is not valid" in stranger.locator("main").inner_text()
        assert_accessible(stranger)
