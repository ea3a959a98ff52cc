"""The council's parts of the work overview in a real browser: the secretary (also a
council member and a civil servant of the administration that must answer) and the
submitter each see their parts; axe in Danish and English, at 390 px too."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from advisory.models import FollowUp, ProposalStatus
from portal.models import Role
from tests.advisory.conftest import make_proposal
from tests.browser.conftest import assert_accessible
from tests.factories import UserFactory, civil_servant, with_role, with_totp

S = ProposalStatus


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _session(browser, live_server, user, width):
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        base_url=live_server.url, locale="da-DK", viewport={"width": width, "height": 900}
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_councils_parts_of_the_work_overview(
    browser, live_server, reference_data, language, width
):
    secretary = with_totp(
        with_role(
            with_role(civil_servant("BIF", email="lone@example.org"), Role.COUNCIL_SECRETARY),
            Role.COUNCIL_MEMBER,
        )
    )
    submitter = UserFactory(email="anna@example.org")
    published = make_proposal(submitter, S.PUBLISHED, secretary=secretary)
    FollowUp.objects.filter(proposal=published).update(due=timezone.localdate() - timedelta(days=2))
    in_review = make_proposal(submitter, S.IN_REVIEW, secretary=secretary)
    make_proposal(submitter, S.SUBMITTED)
    with translation.override(language):
        url = reverse("matching:overview")

    staff = _session(browser, live_server, secretary, width)
    staff.goto(url)
    main = staff.locator("main")
    for key in ("council_reviews", "council_queue", "council_overdue_answers", "council_answers"):
        assert main.locator(f"#part-{key}").count() == 1, key
    reviews = main.locator("section", has=staff.locator("#part-council_reviews"))
    assert reviews.get_by_role("link", name=in_review.title).count() == 1
    assert_accessible(staff)
    if width == 390:
        assert not staff.evaluate("document.documentElement.scrollWidth > window.innerWidth")

    own = _session(browser, live_server, submitter, width)
    own.goto(url)
    assert own.locator("main #part-council_own_proposals").count() == 1
    assert own.locator("main #part-council_queue").count() == 0
    assert_accessible(own)
    if width == 390:
        assert not own.evaluate("document.documentElement.scrollWidth > window.innerWidth")
