"""The key journeys of the foundation, in a real browser."""

import re

from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from tests.browser.conftest import assert_accessible
from tests.browser.helpers import log_in, log_out
from tests.conftest import totp_code
from tests.factories import PASSWORD, civil_servant


def test_sign_up_verify_log_in_and_set_up_totp(page):
    email, password = "ny.ivaerksaetter@example.org", "en-lang-adgangskode-42"
    page.goto(reverse("account_signup"))
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/confirm-email/"))

    # The verification e-mail (the console in development, the outbox here).
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [email]
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(reverse("matching:overview")))

    # Log out and in again with the password.
    log_out(page)
    log_in(page, email, password)
    page.wait_for_url(re.compile(reverse("matching:overview")))

    # Set up TOTP: allauth asks for the password again, then shows the secret and QR code.
    page.goto(reverse("mfa_activate_totp"))
    if "reauthenticate" in page.url:
        page.locator("#id_password").fill(password)
        page.locator("main button[type=submit]").click()
        page.wait_for_url(re.compile(r"totp"))
    assert_accessible(page)
    secret = re.search(r"\b[A-Z2-7]{32}\b", page.content()).group(0)
    page.locator("#id_code").fill(totp_code(secret))
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert Authenticator.objects.filter(user__email=email, type=Authenticator.Type.TOTP).exists()

    # From now on, logging in asks for the code.
    log_out(page)
    log_in(page, email, password)
    page.wait_for_url(re.compile(reverse("mfa_authenticate")))
    assert_accessible(page)
    page.locator("#id_code").fill(totp_code(secret))
    page.locator("main button.button-primary[type=submit]").click()
    page.wait_for_url(re.compile(reverse("matching:overview")))
    page.goto(reverse("portal:profile"))
    assert "Totrinsbekræftelse er slået til" in page.content()


def test_civil_servant_without_totp_cannot_reach_a_staff_page(page):
    user = civil_servant("BIF", email="uden.totp@example.org")
    log_in(page, user.email, PASSWORD)
    page.wait_for_url(re.compile(reverse("matching:overview")))

    page.goto(reverse("portal:staff_overview"))
    # Sent to set up TOTP (allauth first asks for the password again).
    page.wait_for_url(re.compile(r"totp"))
    assert "totrinsbekræftelse" in page.locator(".alert").first.inner_text().lower()
    assert reverse("portal:staff_overview") not in page.url
