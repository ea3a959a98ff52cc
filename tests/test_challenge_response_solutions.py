"""A response points at one of the organisation's published solutions: the form offers
them, the service and the form refuse anyone else's or an unpublished one (forged ids
included) with a message at the field, the response page links the solution for both
sides, and an invitation opens the form with its organisation and solution chosen.

Pages are read in English (the source strings)."""

import html5lib
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from challenges import rules, services
from challenges.forms import ResponseEditForm, ResponseForm
from challenges.models import Response, ResponseEvent, ResponseStatus
from matching.models import Invitation
from organisations.models import MembershipRole
from portal.models import OutgoingEmail
from solutions.models import Status as SolutionStatus
from tests.challenge_helpers import make_challenge, submit
from tests.factories import OrganisationFactory, UserFactory, member_of
from tests.helpers import query_counts
from tests.solutions.conftest import make_solution

pytestmark = pytest.mark.django_db


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def challenge(civil_servant_bif):
    return make_challenge(civil_servant_bif)


@pytest.fixture
def own(entrepreneur, organisation):
    """The organisation's solutions: published, draft and archived."""
    return {
        "published": make_solution(entrepreneur, organisation, title="Kantine med jobtræning"),
        "draft": make_solution(
            entrepreneur, organisation, title="Kladde om catering", status=SolutionStatus.DRAFT
        ),
        "archived": make_solution(
            entrepreneur, organisation, title="Gammel café", status=SolutionStatus.ARCHIVED
        ),
    }


@pytest.fixture
def second_organisation(entrepreneur):
    """Another organisation of the entrepreneur's, named so that it sorts first, where the
    entrepreneur is only a member."""
    organisation = OrganisationFactory(name="Bageriet Brød ApS", slug="bageriet-broed")
    member_of(organisation, entrepreneur, MembershipRole.MEMBER)
    entrepreneur._solutions_organisation_ids = None
    return organisation


@pytest.fixture
def stranger_solution(db):
    other = OrganisationFactory(name="Fremmed Værksted ApS", slug="fremmed")
    author = member_of(other, UserFactory(email="fremmed@example.org"))
    return make_solution(author, other, title="Fremmed cykelværksted")


def _post(client, challenge, **data):
    body = {"message": "Vi kan drive kantinen.", "offer": "", **data}
    return client.post(en("challenges:respond", challenge.pk), body)


# The predicate and the service.


def test_may_point_at_only_a_published_solution_of_the_responding_organisation(
    organisation, own, stranger_solution
):
    assert rules.may_point_at(organisation, own["published"])
    assert not rules.may_point_at(organisation, own["draft"])
    assert not rules.may_point_at(organisation, own["archived"])
    assert not rules.may_point_at(organisation, stranger_solution)
    offered = set(rules.solutions_to_point_at([organisation]))
    assert offered == {own["published"]}


def test_the_service_stores_the_solution(entrepreneur, organisation, challenge, own):
    response = submit(entrepreneur, challenge, organisation, solution=own["published"])
    assert Response.objects.get(pk=response.pk).solution == own["published"]


@pytest.mark.parametrize("which", ["draft", "archived", "stranger"])
def test_the_service_refuses_any_other_solution_at_the_field(
    entrepreneur, organisation, challenge, own, stranger_solution, which
):
    solution = stranger_solution if which == "stranger" else own[which]
    with pytest.raises(ValidationError) as error:
        submit(entrepreneur, challenge, organisation, solution=solution)
    assert "solution" in error.value.message_dict
    assert not Response.objects.exists()


def test_the_service_refuses_a_solution_archived_after_the_form_was_filled(
    entrepreneur, organisation, challenge, own
):
    solution = own["published"]
    from solutions import services as solution_services

    solution_services.solution_archive(user=entrepreneur, solution=solution)
    with pytest.raises(ValidationError):
        submit(entrepreneur, challenge, organisation, solution=solution)


# The form over HTTP.


def test_the_form_offers_only_the_organisations_published_solutions(
    client_for, entrepreneur, challenge, own, stranger_solution
):
    page = client_for(entrepreneur).get(en("challenges:respond", challenge.pk)).content.decode()
    assert "The solution you offer" in page
    assert "Kantine med jobtræning" in page
    for title in ("Kladde om catering", "Gammel café", "Fremmed cykelværksted"):
        assert title not in page
    assert "<optgroup" not in page  # one organisation: a plain list


def test_submitting_with_a_solution_links_it_for_both_sides(
    client, entrepreneur, challenge, own, civil_servant_bif
):
    solution = own["published"]
    client.force_login(entrepreneur)
    page = _post(client, challenge, solution=str(solution.pk))
    assert page.status_code == 302
    response = Response.objects.get()
    assert response.solution == solution
    link = f'href="{en("solutions:detail", solution.pk)}"'
    assert link in client.get(en("challenges:response", response.pk)).content.decode()
    client.force_login(civil_servant_bif)
    owner_page = client.get(en("challenges:response", response.pk)).content.decode()
    assert link in owner_page and "Kantine med jobtræning" in owner_page
    # The contact person's e-mail names and links the solution.
    email = OutgoingEmail.objects.get(to=[civil_servant_bif.email])
    assert "Kantine med jobtræning" in email.body_text
    with translation.override(civil_servant_bif.language):  # the e-mail's language
        path = reverse("solutions:detail", args=[solution.pk])
    assert f"http://testserver{path}" in email.body_text
    assert f'href="http://testserver{path}"' in email.body_html


def test_a_response_without_a_solution_still_works(client, entrepreneur, challenge, own):
    client.force_login(entrepreneur)
    assert _post(client, challenge, solution="", offer="Kantinedrift").status_code == 302
    response = Response.objects.get()
    assert response.solution is None and response.offer == "Kantinedrift"
    assert "Solution</dt>" not in client.get(response.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "forged",
    ["draft", "archived", "stranger", "999999", "99999999999999999999", "abc", "-1", "1.5"],
)
def test_a_forged_solution_is_a_message_at_the_field_and_the_text_is_kept(
    client, entrepreneur, challenge, own, stranger_solution, forged
):
    value = {
        "draft": own["draft"].pk,
        "archived": own["archived"].pk,
        "stranger": stranger_solution.pk,
    }.get(forged, forged)
    client.force_login(entrepreneur)
    page = _post(client, challenge, solution=str(value), message="Min tekst bevares")
    assert page.status_code == 200
    content = page.content.decode()
    assert "Choose one of your organisation&#x27;s published solutions, or none." in content
    assert "Min tekst bevares" in content
    assert not Response.objects.exists()


def test_with_several_organisations_a_solution_of_the_other_one_is_refused(
    client, entrepreneur, organisation, second_organisation, challenge, own
):
    theirs = make_solution(entrepreneur, second_organisation, title="Køkkenskole")
    client.force_login(entrepreneur)
    page = client.get(en("challenges:respond", challenge.pk)).content.decode()
    # Without JavaScript every organisation's solutions are offered, grouped by name.
    assert '<optgroup label="Bageriet Brød ApS">' in page
    assert '<optgroup label="Kaffe og Kompetencer ApS">' in page
    assert "js/response_form.js" in page
    page = _post(
        client,
        challenge,
        organisation=str(organisation.pk),
        solution=str(theirs.pk),
        message="Teksten bliver",
    )
    assert page.status_code == 200
    content = page.content.decode()
    assert "Choose one of the published solutions of Kaffe og Kompetencer ApS, or none." in content
    assert "Teksten bliver" in content
    assert not Response.objects.exists()
    # The same solution for its own organisation is fine.
    page = _post(client, challenge, organisation=str(second_organisation.pk), solution=theirs.pk)
    assert page.status_code == 302
    assert Response.objects.get().solution == theirs


def test_without_published_solutions_the_form_says_how_to_get_one(
    client_for, entrepreneur, challenge
):
    page = client_for(entrepreneur).get(en("challenges:respond", challenge.pk)).content.decode()
    assert "The solution you offer" not in page
    assert f'href="{en("solutions:create")}"' in page


def test_a_posted_solution_is_ignored_when_the_organisation_has_none(
    client, entrepreneur, challenge, stranger_solution
):
    client.force_login(entrepreneur)
    assert _post(client, challenge, solution=str(stranger_solution.pk)).status_code == 302
    assert Response.objects.get().solution is None


# Which organisation and solution the form proposes.


def test_the_form_proposes_an_organisation_the_user_administers(
    entrepreneur, organisation, second_organisation, challenge
):
    organisations = rules.organisations_that_may_respond(entrepreneur, challenge)
    assert organisations.first() == second_organisation  # first by name, only a member
    form = ResponseForm(organisations=organisations, user=entrepreneur)
    assert form["organisation"].value() == organisation.pk


def test_the_page_preselects_the_administered_organisation(
    client_for, entrepreneur, organisation, second_organisation, challenge
):
    page = client_for(entrepreneur).get(en("challenges:respond", challenge.pk)).content.decode()
    assert f'<option value="{organisation.pk}" selected>' in page
    assert f'<option value="{second_organisation.pk}" selected>' not in page


def test_an_invitation_link_opens_the_form_with_its_organisation_and_solution(
    client_for, entrepreneur, organisation, second_organisation, challenge, civil_servant_bif
):
    theirs = make_solution(entrepreneur, second_organisation, title="Køkkenskole")
    invitation = Invitation.objects.create(
        challenge=challenge,
        organisation=second_organisation,
        solution=theirs,
        invited_by=civil_servant_bif,
    )
    url = invitation.get_respond_url()
    assert url.startswith(reverse("challenges:respond", args=[challenge.pk]) + "?")
    page = client_for(entrepreneur).get(url).content.decode()
    assert f'<option value="{second_organisation.pk}" selected>' in page
    assert f'<option value="{theirs.pk}" selected>' in page


@pytest.mark.parametrize(
    "query",
    [
        "solution={stranger}",
        "organisation={stranger_org}&solution={stranger}",
        "organisation={own_org}&solution={stranger}",
        "solution={draft}",
        "organisation=abc&solution=%20",
        "organisation=99999999999999999999&solution=-4",
    ],
)
def test_proposals_the_user_may_not_choose_are_ignored(
    client_for, entrepreneur, organisation, challenge, own, stranger_solution, query
):
    query = query.format(
        stranger=stranger_solution.pk,
        stranger_org=stranger_solution.organisation_id,
        own_org=organisation.pk,
        draft=own["draft"].pk,
    )
    page = client_for(entrepreneur).get(f"{en('challenges:respond', challenge.pk)}?{query}")
    assert page.status_code == 200
    content = page.content.decode()
    assert f'value="{stranger_solution.pk}"' not in content
    assert f'value="{own["draft"].pk}"' not in content
    assert '<option value="" selected>' in content  # no solution chosen


def test_a_solution_of_another_organisation_than_proposed_is_not_chosen(
    entrepreneur, organisation, second_organisation, challenge, own
):
    organisations = rules.organisations_that_may_respond(entrepreneur, challenge)
    form = ResponseForm(
        organisations=organisations,
        user=entrepreneur,
        proposed={
            "organisation": str(second_organisation.pk),
            "solution": str(own["published"].pk),
        },
    )
    # The solution belongs to the other organisation: only the organisation is taken.
    assert form["organisation"].value() == second_organisation.pk
    assert form["solution"].value() is None


# Editing.


def test_editing_changes_the_solution_and_records_it(
    client, entrepreneur, organisation, challenge, own
):
    response = submit(entrepreneur, challenge, organisation)
    other = make_solution(entrepreneur, organisation, title="Mødecatering")
    client.force_login(entrepreneur)
    page = client.post(
        en("challenges:response_edit", response.pk),
        {"message": response.message, "offer": response.offer, "solution": str(other.pk)},
    )
    assert page.status_code == 302
    response.refresh_from_db()
    assert response.solution == other
    event = ResponseEvent.objects.filter(response=response, kind="edited").get()
    assert event.changed_fields == ["solution"]
    assert "Mødecatering" in OutgoingEmail.objects.latest("pk").body_text


def test_editing_refuses_a_forged_solution(
    client, entrepreneur, organisation, challenge, own, stranger_solution
):
    response = submit(entrepreneur, challenge, organisation)
    client.force_login(entrepreneur)
    for forged in (stranger_solution.pk, own["draft"].pk, "x"):
        page = client.post(
            en("challenges:response_edit", response.pk),
            {"message": "Ny tekst", "offer": "", "solution": str(forged)},
        )
        assert page.status_code == 200
        assert "Ny tekst" in page.content.decode()
    response.refresh_from_db()
    assert response.solution is None and response.message != "Ny tekst"
    with pytest.raises(ValidationError):
        services.response_update(
            user=entrepreneur, response=response, data={"solution": stranger_solution}
        )


def test_an_archived_solution_is_kept_on_edit_and_shown_without_a_link_to_the_owners(
    client, entrepreneur, organisation, challenge, own, civil_servant_bif
):
    from solutions import services as solution_services

    solution = own["published"]
    response = submit(entrepreneur, challenge, organisation, solution=solution)
    solution_services.solution_archive(user=entrepreneur, solution=solution)
    client.force_login(entrepreneur)
    form = ResponseEditForm(instance=rules.get_response_of_organisation(entrepreneur, response.pk))
    assert form["solution"].value() == solution.pk
    page = client.post(
        en("challenges:response_edit", response.pk),
        {"message": "Rettet tekst", "offer": "", "solution": str(solution.pk)},
    )
    assert page.status_code == 302
    response.refresh_from_db()
    assert response.solution == solution and response.message == "Rettet tekst"
    link = f'href="{en("solutions:detail", solution.pk)}"'
    assert link in client.get(response.get_absolute_url()).content.decode()  # a member
    client.force_login(civil_servant_bif)
    owner_page = client.get(en("challenges:response", response.pk)).content.decode()
    assert "Kantine med jobtræning (no longer published)" in owner_page
    assert link not in owner_page


def test_editing_is_closed_once_shortlisted_whatever_the_solution(
    client, entrepreneur, organisation, challenge, own, civil_servant_bif
):
    response = submit(entrepreneur, challenge, organisation)
    services.response_change_status(
        user=civil_servant_bif, response=response, to_status=ResponseStatus.SHORTLISTED
    )
    client.force_login(entrepreneur)
    client.post(
        en("challenges:response_edit", response.pk),
        {"message": "x", "offer": "", "solution": str(own["published"].pk)},
    )
    response.refresh_from_db()
    assert response.solution is None


# Pages: valid HTML and a fixed number of queries.


def test_the_changed_pages_are_valid_html(
    client, entrepreneur, organisation, second_organisation, challenge, own
):
    client.force_login(entrepreneur)
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(client.get(en("challenges:respond", challenge.pk)).content)
    response = submit(entrepreneur, challenge, organisation, solution=own["published"])
    parser.parse(client.get(en("challenges:response", response.pk)).content)
    parser.parse(client.get(en("challenges:response_edit", response.pk)).content)


def test_the_response_form_queries_are_equal_at_two_sizes(
    client, entrepreneur, organisation, second_organisation, challenge
):
    client.force_login(entrepreneur)
    made = []

    def grow(n):
        for _ in range(n):
            target = organisation if len(made) % 2 else second_organisation
            made.append(make_solution(entrepreneur, target, title=f"Løsning {len(made)}"))

    counts = query_counts(client, en("challenges:respond", challenge.pk), grow, sizes=(1, 6))
    assert counts[0] == counts[1]
