"""The pools in a real browser: axe on every pool page in Danish and in English, and the
whole journey of two applications (the fast track and the council) to a payout and an
accepted final report."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from advisory.models import (
    Application,
    FinalReport,
    FinalReportStatus,
    Grant,
    Meeting,
    Proposal,
    ProposalStatus,
)
from organisations.models import MembershipRole
from portal.models import Administration, Role
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import log_in
from tests.browser.test_council import _click, _new
from tests.factories import OrganisationFactory, UserFactory, member_of, with_role, with_totp
from tests.pool.conftest import KR, award, fund, make_application, make_pool


def test_every_pool_page_in_both_languages(page, browser, live_server):
    secretary = with_totp(
        with_role(UserFactory(email="lone@example.org", first_name="Lone"), Role.COUNCIL_SECRETARY)
    )
    entrepreneur = member_of(
        OrganisationFactory(), UserFactory(email="anna@example.org"), MembershipRole.ADMIN
    )
    pool = make_pool()
    fund(pool, secretary, 100_000 * KR)
    fund(pool, secretary, 50_000 * KR, payer=Administration.objects.get(code="BIF"))
    grant = award(make_application(pool, 30_000 * KR), secretary)
    waiting = make_application(pool, 20_000 * KR)
    pages = {
        None: [
            ("pool:register", []),
            ("pool:pool", [pool.pk]),
            ("pool:grant", [grant.pk]),
        ],
        entrepreneur: [("pool:apply", [])],
        secretary: [
            ("pool:manage", [pool.pk]),
            ("pool:application_decide", [pool.pk, waiting.pk]),
        ],
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


# The whole journey (issue 13's acceptance): two applications, the fast track and the
# council, the register, a payout and a final report.

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _day(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).strftime("%d-%m-%Y")


def _apply(page, title, amount, budget):
    page.goto(reverse("pool:apply"))
    page.locator("#id_pool").select_option(index=1)
    page.locator("#id_title").fill(title)
    page.locator("#id_what").fill(f"{title}: et værksted hele året.")
    page.locator("#id_why").fill("Flere unge i job.")
    page.locator("#id_expected_effect").fill("40 unge i job.")
    page.get_by_label("Beskæftigelses- og Integrationsforvaltningen").check()
    page.locator("#id_amount").fill(amount)
    page.locator("#id_budget").fill(budget)
    page.locator("#id_period_start").fill(_day(20))
    page.locator("#id_period_end").fill(_day(300))
    page.locator("#id_impacts").fill("Unge i job; 40; personer")
    page.locator("#id_attachments").set_input_files(
        {"name": "budget.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/raadet/forslag/\d+/$"))


def _grant_terms(page, amount):
    page.locator("#id_amount").fill(amount)
    page.locator("#id_conditions").fill("Slutrapport med opnåede resultater.")
    page.locator("#id_instalments").fill(f"{_day(30)}; {amount}")
    page.locator("#id_report_due").fill(_day(330))


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


def _council_decides(office, peter, proposal):
    """Screening, a meeting with the application on its agenda, a review, the decision."""
    office.goto(reverse("advisory:proposal", args=[proposal.pk]))
    _click(office, "/screen/")
    _click(office, "/accept/")
    office.goto(reverse("advisory:meetings_manage"))
    office.locator("#id_title").fill("Rådsmøde om puljen")
    office.locator("#id_date").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    office.locator("#id_start").fill("16:00")
    office.locator("#id_end").fill("18:00")
    office.locator("#id_place").fill("Københavns Rådhus")
    office.locator("main form button[type=submit]").click()
    office.wait_for_url(re.compile(r"/sekretariat/moeder/\d+/$"))
    meeting = Meeting.objects.get()
    office.locator("#id_item-proposal").select_option(value=str(proposal.pk))
    _click(office, "/add_item/")
    _click(office, "/publish/")
    peter.goto(reverse("advisory:proposal", args=[proposal.pk]))
    assert_accessible(peter)
    peter.get_by_role("link", name="budget.pdf").wait_for()  # a council-route attachment
    peter.locator("#id_social_impact_4").check()
    peter.locator("#id_feasibility_4").check()
    peter.locator("#id_economic_sustainability_3").check()
    peter.locator("#id_comment").fill("Et godt projekt.")
    _click(peter, "/review/")
    office.goto(reverse("advisory:meeting_manage", args=[meeting.pk]))
    _click(office, "/held/")
    item = meeting.items.get()
    office.locator(f"form[action*='/{item.pk}/decide/']").locator("xpath=..").locator(
        "summary"
    ).click()
    office.locator(f"#id_item{item.pk}-outcome_0").check()
    office.locator(f"#id_item{item.pk}-minutes").fill("Rådet anbefaler ansøgningen.")
    _click(office, f"/{item.pk}/decide/")
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.DECIDED


def test_two_applications_from_the_form_to_the_final_report(page, browser, live_server, uploads):
    secretary = with_totp(
        with_role(UserFactory(email="lone@example.org", first_name="Lone"), Role.COUNCIL_SECRETARY)
    )
    entrepreneur = member_of(
        OrganisationFactory(name="Kaffe og Kompetencer ApS"),
        UserFactory(email="anna@example.org", first_name="Anna"),
        MembershipRole.ADMIN,
    )
    peter = _new(browser, live_server, _member("peter@example.org", "Peter"))
    pool = make_pool()
    fund(pool, secretary, 500_000 * KR)

    # The entrepreneur applies twice: the fast track and the council.
    log_in(page, entrepreneur.email)
    _apply(page, "Cykelværksted", "30.000", "Løn; 20.000\nVærktøj; 10.000")
    assert "hurtige spor" in page.locator("main").inner_text()
    _apply(page, "Socialt rengøringsfirma", "200.000", "Løn; 150.000\nMaskiner; 50.000")
    fast = Application.objects.get(proposal__title="Cykelværksted")
    council = Application.objects.get(proposal__title="Socialt rengøringsfirma")
    assert fast.decision_due and council.decision_due is None

    # The secretary grants the first within the promise.
    office = _new(browser, live_server, secretary)
    office.goto(reverse("pool:manage", args=[pool.pk]))
    office.get_by_role("link", name="Cykelværksted").click()
    assert_accessible(office)
    office.locator("#id_decision_0").check()
    office.locator("#id_reason").fill("Projektet opfylder puljens formål.")
    _grant_terms(office, "30.000")
    office.locator("main form button[type=submit]").click()
    office.wait_for_url(re.compile(r"/administrer/$"))
    first = Grant.objects.get(application=fast)
    assert first.decided_on <= fast.decision_due

    # The council reviews the second and recommends it; the secretary records the grant.
    _council_decides(office, peter, council.proposal)
    office.goto(reverse("pool:manage", args=[pool.pk]))
    office.get_by_role("link", name="Socialt rengøringsfirma").click()
    _grant_terms(office, "200.000")
    office.locator("main form button[type=submit]").click()
    office.wait_for_url(re.compile(r"/administrer/$"))
    second = Grant.objects.get(application=council)
    assert second.amount == 200_000 * KR

    # The register shows both, and the pool what is left.
    visitor = browser.new_context(base_url=live_server.url, locale="da-DK").new_page()
    visitor.goto(reverse("pool:register"))
    text = visitor.locator("main").inner_text()
    assert "Cykelværksted" in text and "Socialt rengøringsfirma" in text
    assert "Kaffe og Kompetencer ApS" in text
    assert "270.000,00 kr. tilbage" in text  # the pool's remaining amount
    visitor.get_by_role("link", name=str(pool)).first.click()
    assert "270.000,00 kr." in visitor.locator("main").inner_text()
    assert "budget.pdf" not in visitor.content()

    # A payout.
    office.goto(reverse("pool:manage", args=[pool.pk]))
    payout = office.locator("form[action*='/udbetaling/']")
    payout.locator("#id_payout-grant").select_option(value=str(first.pk))
    payout.locator("#id_payout-amount").fill("15.000")
    payout.locator("#id_payout-reason").fill("Første rate")
    _click(office, "/udbetaling/")
    assert pool.figures()["paid"] == 15_000 * KR

    # The grantee writes the final report from the work overview and submits it.
    page.goto(reverse("matching:overview"))
    page.locator(f"a[href='{reverse('pool:report', args=[first.pk])}']").click()
    page.wait_for_url(re.compile(r"/slutrapport/$"))
    assert_accessible(page)
    expected = fast.expected_impacts.get()
    page.locator("#id_what_was_done").fill("Værkstedet har haft 38 unge igennem.")
    page.locator(f"#id_achieved_{expected.pk}").fill("38")
    page.locator("#id_extra").fill("Cykler solgt; 1.250; cykler")
    page.locator("#id_attachments").set_input_files(
        {"name": "regnskab.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_load_state()
    assert FinalReport.objects.get(grant=first).status == FinalReportStatus.SUBMITTED
    assert_accessible(page)

    # The secretary accepts it from the pool's page and publishes it.
    office.goto(reverse("pool:manage", args=[pool.pk]))
    office.locator(f"#reports-waiting-heading ~ ul a[href*='/{first.pk}/']").click()
    office.wait_for_url(re.compile(r"/slutrapport/$"))
    assert_accessible(office)
    office.locator("#id_decision_0").check()
    _click(office, "/afgoerelse/")
    assert FinalReport.objects.get(grant=first).status == FinalReportStatus.ACCEPTED
    office.locator("#id_published_0").check()
    _click(office, "/offentliggoerelse/")
    assert_accessible(office)

    # The public sees the figures against the expected, and the organisation's profile too.
    visitor.goto(reverse("pool:grant", args=[first.pk]))
    text = visitor.locator("main").inner_text()
    assert "Unge i job" in text and "38" in text and "Cykler solgt" in text
    visitor.get_by_role("link", name="regnskab.pdf").wait_for()
    assert_accessible(visitor)
    visitor.goto(entrepreneur.organisation_memberships.get().organisation.get_absolute_url())
    assert "Dokumenteret gennem puljen" in visitor.locator("main").inner_text()
    assert_accessible(visitor)

    # Every new page in both languages.
    pages = [
        (visitor, "pool:grant", [first.pk]),
        (page, "pool:report", [first.pk]),
        (page, "pool:report", [second.pk]),
        (page, "matching:overview", []),
        (office, "pool:report", [first.pk]),
        (office, "pool:manage", [pool.pk]),
        (office, "matching:overview", []),
    ]
    for viewer, name, args in pages:
        for language in ("da", "en"):
            with translation.override(language):
                url = reverse(name, args=args)
            viewer.goto(url)
            assert viewer.locator("html").get_attribute("lang") == language, url
            assert_accessible(viewer)
