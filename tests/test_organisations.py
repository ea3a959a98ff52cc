import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import MembershipRole, OrganisationInvitation, OrganisationMembership
from tests.factories import OrganisationFactory, UserFactory
from tests.helpers import query_counts


def test_anyone_sees_the_public_profile(client, organisation):
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    assert organisation.name in response.content.decode()
    assert reverse("organisations:edit", args=[organisation.slug]) not in response.content.decode()


def test_member_sees_the_edit_link(client, organisation, colleague):
    client.force_login(colleague)
    response = client.get(organisation.get_absolute_url())
    assert reverse("organisations:edit", args=[organisation.slug]) in response.content.decode()


@pytest.mark.parametrize("view", ["organisations:edit", "organisations:members"])
def test_non_members_get_404_for_the_organisations_private_pages(
    client, organisation, outsider, view
):
    client.force_login(outsider)
    assert client.get(reverse(view, args=[organisation.slug])).status_code == 404


def test_anonymous_visitors_are_sent_to_login_for_private_pages(client, organisation):
    response = client.get(reverse("organisations:edit", args=[organisation.slug]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_plain_member_may_edit_but_not_manage_members(client, organisation, colleague):
    client.force_login(colleague)
    assert client.get(reverse("organisations:edit", args=[organisation.slug])).status_code == 200
    assert client.get(reverse("organisations:members", args=[organisation.slug])).status_code == 404


def test_member_edits_the_profile(client, organisation, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("organisations:edit", args=[organisation.slug]),
        {
            "name": "Kaffe og Kompetencer ApS",
            "cvr": organisation.cvr,
            "legal_form": "aps",
            "purpose": "Ny formulering af formålet.",
            "website": "https://example.org",
            "email": "",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.purpose == "Ny formulering af formålet."


def test_script_in_fields_is_escaped(client, organisation, entrepreneur):
    organisation.purpose = "<script>alert(1)</script>"
    organisation.save()
    content = client.get(organisation.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_invitation_is_sent_by_email_and_accepted_by_the_invited_address(
    client, organisation, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:members", args=[organisation.slug]),
            {"email": "New.Person@Example.org"},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["new.person@example.org"]
    assert organisation.name in message.subject
    link = re.search(r"https?://\S+/invitation/\S+/", message.body).group(0)

    invited = UserFactory(email="new.person@example.org")
    client.force_login(invited)
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert OrganisationMembership.objects.filter(
        organisation=organisation, user=invited, role=MembershipRole.MEMBER
    ).exists()
    # A used invitation cannot be used again.
    second = client.post(link)
    assert "ikke længere gyldig" in second.content.decode()


def test_someone_with_an_account_is_invited_in_their_own_language(
    client, organisation, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="english.reader@example.org", language="en")
    client.force_login(entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("organisations:members", args=[organisation.slug]),
            {"email": "english.reader@example.org"},
        )
    message = mailoutbox[-1]
    assert "/en/" in re.search(r"https?://\S+/invitation/\S+/", message.body).group(0)
    assert message.subject.startswith("Invitation to join")


def test_invitation_cannot_be_accepted_by_another_account(
    client, organisation, entrepreneur, outsider
):
    invitation = OrganisationInvitation.objects.create(
        organisation=organisation, email="someone@example.org", invited_by=entrepreneur
    )
    client.force_login(outsider)
    response = client.post(reverse("organisations:invitation", args=[invitation.token]))
    assert response.status_code == 200
    assert not OrganisationMembership.objects.filter(user=outsider).exists()


def test_expired_invitation_is_refused(client, organisation, entrepreneur):
    invitation = OrganisationInvitation.objects.create(
        organisation=organisation,
        email="late@example.org",
        invited_by=entrepreneur,
        created_at=timezone.now() - timedelta(days=15),
    )
    late = UserFactory(email="late@example.org")
    client.force_login(late)
    client.post(reverse("organisations:invitation", args=[invitation.token]))
    assert not OrganisationMembership.objects.filter(user=late).exists()


def test_unknown_invitation_token_is_404(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("organisations:invitation", args=["forged-token"])).status_code == 404


def test_inviting_an_existing_member_gets_a_message_next_to_the_field(
    client, organisation, entrepreneur, colleague
):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("organisations:members", args=[organisation.slug]), {"email": colleague.email}
    )
    assert response.status_code == 200
    assert "allerede medlem" in response.content.decode()


def test_invitations_are_rate_limited(client, organisation, entrepreneur, settings):
    settings.PORTAL_RATE_LIMITS = {"organisation_invite": (2, 3600)}
    client.force_login(entrepreneur)
    url = reverse("organisations:members", args=[organisation.slug])
    for n in range(2):
        assert client.post(url, {"email": f"p{n}@example.org"}).status_code == 302
    response = client.post(url, {"email": "p3@example.org"})
    assert response.status_code == 200
    assert OrganisationInvitation.objects.count() == 2


def test_the_last_administrator_cannot_be_removed(client, organisation, entrepreneur):
    client.force_login(entrepreneur)
    membership = organisation.memberships.get(user=entrepreneur)
    client.post(reverse("organisations:membership_remove", args=[organisation.slug, membership.pk]))
    assert organisation.memberships.filter(user=entrepreneur).exists()


def test_administrator_removes_a_member(client, organisation, entrepreneur, colleague):
    client.force_login(entrepreneur)
    membership = organisation.memberships.get(user=colleague)
    client.post(reverse("organisations:membership_remove", args=[organisation.slug, membership.pk]))
    assert not organisation.memberships.filter(user=colleague).exists()


def test_membership_of_another_organisation_cannot_be_removed_through_this_one(
    client, organisation, entrepreneur
):
    other = OrganisationFactory()
    stranger_membership = OrganisationMembership.objects.create(
        organisation=other, user=UserFactory()
    )
    client.force_login(entrepreneur)
    response = client.post(
        reverse("organisations:membership_remove", args=[organisation.slug, stranger_membership.pk])
    )
    assert response.status_code == 404
    assert OrganisationMembership.objects.filter(pk=stranger_membership.pk).exists()


def test_list_query_count_does_not_grow(client, db):
    def organisations(n):
        for _ in range(n):
            OrganisationFactory()

    # Two sizes that both fill more than one page (a single page needs no separate count).
    small, large = query_counts(client, reverse("organisations:list"), organisations, (30, 60))
    assert small == large
    assert (
        large <= 7
    )  # the content versions (read afresh for the count), the choices, the ids, the rows


def test_list_paginates_and_survives_bad_page_numbers(client, db):
    for _ in range(25):
        OrganisationFactory()
    assert client.get(reverse("organisations:list"), {"page": "2"}).status_code == 200
    assert client.get(reverse("organisations:list"), {"page": "9999"}).status_code == 200
    assert client.get(reverse("organisations:list"), {"page": "abc"}).status_code == 200


def test_slugs_are_readable_unique_and_never_shadow_the_apps_own_paths(client, outsider):
    from organisations.services import organisation_register

    first = organisation_register(
        user=outsider,
        data={"name": "Grøn Å", "cvr": "62601817", "legal_form": "aps", "purpose": "x"},
    )
    second = organisation_register(
        user=outsider,
        data={"name": "Grøn Å", "cvr": "69083013", "legal_form": "aps", "purpose": "x"},
    )
    reserved = organisation_register(
        user=outsider, data={"name": "Ny", "cvr": "76131864", "legal_form": "aps", "purpose": "x"}
    )
    assert first.slug == "groen-aa"
    assert second.slug == "groen-aa-2"
    assert reserved.slug == "ny-2"
    assert client.get(reserved.get_absolute_url()).status_code == 200
