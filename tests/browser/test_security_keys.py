"""Security keys (WebAuthn) as a second factor, with Chromium's virtual authenticator: the
allauth pages must work under the portal's Content-Security-Policy and templates."""

import re

from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.browser.conftest import assert_accessible
from tests.browser.helpers import log_in, log_out
from tests.conftest import totp_code
from tests.factories import PASSWORD, TOTP_SECRET, civil_servant, with_totp


def _virtual_authenticator(page):
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return session


def test_a_civil_servant_adds_a_security_key_and_logs_in_with_it(page):
    user = with_totp(civil_servant("BIF", email="noegle@example.org"))
    _virtual_authenticator(page)
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )

    log_in(page, user.email, PASSWORD)
    page.wait_for_url(re.compile(reverse("mfa_authenticate")))
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.locator("main button.button-primary[type=submit]").click()
    page.wait_for_url(re.compile(reverse("matching:overview")))

    page.goto(reverse("mfa_add_webauthn"))
    if "reauthenticate" in page.url:
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main button[type=submit]").click()
        page.wait_for_url(re.compile(reverse("mfa_add_webauthn")))
    assert_accessible(page)
    page.locator("#id_name").fill("Min nøgle")
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(lambda url: reverse("mfa_add_webauthn") not in url)
    assert not [e for e in errors if "Content Security Policy" in e], errors
    key = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Min nøgle"

    # Next time, the key is the second factor.
    log_out(page)
    log_in(page, user.email, PASSWORD)
    page.wait_for_url(re.compile(reverse("mfa_authenticate")))
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("sikkerhedsnøgle|security key", re.I)).click()
    page.wait_for_url(re.compile(reverse("matching:overview")))
    assert not [e for e in errors if "Content Security Policy" in e], errors
