"""The key journeys of the foundation, in a real browser."""

import re

from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from tests.browser.conftest import assert_accessible
from tests.conftest import totp_code
from tests.factories import PASSWORD, civil_servant


def test_sign_up_verify_log_in_and_set_up_totp(page):
    page.goto(reverse("account_signup"))
    page.get_by_label("E-mail").first.fill("ny.ivaerksaetter@example.org")
    page.locator("#id_password1").fill("en-lang-adgangskode-42")
    page.locator("#id_password2").fill("en-lang-adgangskode-42")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/confirm-email/|bekr"))

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.locator("main button[type=submit]").click()
    # Logged in straight after confirming (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION).
    page.wait_for_url(re.compile(reverse("portal:profile")))

    page.goto(reverse("mfa_activate_totp"))
    if page.locator("#id_password").count():
        page.locator("#id_password").fill("en-lang-adgangskode-42")
        page.locator("main button[type=submit]").click()
        page.wait_for_url(re.compile(reverse("mfa_activate_totp")))
    assert_accessible(page)
    secret = page.locator("#id_secret, input[name=secret], [data-totp-secret]").first
    secret_value = secret.input_value() if secret.count() else None
    if not secret_value:
        secret_value = re.search(r"\b[A-Z2-7]{32}\b", page.content()).group(0)
    page.locator("#id_code").fill(totp_code(secret_value))
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert Authenticator.objects.filter(
        user__email="ny.ivaerksaetter@example.org", type=Authenticator.Type.TOTP
    ).exists()


def test_civil_servant_without_totp_cannot_reach_a_staff_page(page):
    user = civil_servant("BIF", email="uden.totp@example.org")
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(reverse("portal:profile")))

    page.goto(reverse("portal:staff_overview"))
    # Sent to set up TOTP (allauth first asks for the password again).
    page.wait_for_url(re.compile(r"totp"))
    assert "to-faktor" in page.locator(".alert").first.inner_text().lower()
    assert reverse("portal:staff_overview") not in page.url
