"""Suggestions on the pages, the states never suggested, acting on a suggestion."""

import re

import pytest
from django.urls import reverse

from challenges import services as challenge_services
from matching import services
from matching.models import Invitation, Suggestion
from portal.models import OutgoingEmail
from solutions import services as solution_services
from tests.factories import OrganisationFactory, UserFactory, member_of
from tests.matching.conftest import refresh_all

pytestmark = pytest.mark.django_db


def test_challenge_page_shows_suggestions_with_reasons_in_words(client, themes):
    page = client.get(themes[0].challenge.get_absolute_url()).content.decode()
    assert themes[0].best.title in page
    assert "Fælles verdensmål:" in page and "Fælles ord:" in page
    assert "ensomhed" in page


def test_solution_page_shows_open_challenges(client, themes):
    page = client.get(themes[3].best.get_absolute_url()).content.decode()
    assert themes[3].challenge.title in page


def test_closed_challenge_and_archived_solution_are_never_suggested(themes):
    theme = themes[0]
    user = theme.challenge.contact_person
    challenge_services.challenge_close(user=user, challenge=theme.challenge)
    solution_user = theme.best.organisation.memberships.first().user
    solution_services.solution_archive(user=solution_user, solution=themes[1].best)
    services.suggestions_refresh(kind=services.CHALLENGE, pk=theme.challenge.pk)
    services.suggestions_refresh(kind=services.SOLUTION, pk=themes[1].best.pk)
    assert not Suggestion.objects.filter(challenge=theme.challenge).exists()
    assert not Suggestion.objects.filter(solution=themes[1].best).exists()
    refresh_all()
    assert not Suggestion.objects.filter(challenge=theme.challenge).exists()
    assert not Suggestion.objects.filter(solution=themes[1].best).exists()


def test_publishing_enqueues_a_refresh_on_commit(themes, django_capture_on_commit_callbacks):
    theme = themes[2]
    Suggestion.objects.filter(solution=theme.best).delete()
    user = theme.best.organisation.memberships.first().user
    with django_capture_on_commit_callbacks(execute=True):
        solution_services.solution_archive(user=user, solution=theme.best)
        solution_services.solution_publish(user=user, solution=theme.best)
    assert Suggestion.objects.filter(solution=theme.best, challenge=theme.challenge).exists()


def test_challenge_page_queries_do_not_grow_with_suggestions(client, themes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal import caching

    caching._local_versions.clear()  # both requests read the content versions
    with CaptureQueriesContext(connection) as few:
        client.get(themes[5].challenge.get_absolute_url())
    Suggestion.objects.filter(challenge=themes[6].challenge).delete()
    caching._local_versions.clear()
    with CaptureQueriesContext(connection) as none:
        client.get(themes[6].challenge.get_absolute_url())
    assert len(few) == len(none)


def test_owner_invites_once_and_the_organisation_is_mailed(client_for, themes):
    theme = themes[0]
    suggestion = Suggestion.objects.get(challenge=theme.challenge, solution=theme.best)
    client = client_for(theme.challenge.contact_person)
    url = reverse("matching:invite", args=[suggestion.pk])
    before = OutgoingEmail.objects.count()
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert Invitation.objects.filter(challenge=theme.challenge).count() == 1
    assert OutgoingEmail.objects.count() == before + 1
    member = theme.best.organisation.memberships.first().user
    page = client_for(member).get(reverse("matching:overview")).content.decode()
    assert theme.challenge.title in page
    respond = reverse("challenges:respond", args=[theme.challenge.pk])
    # The link proposes the invited organisation and the suggested solution.
    proposal = f"organisation={theme.best.organisation_id}&amp;solution={theme.best.pk}"
    assert f'href="{respond}?{proposal}"' in page
    email = OutgoingEmail.objects.latest("pk")
    assert f"{respond}?{proposal.replace('&amp;', '&')}" in email.body_text


def test_others_may_not_invite_or_dismiss(client_for, themes, civil_servant_tmf):
    theme = themes[0]
    suggestion = Suggestion.objects.get(challenge=theme.challenge, solution=theme.best)
    member = theme.best.organisation.memberships.first().user
    for user in (member, civil_servant_tmf):
        client = client_for(user)
        assert client.post(reverse("matching:invite", args=[suggestion.pk])).status_code == 403
        assert client.post(reverse("matching:dismiss", args=[suggestion.pk])).status_code == 403
    assert not Invitation.objects.exists()
    assert client_for(member).post(reverse("matching:invite", args=[999999])).status_code == 404


def test_dismissed_suggestion_disappears_and_stays_dismissed(client_for, themes):
    theme = themes[0]
    suggestion = Suggestion.objects.get(challenge=theme.challenge, solution=theme.best)
    client = client_for(theme.challenge.contact_person)
    assert client.post(reverse("matching:dismiss", args=[suggestion.pk])).status_code == 302
    services.suggestions_refresh(kind=services.CHALLENGE, pk=theme.challenge.pk)
    services.suggestions_refresh(kind=services.SOLUTION, pk=theme.best.pk)
    suggestion.refresh_from_db()
    assert suggestion.dismissed_at is not None
    page = client.get(theme.challenge.get_absolute_url()).content.decode()
    assert theme.best.title not in page.split('id="suggestions-heading"')[1]


def test_an_organisation_sees_only_its_own_invitations(client_for, themes):
    theme = themes[0]
    suggestion = Suggestion.objects.get(challenge=theme.challenge, solution=theme.best)
    services.suggestion_invite(user=theme.challenge.contact_person, suggestion=suggestion)
    stranger = member_of(
        OrganisationFactory(name="Andre ApS", slug="andre"), UserFactory(email="x@example.org")
    )
    page = client_for(stranger).get(reverse("matching:overview")).content.decode()
    assert theme.challenge.title not in page


def test_overview_is_the_landing_page_and_needs_login(client, settings):
    assert settings.LOGIN_REDIRECT_URL == "matching:overview"
    assert reverse("matching:overview") == "/mit-overblik/"
    assert client.get("/mit-overblik/").status_code == 302


def test_a_refresh_or_a_dismissal_shows_on_the_cached_pages_at_once(
    client, themes, page_cache, django_capture_on_commit_callbacks
):
    theme = themes[0]
    challenge_url, solution_url = theme.challenge.get_absolute_url(), theme.best.get_absolute_url()
    Suggestion.objects.filter(challenge=theme.challenge).delete()
    assert theme.best.title not in client.get(challenge_url).content.decode()  # now kept
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestions_refresh(kind=services.CHALLENGE, pk=theme.challenge.pk)
    assert theme.best.title in client.get(challenge_url).content.decode()
    assert theme.challenge.title in client.get(solution_url).content.decode()
    suggestion = Suggestion.objects.get(challenge=theme.challenge, solution=theme.best)
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_dismiss(user=theme.challenge.contact_person, suggestion=suggestion)
    assert theme.best.title not in client.get(challenge_url).content.decode()
    assert theme.challenge.title not in client.get(solution_url).content.decode()


def test_the_owners_buttons_on_suggestions_are_never_kept_for_visitors(
    client, client_for, themes, page_cache
):
    theme = themes[1]
    suggestion = Suggestion.objects.get(challenge=theme.challenge, solution=theme.best)
    invite = reverse("matching:invite", args=[suggestion.pk])
    url = theme.challenge.get_absolute_url()
    owners = client_for(theme.challenge.contact_person).get(url).content.decode()
    form = re.search(rf'action="{re.escape(invite)}"[^>]*>\s*<input[^>]*>', owners)
    assert form and 'name="csrfmiddlewaretoken" value="' in form.group(0)  # the form works
    client.logout()
    page = client.get(url).content.decode()
    assert theme.best.title in page and invite not in page
    assert invite in client_for(theme.challenge.contact_person).get(url).content.decode()
