"""The pools in a real browser: axe on every pool page in Danish and in English."""

from django.urls import reverse
from django.utils import translation

from organisations.models import MembershipRole
from portal.models import Administration, Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_council import _new
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
