"""The overview's short-lived fragment cache: fast on repeat, never behind a change."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from challenges import services
from challenges.models import Status
from portal import caching
from tests.challenge_helpers import make_challenge


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return response, len(context.captured_queries)


def test_a_repeated_overview_is_served_from_the_cache(
    client, civil_servant_bif, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_challenge(civil_servant_bif, title="Cykelværksted for unge")
    _first, cold = _queries(client, reverse("challenges:list"), {"q": "cykel"})
    second, warm = _queries(client, reverse("challenges:list"), {"q": "cykel"})
    assert warm < cold
    assert "<mark>Cykelværksted</mark> for unge" in second.content.decode()


def test_a_change_shows_at_once_despite_the_cache(
    client, civil_servant_bif, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = make_challenge(
            civil_servant_bif, status=Status.DRAFT, title="Nyt projekt om taghaver"
        )
    before, _ = _queries(client, reverse("challenges:list"))
    assert "Nyt projekt om taghaver" not in before.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_publish(user=civil_servant_bif, challenge=draft)
    caching._local_versions.clear()  # as after the one-second trust of another process
    after, _ = _queries(client, reverse("challenges:list"))
    assert "Nyt projekt om taghaver" in after.content.decode()


def test_cached_fragments_expire_within_the_configured_seconds(
    db, settings, page_cache, monkeypatch
):
    assert settings.OVERVIEW_CACHE_SECONDS <= 5
    stored = {}
    monkeypatch.setattr(
        page_cache, "set", lambda key, value, timeout: stored.update({key: timeout})
    )
    caching.cached_fragment("challenges", ["x"], lambda: "<p>x</p>")
    assert list(stored.values()) == [settings.OVERVIEW_CACHE_SECONDS]


def test_more_than_the_cap_says_so(client, civil_servant_bif, settings, monkeypatch):
    from challenges.overview import ChallengeOverview

    monkeypatch.setattr(ChallengeOverview, "max_results", 3)
    for n in range(5):
        make_challenge(civil_servant_bif, title=f"Udfordring {n}")
    content = client.get(reverse("challenges:list")).content.decode()
    assert "Mere end 3 udfordringer" in content
