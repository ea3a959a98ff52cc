"""Matchmaking in a real browser, with axe in Danish and English: an entrepreneur's
published solution appears as a suggestion with its reasons on a matching challenge; the
owner invites the organisation; the entrepreneur finds the invitation on the work overview
and answers with the suggested solution preselected."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from challenges.models import Response
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal
from tests.browser.conftest import assert_accessible
from tests.factories import (
    ChallengeFactory,
    OrganisationFactory,
    UserFactory,
    civil_servant,
    member_of,
    with_totp,
)
from tests.solutions.conftest import make_solution


def _session(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def people(reference_data):
    owner = with_totp(civil_servant("SUF", email="mads@example.org"))
    organisation = OrganisationFactory(name="Fællesbordet ApS", slug="faellesbordet")
    member = member_of(organisation, UserFactory(email="anna@example.org"))
    return owner, organisation, member


def test_a_suggestion_leads_to_an_invitation_and_the_response_form(browser, live_server, people):
    owner, organisation, member = people
    area = LocalCommitteeArea.objects.get(slug="noerrebro")
    goal = SustainableDevelopmentGoal.objects.get(number=3)
    challenge = ChallengeFactory(
        title="Ensomme ældre på Nørrebro",
        summary="Vi søger fællesspisning mod ensomhed blandt ældre.",
        description="Mange ældre spiser alene. Vi vil samle dem om fællesspisning.",
        owner=owner.administration_memberships.first().administration,
        contact_person=owner,
        districts=[area],
        sdgs=[goal],
        target_groups=["elderly"],
    )
    solution = make_solution(
        member,
        organisation,
        title="Fællesspisning for ældre",
        summary="Ugentlig fællesspisning, der bryder ensomhed.",
        districts=[area],
        sdgs=[goal],
        target_groups=["elderly"],
    )  # published: the refresh runs on commit (the immediate task backend)

    city = _session(browser, live_server, owner)
    city.goto(challenge.get_absolute_url())
    section = city.locator("section.suggestions")
    text = section.inner_text()
    assert solution.title in text
    assert "Fælles verdensmål: 3" in text and "Samme område: Nørrebro" in text
    assert "Samme målgruppe: ældre" in text
    assert_accessible(city)
    city.get_by_role("button", name=f"Invitér {organisation.name} til at svare").click()
    city.wait_for_load_state()
    assert "er inviteret til at svare" in city.locator("main").inner_text()
    assert_accessible(city)

    firm = _session(browser, live_server, member)
    firm.goto(reverse("matching:overview"))
    assert challenge.title in firm.locator("main").inner_text()
    assert_accessible(firm)
    firm.get_by_role("link", name="Svar", exact=True).click()
    firm.wait_for_load_state()
    assert reverse("challenges:respond", args=[challenge.pk]) + "?" in firm.url
    # The form opens with the suggested solution chosen; the entrepreneur answers with it.
    assert firm.locator("#id_solution").input_value() == str(solution.pk)
    assert_accessible(firm)
    firm.locator("#id_message").fill("Vi kan starte fællesspisningen i april.")
    firm.get_by_role("button", name="Send svaret").click()
    firm.wait_for_load_state()
    response = Response.objects.get(challenge=challenge)
    assert (response.organisation, response.solution) == (organisation, solution)
    assert firm.locator("main").get_by_role("link", name=solution.title).count() == 1
    assert_accessible(firm)
    # The owner's view of the response links the solution too.
    city.goto(response.get_absolute_url())
    assert city.locator("main").get_by_role("link", name=solution.title).count() == 1
    assert_accessible(city)

    firm.goto(solution.get_absolute_url())
    assert challenge.title in firm.locator("section.suggestions").inner_text()
    assert_accessible(firm)
    with translation.override("en"):
        for url in (
            reverse("matching:overview"),
            solution.get_absolute_url(),
            reverse("challenges:response", args=[response.pk]),
        ):
            firm.goto(url)
            assert_accessible(firm)
        city.goto(reverse("challenges:response", args=[response.pk]))
        assert_accessible(city)
        city.goto(challenge.get_absolute_url())
        assert "Shared goals" in city.locator("section.suggestions").inner_text()
        assert_accessible(city)
