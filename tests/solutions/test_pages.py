"""The solution pages over HTTP: overview, page, form with impact statements, status."""

from decimal import Decimal

import pytest
from django.urls import reverse

from solutions.models import Solution, SolutionEvent, Status
from tests.solutions.conftest import image_file, make_solution


def _form_data(**overrides):
    data = {
        "organisation": "",
        "title": "Lektiecafé for ordblinde",
        "summary": "Frivillige studerende hjælper ordblinde elever med lektierne.",
        "problem": "Ordblinde elever falder fra i udskolingen.",
        "description": "Caféen har åbent to eftermiddage om ugen på biblioteket.",
        "target_groups": ["children"],
        "districts": [],
        "sdgs": [],
        "collaborations": ["co_creation", "pilot"],
        "price_model": "free",
        "price_text": "",
        "image_description": "",
        "impact-TOTAL_FORMS": "2",
        "impact-INITIAL_FORMS": "0",
        "impact-MIN_NUM_FORMS": "0",
        "impact-MAX_NUM_FORMS": "10",
        "impact-0-outcome": "elever fik hjælp",
        "impact-0-figure": "120",
        "impact-0-unit": "elever",
        "impact-0-period": "2024",
        "impact-0-source_kind": "own_measurement",
        "impact-0-source_text": "",
        "impact-1-outcome": "forbedrede deres karakter i dansk",
        "impact-1-figure": "62,5",
        "impact-1-unit": "procent",
        "impact-1-period": "2023–2024",
        "impact-1-source_kind": "evaluation",
        "impact-1-source_text": "Skolens evaluering",
    }
    data.update(overrides)
    return data


def test_a_member_writes_a_solution_with_two_impact_statements(client, entrepreneur, organisation):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("solutions:create"), _form_data(organisation=str(organisation.pk))
    )
    solution = Solution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == solution.get_absolute_url()
    assert solution.status == Status.DRAFT
    statements = list(solution.impact_statements.all())
    assert [(s.figure, s.unit) for s in statements] == [
        (Decimal("120"), "elever"),
        (Decimal("62.5"), "procent"),
    ]
    assert solution.collaborations == ["co_creation", "pilot"]
    page = client.get(solution.get_absolute_url())
    assert "62,5 procent" in page.content.decode()


def test_adding_a_statement_without_javascript_keeps_the_input(client, entrepreneur, organisation):
    client.force_login(entrepreneur)
    data = _form_data(organisation=str(organisation.pk), add_impact="1")
    response = client.post(reverse("solutions:create"), data)
    assert response.status_code == 200
    assert Solution.objects.count() == 0
    content = response.content.decode()
    assert 'name="impact-2-outcome"' in content
    assert "Lektiecafé for ordblinde" in content
    assert "forbedrede deres karakter i dansk" in content


def test_removing_a_statement(client, entrepreneur):
    solution = make_solution(entrepreneur, status=Status.DRAFT)
    client.force_login(entrepreneur)
    data = _form_data(**{"impact-INITIAL_FORMS": "0", "impact-1-DELETE": "on"})
    response = client.post(reverse("solutions:edit", args=[solution.pk]), data)
    assert response.status_code == 302
    assert [s.unit for s in solution.impact_statements.all()] == ["elever"]
    event = solution.events.filter(kind=SolutionEvent.Kind.EDITED).get()
    assert "impact_statements" in event.changed_fields


def test_publish_and_archive_write_history(client, entrepreneur):
    solution = make_solution(entrepreneur, status=Status.DRAFT)
    client.force_login(entrepreneur)
    url = reverse("solutions:transition", args=[solution.pk])
    assert client.post(url, {"to": "published"}).status_code == 302
    client.post(url, {"to": "published"})  # a double submit changes nothing more
    assert client.post(url, {"to": "archived"}).status_code == 302
    solution.refresh_from_db()
    assert solution.status == Status.ARCHIVED
    statuses = list(
        solution.events.filter(kind="status")
        .order_by("created_at", "pk")
        .values_list("from_status", "to_status")
    )
    assert statuses == [("draft", "published"), ("published", "archived")]


def test_publishing_needs_an_impact_statement(client, entrepreneur):
    solution = make_solution(entrepreneur, status=Status.DRAFT, impact=())
    client.force_login(entrepreneur)
    response = client.post(
        reverse("solutions:transition", args=[solution.pk]), {"to": "published"}, follow=True
    )
    solution.refresh_from_db()
    assert solution.status == Status.DRAFT
    assert "mindst ét" in response.content.decode()


def test_overview_filters_and_feed(client, entrepreneur, other_member, other_organisation):
    other_organisation.is_rsv_registered = True
    other_organisation.save()
    make_solution(entrepreneur, title="Cykelværksted for unge")
    make_solution(
        other_member,
        title="Genbrugsbutik med ledige",
        collaborations=["reserved_contract"],
        price_model="fixed",
        target_groups=["unemployed"],
    )
    make_solution(entrepreneur, title="Kladde om taghaver", status=Status.DRAFT)

    def titles(params):
        response = client.get(reverse("solutions:list"), params)
        assert response.status_code == 200
        return [s.title for s in response.context["page_obj"].object_list]

    assert set(titles({})) == {"Cykelværksted for unge", "Genbrugsbutik med ledige"}
    assert titles({"rsv": "yes"}) == ["Genbrugsbutik med ledige"]
    assert titles({"rsv": "no"}) == ["Cykelværksted for unge"]
    assert titles({"price": "fixed"}) == ["Genbrugsbutik med ledige"]
    assert titles({"collaboration": "employment"}) == ["Cykelværksted for unge"]
    assert titles({"target_group": "unemployed"}) == ["Genbrugsbutik med ledige"]
    assert titles({"district": "noerrebro"}) == [
        "Genbrugsbutik med ledige",
        "Cykelværksted for unge",
    ]
    assert titles({"sort": "title"}) == ["Cykelværksted for unge", "Genbrugsbutik med ledige"]
    assert titles({"price": "nonsense"}) == titles({})
    feed = client.get(reverse("solutions:feed"), {"rsv": "yes"})
    body = feed.content.decode()
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Genbrugsbutik med ledige" in body
    assert "Cykelværksted" not in body
    assert '<summary type="text">' in body
    assert "Kladde" not in body


def test_more_than_the_cap_says_so(client, entrepreneur, monkeypatch):
    from solutions.overview import SolutionOverview

    monkeypatch.setattr(SolutionOverview, "max_results", 2)
    for n in range(3):
        make_solution(entrepreneur, title=f"Løsning {n}")
    content = client.get(reverse("solutions:list")).content.decode()
    assert "Mere end 2 løsninger" in content


def test_the_solution_page_shows_organisation_impact_areas_and_goals(client, entrepreneur):
    from portal.models import SustainableDevelopmentGoal

    goal = SustainableDevelopmentGoal.objects.get(number=8)
    solution = make_solution(entrepreneur, sdgs=[goal])
    content = client.get(solution.get_absolute_url()).content.decode()
    assert "Kaffe og Kompetencer ApS" in content
    assert "Det har vi opnået" in content
    assert "42 personer" in content
    assert "Nørrebro" in content
    assert f"?sdg={goal.number}" in content


def test_the_image_is_resized_and_served_only_where_the_solution_is_visible(
    client, entrepreneur, organisation
):
    client.force_login(entrepreneur)
    data = _form_data(organisation=str(organisation.pk), image_description="Et cykelværksted")
    data["image_upload"] = image_file(3000, 2000)
    response = client.post(reverse("solutions:create"), data)
    assert response.status_code == 302
    solution = Solution.objects.get()
    assert (solution.image_width, solution.image_height) == (1200, 800)
    large = client.get(reverse("solutions:image", args=[solution.pk, "large"]))
    assert large.status_code == 200
    assert large["Content-Type"] == "image/webp"
    client.logout()
    assert client.get(reverse("solutions:image", args=[solution.pk, "large"])).status_code == 404


@pytest.mark.parametrize("language", ["da", "en"])
def test_list_page_in_both_languages(client, entrepreneur, language):
    make_solution(entrepreneur)
    url = reverse("solutions:list") if language == "da" else "/en/solutions/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Cykelværksted for unge" in response.content.decode()


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_solution_page_is_valid_html(client, entrepreneur, language):
    import html5lib
    from django.utils import translation

    solution = make_solution(entrepreneur)
    client.force_login(entrepreneur)
    with translation.override(language):
        urls = [
            reverse("solutions:list"),
            reverse("solutions:list") + "?q=cykel&sort=relevance&rsv=no",
            solution.get_absolute_url(),
            reverse("solutions:create"),
            reverse("solutions:edit", args=[solution.pk]),
            reverse("solutions:mine"),
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        assert parser.parse(response.content).get("lang") == language, url


def test_the_public_solution_page_is_cached_and_never_behind_a_change(
    client, entrepreneur, page_cache, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal import caching
    from solutions import services

    with django_capture_on_commit_callbacks(execute=True):
        solution = make_solution(entrepreneur)
    client.get(solution.get_absolute_url())
    with CaptureQueriesContext(connection) as warm:
        client.get(solution.get_absolute_url())
    # A copy exists only of a public solution: a visitor's page, suggestions and all, comes
    # from the cache without a query.
    assert len(warm.captured_queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.solution_update(
            user=entrepreneur, solution=solution, data={"summary": "Et helt nyt resumé."}
        )
    caching._local_versions.clear()  # as after the one-second trust of another process
    assert "Et helt nyt resumé." in client.get(solution.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.solution_archive(user=entrepreneur, solution=solution)
    assert client.get(solution.get_absolute_url()).status_code == 404


def test_the_cached_solution_page_follows_its_organisation_and_keeps_drafts_to_members(
    client, entrepreneur, organisation, page_cache, django_capture_on_commit_callbacks
):
    from organisations import services as organisation_services

    solution = make_solution(entrepreneur)
    draft = make_solution(entrepreneur, title="Hemmelig kladde", status=Status.DRAFT)
    edit = reverse("solutions:edit", args=[solution.pk])
    assert organisation.name in client.get(solution.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        organisation_services.organisation_update(
            actor=entrepreneur, organisation=organisation, data={"name": "Cykler og Co ApS"}
        )
    assert "Cykler og Co ApS" in client.get(solution.get_absolute_url()).content.decode()
    client.force_login(entrepreneur)
    assert "Hemmelig kladde" in client.get(draft.get_absolute_url()).content.decode()
    assert edit in client.get(solution.get_absolute_url()).content.decode()
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert edit not in client.get(solution.get_absolute_url()).content.decode()
