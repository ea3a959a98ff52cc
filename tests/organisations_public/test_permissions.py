"""Who may do what on the public side of an organisation: one right status per case."""

import pytest
from django.urls import reverse

from organisations import rules
from organisations.models import MembershipRole, OrganisationMembership
from tests.factories import OrganisationFactory, UserFactory, member_of


@pytest.fixture
def other_member(db):
    return member_of(OrganisationFactory(), UserFactory(email="other@example.org"))


def toggle(client, organisation, shown="1"):
    return client.post(
        reverse("organisations:public_contact", args=[organisation.slug]), {"shown": shown}
    )


PEOPLE = ["entrepreneur", "colleague", "other_member", "civil_servant_bif", "administrator"]


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("entrepreneur", 302),
        ("colleague", 302),
        ("other_member", 404),
        ("civil_servant_bif", 404),
        ("administrator", 404),
    ],
)
def test_only_members_choose_to_be_shown(request, client, organisation, person, status):
    user = request.getfixturevalue(person)
    client.force_login(user)
    assert toggle(client, organisation).status_code == status
    shown = OrganisationMembership.objects.filter(organisation=organisation, is_public_contact=True)
    assert [m.user for m in shown] == ([user] if status == 302 else [])


def test_a_visitor_is_sent_to_log_in(client, organisation):
    response = toggle(client, organisation)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_choice_can_only_be_made_with_post(client, organisation, entrepreneur):
    client.force_login(entrepreneur)
    response = client.get(reverse("organisations:public_contact", args=[organisation.slug]))
    assert response.status_code == 405


def test_a_member_sets_only_their_own_choice(client, organisation, entrepreneur, colleague):
    client.force_login(colleague)
    toggle(client, organisation)
    assert list(rules.public_contacts(organisation).values_list("user__email", flat=True)) == [
        colleague.email
    ]


@pytest.mark.parametrize("person", [None, *PEOPLE])
def test_everyone_sees_the_profile_and_the_contact_form(request, client, organisation, person):
    member_of(organisation, UserFactory(), MembershipRole.ADMIN)
    if person:
        client.force_login(request.getfixturevalue(person))
    assert client.get(organisation.get_absolute_url()).status_code == 200
    assert client.get(reverse("organisations:contact", args=[organisation.slug])).status_code == 200


def test_an_unknown_organisation_is_404(client, db):
    assert client.get(reverse("organisations:detail", args=["findes-ikke"])).status_code == 404
    assert client.get(reverse("organisations:contact", args=["findes-ikke"])).status_code == 404


def test_only_the_member_changes_the_choice_in_the_service(organisation, entrepreneur, colleague):
    from django.core.exceptions import ValidationError

    from organisations import services

    membership = OrganisationMembership.objects.get(user=colleague)
    with pytest.raises(ValidationError):
        services.membership_set_public_contact(
            membership=membership, actor=entrepreneur, shown=True
        )
