"""The challenge page keeps its public content a few seconds (portal.caching): a visitor's
page needs no query, a change shows at once, and the owners' copy, a draft or another
user's responses are never kept for or shown to anyone else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from challenges import services
from challenges.models import Status
from portal import caching
from tests.challenge_helpers import make_challenge, submit
from tests.factories import OrganisationFactory, UserFactory, member_of
from tests.helpers import query_counts

pytestmark = pytest.mark.django_db


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitors_page_needs_no_query_and_a_change_shows_at_once(
    client, civil_servant_bif, page_cache, django_capture_on_commit_callbacks
):
    challenge = make_challenge(civil_servant_bif)
    url = challenge.get_absolute_url()
    respond = reverse("challenges:respond", args=[challenge.pk])
    assert respond in _page(client, url)
    with CaptureQueriesContext(connection) as warm:
        assert respond in _page(client, url)
    assert len(warm.captured_queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_update(
            user=civil_servant_bif, challenge=challenge, data={"title": "Kantinen får ny titel"}
        )
    assert "Kantinen får ny titel" in _page(client, url)
    caching._local_versions.clear()  # as in another process, a second later
    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_close(user=civil_servant_bif, challenge=challenge)
    assert respond not in _page(client, url)  # closed: no respond button


def test_a_draft_and_the_owners_copy_are_never_kept_for_visitors(
    client, civil_servant_bif, page_cache
):
    draft = make_challenge(civil_servant_bif, status=Status.DRAFT, title="Kladde om kantinen")
    public = make_challenge(civil_servant_bif, title="Offentlig udfordring")
    edit = reverse("challenges:edit", args=[public.pk])
    transition = reverse("challenges:transition", args=[public.pk])
    client.force_login(civil_servant_bif)
    assert "Kladde om kantinen" in _page(client, draft.get_absolute_url())
    owners = _page(client, public.get_absolute_url())
    assert edit in owners and transition in owners
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    visitors = _page(client, public.get_absolute_url())
    assert edit not in visitors and transition not in visitors
    # The visitors' copy, now kept, is not what the owners get.
    client.force_login(civil_servant_bif)
    assert edit in _page(client, public.get_absolute_url())


def test_each_user_sees_their_own_responses_around_the_shared_content(
    client, civil_servant_bif, entrepreneur, organisation, page_cache
):
    challenge = make_challenge(civil_servant_bif)
    url = challenge.get_absolute_url()
    response = submit(entrepreneur, challenge, organisation)
    other = member_of(
        OrganisationFactory(name="Anden Virksomhed ApS"), UserFactory(email="o@example.org")
    )
    respond = reverse("challenges:respond", args=[challenge.pk])
    for _ in range(2):  # the first time renders the shared content, the second reads it
        client.force_login(entrepreneur)
        mine = _page(client, url)
        assert response.get_absolute_url() in mine
        assert respond not in mine  # the user's only organisation has responded
        client.force_login(other)
        theirs = _page(client, url)
        assert response.get_absolute_url() not in theirs and respond in theirs
        client.logout()
        visitors = _page(client, url)
        assert response.get_absolute_url() not in visitors and respond in visitors


def test_each_language_has_its_own_copy(client, civil_servant_bif, page_cache):
    challenge = make_challenge(civil_servant_bif)
    assert "Fakta" in _page(client, challenge.get_absolute_url())
    with translation.override("en"):
        english = reverse("challenges:detail", args=[challenge.pk])
    page = _page(client, english)
    assert "Facts" in page and "Fakta" not in page


@pytest.mark.parametrize("reader", ["visitor", "member"])
def test_queries_are_equal_with_few_and_many_responses(
    client, civil_servant_bif, entrepreneur, reader
):
    challenge = make_challenge(civil_servant_bif)
    made = iter(range(100))

    def grow(n):
        for _ in range(n):
            organisation = OrganisationFactory(name=f"Virksomhed {next(made)} ApS")
            member_of(organisation, entrepreneur)
            submit(entrepreneur, challenge, organisation)

    if reader == "member":
        client.force_login(entrepreneur)
    small, large = query_counts(client, challenge.get_absolute_url(), grow, (1, 20))
    assert small == large


def test_a_member_of_another_organisation_that_has_not_responded_may_still_respond(
    client, civil_servant_bif, entrepreneur, organisation, page_cache
):
    challenge = make_challenge(civil_servant_bif)
    response = submit(entrepreneur, challenge, organisation)
    client.force_login(entrepreneur)
    respond = reverse("challenges:respond", args=[challenge.pk])
    assert respond not in _page(client, challenge.get_absolute_url())
    member_of(OrganisationFactory(name="Anden Virksomhed ApS"), entrepreneur)
    page = _page(client, challenge.get_absolute_url())
    assert respond in page and response.get_absolute_url() in page
