"""The public organisation profile: what it shows, and what it never shows."""

import pytest
from django.urls import reverse

from challenges.models import ResponseStatus, Status
from organisations.models import MembershipRole, Organisation
from portal import caching
from solutions.models import Status as SolutionStatus
from tests.factories import UserFactory, member_of
from tests.organisations_public.makers import (
    accept_response,
    make_challenge,
    make_organisation,
    make_solution,
)


@pytest.fixture
def profile(db):
    organisation = make_organisation(
        name="Grøn Genbrug Amager",
        slug="groen-genbrug",
        areas=["amager-oest", "noerrebro"],
        sdgs=[12],
        is_rsv_registered=True,
        website="https://groengenbrug.example",
        purpose="Værksted, der giver møbler nyt liv.",
    )
    member_of(
        organisation,
        UserFactory(email="hemmelig.admin@example.org", first_name="Hanne", last_name="Hemmelig"),
        MembershipRole.ADMIN,
    )
    return organisation


def url(organisation):
    return reverse("organisations:detail", args=[organisation.slug])


def test_shows_purpose_rsv_legal_form_areas_goals_and_website(client, profile):
    page = client.get(url(profile)).content.decode()
    assert "Værksted, der giver møbler nyt liv." in page
    assert "Registreret socialøkonomisk virksomhed (RSV)" in page
    assert profile.get_legal_form_display() in page
    assert f'href="{reverse("areas:detail", args=["amager-oest"])}"' in page
    assert f'href="{reverse("areas:detail", args=["noerrebro"])}"' in page
    assert "12. Ansvarligt forbrug og produktion" in page
    assert 'href="https://groengenbrug.example"' in page


def test_never_shows_members_names_or_addresses(client, profile):
    page = client.get(url(profile)).content.decode()
    assert "hemmelig.admin@example.org" not in page
    assert "Hemmelig" not in page
    assert "Hanne" not in page


def test_a_member_who_chose_it_is_shown_by_name_only(client, profile):
    member = profile.memberships.get()
    client.force_login(member.user)
    response = client.post(
        reverse("organisations:public_contact", args=[profile.slug]), {"shown": "1"}
    )
    assert response.status_code == 302
    client.logout()
    page = client.get(url(profile)).content.decode()
    assert "Hanne Hemmelig" in page
    assert "hemmelig.admin@example.org" not in page


def test_a_website_that_is_not_http_is_never_a_link(client, profile):
    Organisation.objects.filter(pk=profile.pk).update(website="javascript:alert(1)")
    page = client.get(url(profile)).content.decode()
    assert "javascript:" not in page


def test_lists_published_solutions_only(client, profile):
    make_solution(profile, title="Reparationscafé for alle")
    make_solution(profile, title="Hemmeligt udkast", status=SolutionStatus.DRAFT)
    make_solution(profile, title="Gammel arkiveret løsning", status=SolutionStatus.ARCHIVED)
    page = client.get(url(profile)).content.decode()
    assert "Reparationscafé for alle" in page
    assert "Hemmeligt udkast" not in page
    assert "Gammel arkiveret løsning" not in page


def test_lists_the_public_challenges_it_helped_solve(client, profile, civil_servant_bif):
    solved = make_challenge(civil_servant_bif, title="Genbrug i kantinerne", status=Status.SOLVED)
    declined = make_challenge(civil_servant_bif, title="Afvist samarbejde")
    draft = make_challenge(civil_servant_bif, title="Kladde med accept", status=Status.DRAFT)
    accept_response(solved, profile)
    accept_response(declined, profile, status=ResponseStatus.DECLINED)
    accept_response(draft, profile)
    page = client.get(url(profile)).content.decode()
    assert "Genbrug i kantinerne" in page
    assert "Afvist samarbejde" not in page
    assert "Kladde med accept" not in page


def test_the_profile_in_english(client, profile):
    response = client.get(f"/en/organisations/{profile.slug}/")
    assert response.status_code == 200
    assert "Registered social enterprise (RSV)" in response.content.decode()


def test_query_count_does_not_grow_with_solutions_and_challenges(
    client, profile, civil_servant_bif, django_assert_num_queries
):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        caching._local_versions.clear()  # content versions are re-read once a second
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(profile)).status_code == 200
        return len(captured)

    make_solution(profile, title="Første")
    accept_response(make_challenge(civil_servant_bif, title="En"), profile)
    small = count_queries()
    for number in range(6):
        make_solution(profile, title=f"Løsning {number}")
        accept_response(make_challenge(civil_servant_bif, title=f"Udfordring {number}"), profile)
    caching._local_versions.clear()
    with django_assert_num_queries(small):
        client.get(url(profile))


def test_the_cached_profile_shows_a_change_at_once(
    client, profile, page_cache, django_capture_on_commit_callbacks
):
    from organisations import services

    assert "Hanne Hemmelig" not in client.get(url(profile)).content.decode()
    membership = profile.memberships.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_set_public_contact(
            membership=membership, actor=membership.user, shown=True
        )
    assert "Hanne Hemmelig" in client.get(url(profile)).content.decode()


def test_the_members_own_part_is_never_cached_for_others(client, profile, page_cache):
    member = profile.memberships.get().user
    client.force_login(member)
    assert "Vis mit navn som kontaktperson" in client.get(url(profile)).content.decode()
    client.logout()
    page = client.get(url(profile)).content.decode()
    assert "Vis mit navn som kontaktperson" not in page
    assert "csrfmiddlewaretoken" not in page
