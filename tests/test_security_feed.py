"""Issue 9.10: the Atom feed's summaries are plain text, so a reader shows what was
written instead of turning escaped text back into markup."""

from xml.etree import ElementTree

from django.urls import reverse

from tests.challenge_helpers import make_challenge

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_summaries_are_plain_text(client, civil_servant_bif):
    make_challenge(civil_servant_bif, summary="Vi søger <b>én</b> partner & en kantine.")
    feed = ElementTree.fromstring(client.get(reverse("challenges:feed")).content)
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == "Vi søger <b>én</b> partner & en kantine."
