"""Pages behind a login: valid HTML with `lang`, constant query counts, OpenID Connect off
unless configured."""

import html5lib
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import OrganisationFactory, member_of
from tests.helpers import query_counts


def _assert_valid_html(response, language="da"):
    assert response.status_code == 200, response.status_code
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content)
    assert document.get("lang") == language


@pytest.mark.parametrize("language", ["da", "en"])
def test_entrepreneur_pages_are_valid_html(client, entrepreneur, organisation, language):
    client.force_login(entrepreneur)
    with translation.override(language):
        urls = [
            reverse("portal:profile"),
            reverse("portal:account_delete"),
            reverse("organisations:create"),
            reverse("organisations:edit", args=[organisation.slug]),
            reverse("organisations:members", args=[organisation.slug]),
            reverse("account_email"),
            reverse("account_change_password"),
            reverse("mfa_index"),
        ]
    for url in urls:
        _assert_valid_html(client.get(url), language)


def test_staff_overview_is_valid_html(client, civil_servant_bif):
    client.force_login(civil_servant_bif)
    _assert_valid_html(client.get(reverse("portal:staff_overview")))


def test_form_with_errors_is_valid_html(client, outsider):
    client.force_login(outsider)
    _assert_valid_html(client.post(reverse("organisations:create"), {"cvr": "64942213"}))


def test_profile_query_count_does_not_grow_with_memberships(client, db):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)

    def memberships(n):
        for _ in range(n):
            member_of(OrganisationFactory(), user)

    small, large = query_counts(client, reverse("portal:profile"), memberships)
    assert small == large
    assert large <= 14


def test_staff_overview_query_count_does_not_grow_with_colleagues(client, civil_servant_bif):
    from tests.factories import civil_servant

    client.force_login(civil_servant_bif)

    def colleagues(n):
        for _ in range(n):
            civil_servant("BIF")

    small, large = query_counts(client, reverse("portal:staff_overview"), colleagues)
    assert small == large
    assert large <= 14


def test_no_sign_in_provider_is_offered_unless_configured(client, db):
    assert "Entra ID" not in client.get(reverse("account_login")).content.decode()


def test_a_configured_openid_connect_provider_is_offered_on_the_login_page(client, db, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "entra",
                    "name": "Københavns Kommune (Entra ID)",
                    "client_id": "portal",
                    "secret": "s3cret",
                    "settings": {"server_url": "https://login.example.org/tenant/v2.0"},
                }
            ]
        }
    }
    content = client.get(reverse("account_login")).content.decode()
    assert "Københavns Kommune (Entra ID)" in content


def test_the_session_user_comes_with_roles_administrations_and_two_factor_in_one_query(
    civil_servant_bif,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal import rules
    from portal.auth_backends import PortalAuthenticationBackend

    bif = civil_servant_bif.administration_memberships.get().administration_id
    with CaptureQueriesContext(connection) as queries:
        user = PortalAuthenticationBackend().get_user(civil_servant_bif.pk)
        assert rules.can_open_staff_pages(user)
        assert rules.administration_ids(user) == {bif}
        assert not rules.is_contact_officer(user)
    assert len(queries.captured_queries) == 1


def test_a_role_taken_away_counts_from_the_next_request(client, contact_officer):
    client.force_login(contact_officer)
    assert client.get(reverse("enquiries:staff_queue")).status_code == 200
    contact_officer.role_assignments.all().delete()
    assert client.get(reverse("enquiries:staff_queue")).status_code == 403
