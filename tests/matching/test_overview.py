"""The work overview: each role's parts, nothing of other users or administrations, new
marked since the last visit, a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching import services
from matching.models import Suggestion
from tests.factories import (
    ChallengeFactory,
    OrganisationFactory,
    ResponseFactory,
    UserFactory,
    administration,
)

pytestmark = pytest.mark.django_db


def _page(client_for, user):
    return client_for(user).get(reverse("matching:overview")).content.decode()


def test_civil_servant_sees_own_administrations_challenges_with_new_responses(
    client_for, civil_servant_bif, civil_servant_tmf
):
    own = ChallengeFactory(title="Vores kantineudfordring", contact_person=civil_servant_bif)
    other = ChallengeFactory(
        title="Andres parkudfordring",
        owner=administration("TMF"),
        contact_person=civil_servant_tmf,
    )
    ResponseFactory(challenge=own)
    ResponseFactory(challenge=other)
    page = _page(client_for, civil_servant_bif)
    assert own.title in page
    assert other.title not in page
    assert "1 nyt svar" in page


def test_entrepreneur_sees_own_organisations_and_responses_only(client_for, entrepreneur):
    mine = ResponseFactory(
        organisation=entrepreneur.organisation_memberships.first().organisation,
        submitted_by=entrepreneur,
    )
    stranger = OrganisationFactory(name="Fremmed ApS", slug="fremmed")
    ResponseFactory(organisation=stranger)
    page = _page(client_for, entrepreneur)
    assert mine.challenge.title in page
    assert "Fremmed ApS" not in page


def test_new_is_marked_until_the_next_visit(client_for, entrepreneur):
    ResponseFactory(
        organisation=entrepreneur.organisation_memberships.first().organisation,
        submitted_by=entrepreneur,
    )
    assert ">Ny<" in _page(client_for, entrepreneur)
    assert ">Ny<" not in _page(client_for, entrepreneur)


def test_english_overview_url(client):
    assert reverse("matching:overview") == "/mit-overblik/"
    from django.utils import translation

    with translation.override("en"):
        assert reverse("matching:overview") == "/en/my-overview/"


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_overview_queries_equal_at_two_sizes(client_for, themes):
    member = themes[0].best.organisation.memberships.first().user
    client = client_for(member)
    url = reverse("matching:overview")
    suggestion = Suggestion.objects.get(challenge=themes[0].challenge, solution=themes[0].best)
    services.suggestion_invite(user=themes[0].challenge.contact_person, suggestion=suggestion)
    ResponseFactory(
        challenge=themes[0].challenge, organisation=themes[0].best.organisation, submitted_by=member
    )
    small = _count(client, url)
    for theme in themes[1:6]:
        s = Suggestion.objects.get(challenge=theme.challenge, solution=theme.best)
        services.suggestion_invite(user=theme.challenge.contact_person, suggestion=s)
        ResponseFactory(
            challenge=theme.challenge, organisation=theme.best.organisation, submitted_by=member
        )
    assert _count(client, url) == small


def test_contact_officer_sees_queue_counts(client_for, contact_officer):
    page = _page(client_for, contact_officer)
    assert "Henvendelseskø" in page and "Forsinket" in page


def test_a_user_without_anything_sees_a_calm_page(client_for):
    page = _page(client_for, UserFactory(email="tom@example.org"))
    assert "Intet kræver din opmærksomhed" in page or "organisation" in page
