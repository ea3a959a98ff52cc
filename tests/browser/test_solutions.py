"""The solution journey in a real browser: an entrepreneur writes a solution with two
impact statements (the second added without JavaScript's help), publishes it, finds it
in the overview by part of a compound, and answers a challenge pointing at it; axe on
every solution page and the response pages in Danish and English and at 390 px wide."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from challenges.models import Response
from solutions.models import Solution, Status
from tests.browser.conftest import assert_accessible
from tests.challenge_helpers import make_challenge
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    UserFactory,
    civil_servant,
    member_of,
    with_totp,
)


def _log_in(page, email):
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state()


def _fill_statement(page, n, outcome, figure, unit, period, source):
    page.locator(f"#id_impact-{n}-outcome").fill(outcome)
    page.locator(f"#id_impact-{n}-figure").fill(figure)
    page.locator(f"#id_impact-{n}-unit").fill(unit)
    page.locator(f"#id_impact-{n}-period").fill(period)
    page.locator(f"#id_impact-{n}-source_kind").select_option(source)


@pytest.fixture
def entrepreneur(reference_data):
    organisation = OrganisationFactory(name="Cykelværkstedet Sydhavn ApS", slug="cykel-sydhavn")
    return member_of(organisation, UserFactory(email="anna@example.org"))


def test_an_entrepreneur_writes_publishes_and_finds_a_solution(page, entrepreneur):
    _log_in(page, entrepreneur.email)
    page.goto(reverse("solutions:create"))
    assert_accessible(page)
    page.locator("#id_title").fill("Cykelværksteder for unge uden uddannelse")
    page.locator("#id_summary").fill("Unge reparerer kommunens cykler og lærer et håndværk.")
    page.locator("#id_problem").fill("Mange unge i Sydhavnen står uden job og uddannelse.")
    page.locator("#id_description").fill("Faglærte mekanikere er mestre for de unge.")
    page.get_by_role("checkbox", name="Unge").check()
    page.get_by_role("checkbox", name="Nørrebro").check()
    page.get_by_role("checkbox", name="Beskæftigelsespartnerskab").check()
    page.get_by_role("radio", name="Abonnement").check()
    _fill_statement(page, 0, "unge i fritidsjob", "46", "unge", "2024", "own_measurement")
    page.get_by_role("button", name="Tilføj endnu et resultat").click()
    page.wait_for_load_state()
    assert page.locator("#id_title").input_value().startswith("Cykelværksteder")
    _fill_statement(
        page, 1, "startede på en uddannelse", "19,5", "procent", "2022–2024", "evaluation"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Gem").click()
    page.wait_for_url(re.compile(r"/loesninger/\d+/$"))
    assert_accessible(page)
    assert "19,5 procent" in page.content()
    page.get_by_role("button", name="Offentliggør").click()
    page.wait_for_load_state()
    solution = Solution.objects.get()
    assert solution.status == Status.PUBLISHED
    assert solution.impact_statements.count() == 2

    # A visitor finds it by the last part of the compound.
    page.context.clear_cookies()
    page.goto(reverse("solutions:list"))
    page.locator("#id_q").fill("værksted")
    page.locator("form.overview-filters button[type=submit]").click()
    page.wait_for_load_state()
    result = page.get_by_role("link", name=re.compile("Cykelværksteder for unge"))
    assert result.count() == 1
    assert page.locator("mark").first.inner_text() == "Cykelværksteder"
    assert_accessible(page)
    result.click()
    page.wait_for_url(re.compile(rf"/loesninger/{solution.pk}/$"))
    assert "Det har vi opnået" in page.content()

    # The page links on to its area and its organisation, which show it too.
    page.get_by_role("link", name="Nørrebro").first.click()
    page.wait_for_url(re.compile(r"/bydele/noerrebro/$"))
    assert page.get_by_role("link", name=re.compile("Cykelværksteder for unge")).count() == 1
    page.go_back()
    page.get_by_role("link", name="Cykelværkstedet Sydhavn ApS").first.click()
    page.wait_for_url(re.compile(r"/organisationer/cykel-sydhavn/$"))
    assert page.get_by_role("link", name=re.compile("Cykelværksteder for unge")).count() == 1

    # The entrepreneur answers a challenge, pointing at the new solution.
    owner = with_totp(civil_servant("BIF", email="mads@example.org"))
    challenge = make_challenge(owner, title="Unge i job på kommunens værksteder")
    _log_in(page, entrepreneur.email)
    page.goto(reverse("challenges:respond", args=[challenge.pk]))
    page.locator("#id_solution").select_option(label="Cykelværksteder for unge uden uddannelse")
    page.locator("#id_message").fill("Vi kan tage ti unge ind i værkstedet fra marts.")
    assert_accessible(page)
    page.get_by_role("button", name="Send svaret").click()
    page.wait_for_url(re.compile(r"/udfordringer/svar/\d+/$"))
    response = Response.objects.get(challenge=challenge)
    assert response.solution == solution
    assert_accessible(page)
    page.locator("main").get_by_role(
        "link", name="Cykelværksteder for unge uden uddannelse"
    ).click()
    page.wait_for_url(re.compile(rf"/loesninger/{solution.pk}/$"))


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_response_pages_with_solutions_are_accessible(page, entrepreneur, language, width):
    """The response form offering two organisations' solutions (grouped, narrowed by
    JavaScript), with an error at the solution, and the response page linking it."""
    from tests.solutions.conftest import make_solution

    page.set_viewport_size({"width": width, "height": 900})
    first = entrepreneur.organisation_memberships.get().organisation
    second = OrganisationFactory(name="Bageriet Brød ApS", slug="bageriet")
    member_of(second, entrepreneur)
    entrepreneur._solutions_organisation_ids = None
    ours = make_solution(entrepreneur, first, title="Cykelværksted for unge")
    theirs = make_solution(entrepreneur, second, title="Bageri med jobtræning")
    owner = with_totp(civil_servant("BIF", email="mads@example.org"))
    challenge = make_challenge(owner, title="Unge i job")
    answered = make_challenge(owner, title="Flere unge i job")
    from challenges import services

    response = services.response_submit(
        user=entrepreneur,
        challenge=answered,
        organisation=first,
        message="Vi kan hjælpe.",
        solution=ours,
    )
    _log_in(page, entrepreneur.email)
    with translation.override(language):
        respond_url = reverse("challenges:respond", args=[challenge.pk])
        response_url = reverse("challenges:response", args=[response.pk])
    page.goto(respond_url)
    # JavaScript narrows the list to the chosen organisation's solutions.
    page.locator("#id_organisation").select_option(label="Cykelværkstedet Sydhavn ApS")
    assert page.locator(f'#id_solution option[value="{theirs.pk}"]').is_disabled()
    assert not page.locator(f'#id_solution option[value="{ours.pk}"]').is_disabled()
    assert_accessible(page)
    # Without its help (the other organisation's solution forced in): a message at the field.
    page.evaluate(
        "id => { const s = document.getElementById('id_solution');"
        " s.querySelectorAll('optgroup').forEach(g => { g.disabled = false; });"
        " s.value = String(id); }",
        theirs.pk,
    )
    page.locator("#id_message").fill("Teksten bliver stående.")
    page.locator("main form button.button-primary[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_solution").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_message").input_value() == "Teksten bliver stående."
    assert_accessible(page)
    page.goto(response_url)
    assert page.locator("main").get_by_role("link", name="Cykelværksted for unge").count() == 1
    assert_accessible(page)
    if width == 390:
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("language", ["da", "en"])
def test_every_solution_page_is_accessible(page, entrepreneur, language, width):
    from tests.solutions.conftest import make_solution

    page.set_viewport_size({"width": width, "height": 900})
    solution = make_solution(entrepreneur, title="Cykelværksted for unge")
    draft = make_solution(entrepreneur, title="Kladde om taghaver", status=Status.DRAFT)
    _log_in(page, entrepreneur.email)
    with translation.override(language):
        urls = _page_urls(solution, draft)
        create_url = reverse("solutions:create")
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
        if width == 390:
            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not overflow, url
    # The form with errors, too.
    page.goto(create_url)
    page.locator("#id_impact-0-figure").fill("tolv")
    page.locator("main form button.button-primary[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)


def _page_urls(solution, draft):
    return [
        reverse("solutions:list"),
        reverse("solutions:list") + "?q=cykel&district=noerrebro",
        reverse("solutions:list") + "?q=ingenting-her",
        solution.get_absolute_url(),
        draft.get_absolute_url(),
        reverse("solutions:create"),
        reverse("solutions:edit", args=[solution.pk]),
        reverse("solutions:mine"),
    ]
