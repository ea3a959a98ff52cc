"""The council in a real browser: an entrepreneur's recommendation from the proposal form
to the public page with its whole timeline, through screening, the agenda, blind reviews
with a conflict of interest, the decision, the minutes and the administration's answer;
axe on every page of the council in Danish and in English."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from advisory.models import FollowUp, Meeting, Proposal, ProposalStatus
from organisations.models import MembershipRole
from portal.models import Role
from tests.advisory.conftest import make_proposal
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import log_in
from tests.conftest import totp_code
from tests.factories import (
    TOTP_SECRET,
    OrganisationFactory,
    UserFactory,
    civil_servant,
    member_of,
    with_role,
    with_totp,
)

S = ProposalStatus


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _member(email, first_name):
    user = with_totp(
        with_role(UserFactory(email=email, first_name=first_name), Role.COUNCIL_MEMBER)
    )
    user.council_memberships.create(
        position="member",
        seat="entrepreneur",
        affiliation="Café Kompetencen",
        term_start=timezone.localdate(),
    )
    return user


def _people():
    entrepreneur = member_of(
        OrganisationFactory(name="Kaffe og Kompetencer ApS"),
        UserFactory(email="anna@example.org", first_name="Anna"),
        MembershipRole.ADMIN,
    )
    secretary = with_totp(
        with_role(UserFactory(email="lone@example.org", first_name="Lone"), Role.COUNCIL_SECRETARY)
    )
    first = _member("peter@example.org", "Peter")
    second = _member("maria@example.org", "Maria")
    servant = with_totp(civil_servant("BIF", email="mads@example.org", first_name="Mads"))
    return entrepreneur, secretary, first, second, servant


def _new(browser, live_server, user, code=True):
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, user.email, code=totp_code(TOTP_SECRET) if code else None)
    return page


def _click(page, form_action):
    page.locator(f"form[action*='{form_action}'] button[type=submit]").first.click()
    page.wait_for_load_state()


def test_a_recommendation_from_proposal_to_answer(page, browser, live_server):
    entrepreneur, secretary, first, second, servant = _people()

    # The entrepreneur writes and submits the proposal.
    log_in(page, entrepreneur.email)
    page.goto(reverse("advisory:council"))
    assert_accessible(page)
    page.get_by_role("link", name="Send et forslag til rådet").click()
    page.wait_for_url(re.compile(r"/raadet/forslag/nyt/"))
    page.locator("#id_title").fill("Flere reserverede kontrakter")
    page.locator("#id_what").fill(
        "Kommunen reserverer ti kontrakter om året til socialøkonomiske virksomheder."
    )
    page.locator("#id_why").fill("Det giver job til mennesker langt fra arbejdsmarkedet.")
    page.locator("#id_expected_effect").fill("50 flere i job om året.")
    page.get_by_label("Beskæftigelses- og Integrationsforvaltningen").check()
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/raadet/forslag/\d+/$"))
    _click(page, "/submit/")
    proposal = Proposal.objects.get()
    assert proposal.status == S.SUBMITTED
    assert_accessible(page)

    # The secretary screens it, plans a meeting and puts it on the agenda.
    office = _new(browser, live_server, secretary)
    office.goto(reverse("advisory:queue"))
    assert_accessible(office)
    office.get_by_role("link", name="Flere reserverede kontrakter").click()
    _click(office, "/screen/")
    _click(office, "/accept/")
    assert Proposal.objects.get().status == S.IN_REVIEW
    assert_accessible(office)
    office.goto(reverse("advisory:meetings_manage"))
    day = timezone.localdate() + timedelta(days=14)
    office.locator("#id_title").fill("Rådsmøde i foråret")
    office.locator("#id_date").fill(day.isoformat())
    office.locator("#id_place").fill("Københavns Rådhus")
    assert_accessible(office)
    office.locator("main form button[type=submit]").click()
    office.wait_for_url(re.compile(r"/sekretariat/moeder/\d+/$"))
    meeting = Meeting.objects.get()
    office.locator("#id_item-proposal").select_option(value=str(proposal.pk))
    _click(office, "/add_item/")
    assert_accessible(office)
    _click(office, "/publish/")
    assert Proposal.objects.get().status == S.ON_AGENDA

    # Two members: one reviews, the other declares a conflict and sees nothing of it.
    peter = _new(browser, live_server, first)
    peter.goto(reverse("advisory:member"))
    assert_accessible(peter)
    peter.get_by_role("link", name="Flere reserverede kontrakter").click()
    assert_accessible(peter)
    peter.locator("#id_social_impact_4").check()
    peter.locator("#id_feasibility_3").check()
    peter.locator("#id_economic_sustainability_2").check()
    peter.locator("#id_comment").fill("Hemmelig vurdering: stærkt forslag.")
    _click(peter, "/review/")
    assert "Hemmelig vurdering" in peter.content()
    maria = _new(browser, live_server, second)
    maria.goto(reverse("advisory:proposal", args=[proposal.pk]))
    assert "Hemmelig vurdering" not in maria.content()
    maria.locator("#id_reason").fill("Jeg sidder i bestyrelsen.")
    _click(maria, "/conflict/")
    assert "Hemmelig vurdering" not in maria.content()
    assert_accessible(maria)

    # The secretary records "recommended" and publishes the minutes.
    office.goto(reverse("advisory:meeting_manage", args=[meeting.pk]))
    _click(office, "/held/")
    item = meeting.items.get()
    office.locator(f"form[action*='/{item.pk}/decide/']").locator("xpath=..").locator(
        "summary"
    ).click()
    office.locator(f"#id_item{item.pk}-outcome_0").check()
    office.locator(f"#id_item{item.pk}-minutes").fill("Rådet anbefaler forslaget.")
    _click(office, f"/{item.pk}/decide/")
    assert Proposal.objects.get().status == S.DECIDED
    assert_accessible(office)
    _click(office, "/minutes/")
    assert Proposal.objects.get().status == S.PUBLISHED

    # The administration answers.
    bif = _new(browser, live_server, servant)
    bif.goto(reverse("portal:staff_overview"))
    bif.get_by_role("link", name="Rådets anbefalinger, der skal besvares").click()
    assert_accessible(bif)
    bif.get_by_role("link", name="Flere reserverede kontrakter").click()
    bif.locator("#id_verdict_0").check()
    bif.locator("#id_reasons").fill("Vi indarbejder det i indkøbspolitikken.")
    assert_accessible(bif)
    bif.locator("main form button[type=submit]").click()
    bif.wait_for_load_state()
    assert FollowUp.objects.get().verdict == "accepted"

    # The public page shows the whole timeline.
    visitor = browser.new_context(base_url=live_server.url, locale="da-DK").new_page()
    visitor.goto(reverse("advisory:recommendation", args=[proposal.pk]))
    text = visitor.locator("main").inner_text()
    for step in (
        "Sendt",
        "På dagsordenen",
        "Besluttet",
        "Offentliggjort",
        "Vi indarbejder det i indkøbspolitikken.",
    ):
        assert step in text, step
    assert "Hemmelig vurdering" not in text
    assert_accessible(visitor)
    visitor.goto(reverse("advisory:meeting", args=[meeting.pk]))
    assert "Deltog ikke på grund af interessekonflikt" in visitor.content()
    assert_accessible(visitor)


def test_every_council_page_in_both_languages(page, browser, live_server):
    entrepreneur, secretary, first, second, servant = _people()
    published = make_proposal(entrepreneur, S.PUBLISHED, secretary=secretary, conflicted=second)
    in_review = make_proposal(entrepreneur, S.IN_REVIEW, secretary=secretary)
    submitted = make_proposal(entrepreneur, S.SUBMITTED, secretary=secretary)
    meeting = published.agenda_items.get().meeting
    follow_up = FollowUp.objects.get(proposal=published)
    pages = {
        None: [
            ("advisory:council", []),
            ("advisory:decisions", []),
            ("advisory:meeting", [meeting.pk]),
            ("advisory:recommendation", [published.pk]),
        ],
        entrepreneur: [
            ("advisory:my_proposals", []),
            ("advisory:proposal_create", []),
            ("advisory:proposal", [submitted.pk]),
        ],
        secretary: [
            ("advisory:queue", []),
            ("advisory:meetings_manage", []),
            ("advisory:meeting_manage", [meeting.pk]),
            ("advisory:members", []),
            ("advisory:follow_ups_manage", []),
            ("advisory:proposal", [published.pk]),
            ("advisory:proposal", [submitted.pk]),
        ],
        first: [("advisory:member", []), ("advisory:proposal", [in_review.pk])],
        servant: [("advisory:follow_ups", []), ("advisory:follow_up", [follow_up.pk])],
    }
    for user, names in pages.items():
        viewer = (
            page if user is None else _new(browser, live_server, user, code=user != entrepreneur)
        )
        for language in ("da", "en"):
            for name, args in names:
                with translation.override(language):
                    url = reverse(name, args=args)
                viewer.goto(url)
                assert viewer.locator("html").get_attribute("lang") == language, url
                assert_accessible(viewer)
