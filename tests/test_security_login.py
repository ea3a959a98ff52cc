"""Issue 9.4: failed logins are limited per address and per address-and-account, with a
much higher per-account ceiling over every address (OWASP ASVS 6.3.1): a stranger cannot
keep the owner out, and brute force from one address is stopped."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

LIMITS = {"login_failed": "10/m/ip,30/h/ip,5/5m/key"}
STRANGER = "198.51.100.66"
OWNER_ADDRESS = "203.0.113.5"


@pytest.fixture
def owner(db, settings):
    settings.ACCOUNT_RATE_LIMITS = LIMITS
    return UserFactory(email="owner@example.org")


def _login(address, email, password):
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    return client, response


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_stranger_guessing_from_another_address_cannot_keep_the_owner_out(owner):
    for _ in range(8):
        _login(STRANGER, owner.email, "wrong-guess")
    client, _ = _login(OWNER_ADDRESS, owner.email, PASSWORD)
    assert _logged_in(client)


def test_guessing_one_accounts_password_from_one_address_is_stopped(owner):
    for _ in range(5):
        _login(STRANGER, owner.email, "wrong-guess")
    client, response = _login(STRANGER, owner.email, PASSWORD)
    assert not _logged_in(client)
    assert "for mange mislykkede" in response.content.decode()


def test_guessing_many_accounts_from_one_address_is_stopped(owner):
    for number in range(10):
        _login(STRANGER, f"someone{number}@example.org", "wrong-guess")
    client, response = _login(STRANGER, owner.email, PASSWORD)
    assert not _logged_in(client)
    assert "for mange mislykkede" in response.content.decode()


def test_guessing_one_account_from_many_addresses_meets_the_per_account_ceiling(owner, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "login_failed_account": (6, 3600)}
    for number in range(6):
        _login(f"198.51.100.{number}", owner.email, "wrong-guess")
    client, response = _login(OWNER_ADDRESS, owner.email, PASSWORD)
    assert not _logged_in(client)
    assert "for mange mislykkede" in response.content.decode()


def test_the_per_account_ceiling_is_far_above_what_one_address_may_try(settings):
    from portal.settings import base

    per_account, _ = base.PORTAL_RATE_LIMITS["login_failed_account"]
    assert per_account >= 10 * 5  # ten times the per address-and-account limit


def test_a_successful_login_does_not_count_as_a_failure(owner):
    for _ in range(7):
        client, _ = _login(OWNER_ADDRESS, owner.email, PASSWORD)
        assert _logged_in(client)
