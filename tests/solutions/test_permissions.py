"""Who may see and do what with a solution: every persona by every view and action by every
status, each with the one right answer; and the predicates of solutions.rules directly."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from solutions import rules, services
from solutions.models import Solution, Status
from tests.solutions.conftest import image_file, make_solution

PERSONAS = ["visitor", "member", "admin", "other_member", "civil_servant", "administrator"]
STATUSES = [Status.DRAFT, Status.PUBLISHED, Status.ARCHIVED]
NEXT_STATUS = {
    Status.DRAFT: Status.PUBLISHED,
    Status.PUBLISHED: Status.ARCHIVED,
    Status.ARCHIVED: Status.PUBLISHED,
}
OWN = {"member", "admin"}
LOGIN = 302


@pytest.fixture
def people(entrepreneur, colleague, other_member, civil_servant_bif, administrator):
    return {
        "visitor": None,
        "member": colleague,
        "admin": entrepreneur,
        "other_member": other_member,
        "civil_servant": civil_servant_bif,
        "administrator": administrator,
    }


@pytest.fixture
def solution_in(entrepreneur, organisation):
    def make(status):
        solution = make_solution(entrepreneur, status=Status.DRAFT)
        services.solution_update(
            user=entrepreneur,
            solution=solution,
            data={"image_description": "Et værksted"},
            image=image_file(),
        )
        if status != Status.DRAFT:
            services.solution_publish(user=entrepreneur, solution=solution)
        if status == Status.ARCHIVED:
            services.solution_archive(user=entrepreneur, solution=solution)
        solution.refresh_from_db()
        return solution

    return make


def _client(client, people, persona):
    if people[persona] is not None:
        client.force_login(people[persona])
    return client


def _expected_read(persona, status):
    return 200 if status == Status.PUBLISHED or persona in OWN else 404


def _expected_change(persona, status, ok):
    if persona == "visitor":
        return LOGIN
    if persona in OWN:
        return ok
    return 403 if status == Status.PUBLISHED else 404


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_solution_page(client, people, solution_in, persona, status):
    solution = solution_in(status)
    response = _client(client, people, persona).get(solution.get_absolute_url())
    assert response.status_code == _expected_read(persona, status)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_image(client, people, solution_in, persona, status):
    solution = solution_in(status)
    url = reverse("solutions:image", args=[solution.pk, "small"])
    response = _client(client, people, persona).get(url)
    assert response.status_code == _expected_read(persona, status)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_form(client, people, solution_in, persona, status):
    solution = solution_in(status)
    response = _client(client, people, persona).get(reverse("solutions:edit", args=[solution.pk]))
    assert response.status_code == _expected_change(persona, status, ok=200)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_post(client, people, solution_in, persona, status):
    solution = solution_in(status)
    url = reverse("solutions:edit", args=[solution.pk])
    data = {
        "title": "Overtaget titel",
        "summary": "x",
        "problem": "x",
        "description": "x",
        "price_model": "free",
        "image_description": "Et værksted",
        "impact-TOTAL_FORMS": "0",
        "impact-INITIAL_FORMS": "0",
    }
    response = _client(client, people, persona).post(url, data)
    assert response.status_code == _expected_change(persona, status, ok=302)
    title = Solution.objects.get(pk=solution.pk).title
    assert (title == "Overtaget titel") == (persona in OWN)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_status_change(client, people, solution_in, persona, status):
    solution = solution_in(status)
    url = reverse("solutions:transition", args=[solution.pk])
    response = _client(client, people, persona).post(url, {"to": NEXT_STATUS[status]})
    assert response.status_code == _expected_change(persona, status, ok=302)
    now = Solution.objects.get(pk=solution.pk).status
    assert now == (NEXT_STATUS[status] if persona in OWN else status)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("visitor", LOGIN),
        ("member", 200),
        ("admin", 200),
        ("other_member", 200),
        ("civil_servant", 200),
        ("administrator", 200),
    ],
)
@pytest.mark.parametrize("page", ["solutions:create", "solutions:mine"])
def test_create_and_mine_pages(client, people, persona, expected, page):
    response = _client(client, people, persona).get(reverse(page))
    assert response.status_code == expected


def test_the_list_shows_only_published_solutions_to_everyone(client, people, solution_in):
    shown = {status: solution_in(status) for status in STATUSES}
    for persona in PERSONAS:
        client.logout()
        titles = {
            s.pk
            for s in _client(client, people, persona)
            .get(reverse("solutions:list"))
            .context["page_obj"]
            .object_list
        }
        assert titles == {shown[Status.PUBLISHED].pk}, persona


def test_a_non_member_cannot_create_for_an_organisation(
    client, civil_servant_bif, organisation, other_member, other_organisation
):
    """The organisation field offers only the user's own organisations; a forged choice is
    refused by the form, and the service refuses too."""
    client.force_login(other_member)
    response = client.post(
        reverse("solutions:create"),
        {"organisation": organisation.pk, "title": "x", "impact-TOTAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert Solution.objects.count() == 0
    with pytest.raises(PermissionDenied):
        services.solution_create(user=other_member, organisation=organisation, data={})


@pytest.mark.parametrize("persona", PERSONAS)
def test_predicates(people, solution_in, persona):
    user = people[persona]
    draft = solution_in(Status.DRAFT)
    published = solution_in(Status.PUBLISHED)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    own = persona in OWN
    assert rules.can_manage(user, draft) is own
    assert rules.can_view(user, draft) is own
    assert rules.can_view(user, published) is True
    assert rules.can_change_status(user, published, Status.ARCHIVED) is own
    assert rules.can_change_status(user, published, Status.DRAFT) is False
    assert rules.can_create(user) is (persona in OWN | {"other_member"})
    assert set(rules.managed_by(user)) == ({draft, published} if own else set())
