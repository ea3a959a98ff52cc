"""Personas and shared fixtures. Tests run against the real PostgreSQL (see Makefile)."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import caches
from django.utils import translation

from organisations.models import MembershipRole
from portal import caching
from portal.models import Role
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    civil_servant,
    member_of,
    with_role,
    with_totp,
)


@pytest.fixture(autouse=True)
def danish_by_default():
    """Each test starts in Danish: a request of an earlier test must not leave English on."""
    translation.activate("da")
    yield
    translation.activate("da")


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Kaffe og Kompetencer ApS", slug="kaffe-kompetencer")


@pytest.fixture
def entrepreneur(organisation):
    """Administrator of `organisation`'s profile."""
    return member_of(organisation, UserFactory(email="anna@example.org"), MembershipRole.ADMIN)


@pytest.fixture
def colleague(organisation):
    """A plain member of `organisation`."""
    return member_of(organisation, UserFactory(email="jonas@example.org"), MembershipRole.MEMBER)


@pytest.fixture
def outsider(db):
    """Logged-in user with no organisation and no role."""
    return UserFactory(email="outsider@example.org")


@pytest.fixture
def civil_servant_bif(db):
    return with_totp(civil_servant("BIF", email="mads@example.org"))


@pytest.fixture
def civil_servant_tmf(db):
    return with_totp(civil_servant("TMF", email="sofie@example.org"))


@pytest.fixture
def civil_servant_without_totp(db):
    return civil_servant("BIF", email="no-totp@example.org")


@pytest.fixture
def contact_officer(db):
    return with_totp(with_role(UserFactory(email="karen@example.org"), Role.CONTACT_OFFICER))


@pytest.fixture
def council_member(db):
    return with_totp(with_role(UserFactory(email="peter@example.org"), Role.COUNCIL_MEMBER))


@pytest.fixture
def administrator(db):
    return with_totp(with_role(UserFactory(email="admin@example.org"), Role.ADMINISTRATOR))


@pytest.fixture
def client_for(client):
    """Log a user in on the test client (the session counts as two-factor verified)."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def page_cache(settings):
    """The short-lived page cache switched on (the test settings switch it off)."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "portal.caching.ObjectCache", "LOCATION": "t"},
    }
    caches["pages"].clear()
    caching._local_versions.clear()
    yield caches["pages"]
    caches["pages"].clear()
    caching._local_versions.clear()


@pytest.fixture(autouse=True)
def reference_data_present(request, django_db_setup, django_db_blocker):
    """A transactional test (a live server's too, or one marked `transaction=True`) ends
    with a flush that also empties the City's reference data loaded by migrations. Before
    each test that uses the database, put it back if an earlier test on this worker emptied
    it, so that no test depends on the order the tests run in."""
    uses_database = {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if uses_database or request.node.get_closest_marker("django_db"):
        from portal.models import Administration
        from tests import reference_data

        with django_db_blocker.unblock():
            if not Administration.objects.exists():
                reference_data.load()
    yield
