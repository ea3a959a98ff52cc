import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from portal.models import User
from tests.conftest import totp_code
from tests.factories import PASSWORD, TOTP_SECRET, UserFactory


def test_signup_sends_a_verification_email_and_login_waits_for_it(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "ny@example.org",
                "password1": "en-lang-adgangskode-42",
                "password2": "en-lang-adgangskode-42",
            },
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ny@example.org"]
    assert not EmailAddress.objects.get(email="ny@example.org").verified
    link = re.search(r"https?://\S+/confirm-email/\S+/", mailoutbox[0].body) or re.search(
        r"https?://\S+/bekraeft-email/\S+/", mailoutbox[0].body
    )
    assert link, mailoutbox[0].body
    client.post(link.group(0))
    assert EmailAddress.objects.get(email="ny@example.org").verified


def test_login_with_unverified_email_does_not_log_in(client, db):
    UserFactory(email="unverified@example.org", verified=False)
    client.post(reverse("account_login"), {"login": "unverified@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_login_of_a_staff_user_asks_for_the_totp_code(client, civil_servant_bif):
    response = client.post(
        reverse("account_login"), {"login": civil_servant_bif.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(civil_servant_bif.pk)


def test_unknown_email_at_password_reset_reveals_nothing(client, db, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    # Enumeration protection: the same response as for a known address.
    known = UserFactory(email="known@example.org")
    response_known = client.post(reverse("account_reset_password"), {"email": known.email})
    assert response_known["Location"] == response["Location"]


class TestStaffPages:
    def test_anonymous_visitor_is_sent_to_login(self, client, db):
        response = client.get(reverse("portal:staff_overview"))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]

    def test_entrepreneur_is_refused(self, client, entrepreneur):
        client.force_login(entrepreneur)
        assert client.get(reverse("portal:staff_overview")).status_code == 403

    def test_civil_servant_without_totp_is_sent_to_set_it_up(
        self, client, civil_servant_without_totp
    ):
        client.force_login(civil_servant_without_totp)
        response = client.get(reverse("portal:staff_overview"))
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")

    @pytest.mark.parametrize("persona", ["civil_servant_bif", "contact_officer", "council_member"])
    def test_staff_with_totp_get_in(self, client, db, request, persona):
        user = request.getfixturevalue(persona)
        client.force_login(user)
        assert client.get(reverse("portal:staff_overview")).status_code == 200

    def test_civil_servant_sees_colleagues_of_own_administration_only(
        self, client, civil_servant_bif, civil_servant_tmf
    ):
        from tests.factories import civil_servant

        bif_colleague = civil_servant("BIF", email="kollega@example.org")
        client.force_login(civil_servant_bif)
        content = client.get(reverse("portal:staff_overview")).content.decode()
        assert bif_colleague.email in content
        assert civil_servant_tmf.email not in content


class TestAdmin:
    def test_administrator_with_totp_opens_the_admin(self, client, administrator):
        client.force_login(administrator)
        assert client.get(reverse("admin:index")).status_code == 200
        assert client.get(reverse("admin:portal_user_changelist")).status_code == 200

    def test_administrator_without_totp_is_sent_to_set_it_up(self, client, db):
        from portal.models import Role
        from tests.factories import with_role

        admin = with_role(UserFactory(), Role.ADMINISTRATOR)
        client.force_login(admin)
        response = client.get(reverse("admin:index"), follow=True)
        visited = [url for url, _status in response.redirect_chain]
        assert any(
            url.startswith(reverse("mfa_activate_totp")) or "activate" in url for url in visited
        )

    @pytest.mark.parametrize("persona", ["civil_servant_bif", "contact_officer", "entrepreneur"])
    def test_other_roles_cannot_open_the_admin(self, client, db, request, persona):
        client.force_login(request.getfixturevalue(persona))
        response = client.get(reverse("admin:index"), follow=True)
        assert response.status_code == 403

    def test_administrator_grants_a_staff_role_in_the_admin(self, client, administrator, outsider):
        client.force_login(administrator)
        url = reverse("admin:portal_user_change", args=[outsider.pk])
        page = client.get(url)
        assert page.status_code == 200
        data = {
            "email": outsider.email,
            "first_name": outsider.first_name,
            "last_name": outsider.last_name,
            "language": "da",
            "is_active": "on",
            "administration_memberships-TOTAL_FORMS": "1",
            "administration_memberships-INITIAL_FORMS": "0",
            "administration_memberships-0-administration": "",
            "administration_memberships-0-job_title": "",
            "role_assignments-TOTAL_FORMS": "1",
            "role_assignments-INITIAL_FORMS": "0",
            "role_assignments-0-role": "contact_officer",
        }
        response = client.post(url, data)
        assert response.status_code == 302, (
            response.context["adminform"].form.errors,
            [fs.formset.errors for fs in response.context["inline_admin_formsets"]],
        )
        assert outsider.role_assignments.filter(role="contact_officer").exists()


def test_profile_lists_memberships(client, entrepreneur, organisation):
    client.force_login(entrepreneur)
    content = client.get(reverse("portal:profile")).content.decode()
    assert organisation.name in content


def test_profile_requires_login(client, db):
    assert client.get(reverse("portal:profile")).status_code == 302


def test_user_deletes_own_account_after_typing_the_address(client, entrepreneur):
    client.force_login(entrepreneur)
    wrong = client.post(reverse("portal:account_delete"), {"confirm_email": "other@example.org"})
    assert wrong.status_code == 200
    assert User.objects.filter(pk=entrepreneur.pk).exists()
    right = client.post(reverse("portal:account_delete"), {"confirm_email": entrepreneur.email})
    assert right.status_code == 302
    assert not User.objects.filter(pk=entrepreneur.pk).exists()
    assert "_auth_user_id" not in client.session


def test_staff_role_without_totp_is_flagged_on_the_profile(client, civil_servant_without_totp):
    client.force_login(civil_servant_without_totp)
    content = client.get(reverse("portal:profile")).content.decode()
    assert reverse("mfa_activate_totp") in content


def test_failed_logins_are_rate_limited(client, db, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}
    user = UserFactory(email="target@example.org")
    for _ in range(3):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    # The right password is refused too while the limit holds, with a message saying why.
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert "for mange mislykkede" in response.content.decode()


def test_csrf_failure_gets_a_styled_danish_page(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("account_login"), {"login": "x@example.org", "password": "y"})
    assert response.status_code == 403
    assert "Formularen kunne ikke sendes" in response.content.decode()


def test_deleting_the_only_administrator_hands_the_profile_to_the_oldest_member(
    client, organisation, entrepreneur, colleague
):
    client.force_login(entrepreneur)
    client.post(reverse("portal:account_delete"), {"confirm_email": entrepreneur.email})
    assert organisation.memberships.get().user == colleague
    assert organisation.memberships.get().role == "admin"


def test_user_downloads_own_data(client, entrepreneur, organisation):
    client.force_login(entrepreneur)
    response = client.get(reverse("portal:account_export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = response.json()
    assert data["account"]["email"] == entrepreneur.email
    assert data["organisations"][0]["cvr"] == organisation.cvr


def test_data_export_requires_login(client, db):
    assert client.get(reverse("portal:account_export")).status_code == 302
