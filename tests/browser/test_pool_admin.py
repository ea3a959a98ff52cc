"""The pool secretary's own pages in a real browser: creating a pool in kroner, a round's
deadline, changing a grant; axe on each page (with and without errors) in both languages."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

from advisory.models import Intake, Pool
from portal.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import log_in
from tests.conftest import totp_code
from tests.factories import TOTP_SECRET, UserFactory, with_role, with_totp
from tests.pool.conftest import KR, award, fund, make_application, make_pool


def _url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args or None)


def test_the_secretary_creates_a_pool_adds_a_round_and_changes_a_grant(page):
    secretary = with_totp(
        with_role(UserFactory(email="lone@example.org", first_name="Lone"), Role.COUNCIL_SECRETARY)
    )
    city = make_pool(intake=Intake.ROUNDS)
    fund(city, secretary, 100_000 * KR)
    grant = award(make_application(city, 30_000 * KR), secretary)
    log_in(page, secretary.email, code=totp_code(TOTP_SECRET))

    # A pool with a fast-track limit above its maximum is refused at the field.
    page.goto(reverse("pool:pool_create"))
    page.locator("#id_year").fill("2027")
    page.locator("#id_rules_text").fill("Puljen støtter sociale virksomheder.")
    page.locator("#id_maximum_grant").fill("200.000")
    page.locator("#id_fast_track_limit").fill("250.000,50")
    page.locator("#id_fast_track_working_days").fill("10")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_fast_track_limit").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_rules_text").input_value() == "Puljen støtter sociale virksomheder."
    assert_accessible(page)
    page.locator("#id_fast_track_limit").fill("25.000,50")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    created = Pool.objects.get(year=2027)
    assert (created.maximum_grant, created.fast_track_limit) == (200_000 * KR, 2_500_050)

    # A round for the 2026 pool, then a smaller grant.
    page.goto(reverse("pool:manage", args=[city.pk]))
    deadline = timezone.localdate() + timedelta(days=20)
    page.locator("#id_round-deadline").fill(deadline.strftime("%d-%m-%Y"))
    page.locator("form[action*='runder'] button[type=submit]").click()
    page.wait_for_load_state()
    assert list(city.rounds.values_list("deadline", flat=True)) == [deadline]
    page.locator("#id_change-grant").select_option(str(grant.pk))
    page.locator("#id_change-new_amount").fill("25.000")
    page.locator("#id_change-reason").fill("Mindre projekt")
    page.locator("form[action*='aendr-bevilling'] button[type=submit]").click()
    page.wait_for_load_state()
    grant.refresh_from_db()
    assert grant.amount == 25_000 * KR
    assert_accessible(page)

    for language in ("da", "en"):
        for url in (
            _url("pool:pools", language),
            _url("pool:pool_create", language),
            _url("pool:pool_edit", language, city.pk),
            _url("pool:manage", language, city.pk),
            _url("pool:pool", language, city.pk),
        ):
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == language, url
            assert_accessible(page)


def test_a_grant_change_with_errors_is_accessible(page):
    secretary = with_totp(with_role(UserFactory(email="lone@example.org"), Role.COUNCIL_SECRETARY))
    city = make_pool()
    fund(city, secretary, 40_000 * KR)
    grant = award(make_application(city, 30_000 * KR), secretary)
    log_in(page, secretary.email, code=totp_code(TOTP_SECRET))
    page.goto(reverse("pool:manage", args=[city.pk]))
    page.locator("#id_change-grant").select_option(str(grant.pk))
    page.locator("#id_change-new_amount").fill("90.000")
    page.locator("#id_change-reason").fill("Større projekt")
    page.locator("form[action*='aendr-bevilling'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_change-new_amount").get_attribute("aria-invalid") == "true"
    assert "Puljen har kun" in page.locator("main").inner_text()
    grant.refresh_from_db()
    assert grant.amount == 30_000 * KR
    assert_accessible(page)
