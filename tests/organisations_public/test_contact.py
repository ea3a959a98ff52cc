"""'Kontakt organisationen': a message through the outbox to the profile's administrators."""

import pytest
from django.urls import reverse

from organisations.models import MembershipRole
from portal.models import OutgoingEmail
from tests.factories import UserFactory, member_of

MESSAGE = {
    "name": "Sara Sørensen",
    "email": "sara@example.org",
    "message": "Kan I levere frokost til 40 personer i marts?",
}


@pytest.fixture
def admins(organisation):
    danish = member_of(
        organisation, UserFactory(email="admin.da@example.org"), MembershipRole.ADMIN
    )
    english = member_of(
        organisation, UserFactory(email="admin.en@example.org"), MembershipRole.ADMIN
    )
    english.language = "en"
    english.save(update_fields=["language"])
    member_of(organisation, UserFactory(email="plain.member@example.org"), MembershipRole.MEMBER)
    return danish, english


def contact_url(organisation):
    return reverse("organisations:contact", args=[organisation.slug])


def send(client, organisation, **changes):
    return client.post(contact_url(organisation), {**MESSAGE, **changes}, REMOTE_ADDR="10.0.0.1")


def test_reaches_each_administrator_in_their_language_with_reply_to(client, organisation, admins):
    response = send(client, organisation)
    assert response.status_code == 302
    emails = {tuple(e.to): e for e in OutgoingEmail.objects.all()}
    assert set(emails) == {("admin.da@example.org",), ("admin.en@example.org",)}
    danish, english = emails[("admin.da@example.org",)], emails[("admin.en@example.org",)]
    assert danish.reply_to == ["sara@example.org"]
    assert english.reply_to == ["sara@example.org"]
    assert danish.subject == "Besked fra Sara Sørensen gennem portalen"
    assert english.subject == "Message from Sara Sørensen through the portal"
    assert MESSAGE["message"] in danish.body_text
    assert f"/organisationer/{organisation.slug}/" in danish.body_text
    assert f"/en/organisations/{organisation.slug}/" in english.body_text


def test_never_reaches_plain_members_and_never_shows_the_addresses(client, organisation, admins):
    response = send(client, organisation)
    page = client.get(response["Location"]).content.decode()
    assert "Din besked er sendt" in page
    assert "admin.da@example.org" not in page
    assert "admin.en@example.org" not in page
    assert not OutgoingEmail.objects.filter(to__contains=["plain.member@example.org"]).exists()


def test_the_honeypot_sends_nothing_but_looks_the_same(client, organisation, admins):
    response = send(client, organisation, website="http://spam.example")
    assert response.status_code == 302
    assert OutgoingEmail.objects.count() == 0


def test_rate_limited_per_sender(client, organisation, admins, settings):
    settings.PORTAL_RATE_LIMITS = {
        **settings.PORTAL_RATE_LIMITS,
        "organisation_contact_sender": (2, 3600),
    }
    assert send(client, organisation).status_code == 302
    assert send(client, organisation).status_code == 302
    refused = send(client, organisation)
    assert refused.status_code == 429
    assert "Der er sendt mange beskeder herfra" in refused.content.decode()
    assert MESSAGE["message"] in refused.content.decode()  # what they typed is kept
    assert OutgoingEmail.objects.count() == 4  # two messages, two languages each


def test_the_same_sender_from_another_address_is_still_limited(
    client, organisation, admins, settings
):
    settings.PORTAL_RATE_LIMITS = {
        **settings.PORTAL_RATE_LIMITS,
        "organisation_contact_sender": (1, 3600),
    }
    assert send(client, organisation).status_code == 302
    other_network = client.post(contact_url(organisation), MESSAGE, REMOTE_ADDR="10.9.9.9")
    assert other_network.status_code == 429


def test_rate_limited_per_organisation(client, organisation, admins, settings):
    settings.PORTAL_RATE_LIMITS = {
        **settings.PORTAL_RATE_LIMITS,
        "organisation_contact_organisation": (2, 3600),
    }
    for number in range(2):
        response = client.post(
            contact_url(organisation),
            {**MESSAGE, "email": f"sender{number}@example.org"},
            REMOTE_ADDR=f"10.0.1.{number}",
        )
        assert response.status_code == 302
    response = client.post(
        contact_url(organisation),
        {**MESSAGE, "email": "sender9@example.org"},
        REMOTE_ADDR="10.0.1.9",
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("message", "x" * 100_000, "højst have 5000 tegn"),
        ("message", "Hej\x00med dig", "Null-tegn er ikke tilladte."),
        ("name", "Sara\x00", "Null-tegn er ikke tilladte."),
        ("name", "Sara\nBcc: x@example.org", "på én linje"),
        ("email", "ikke-en-adresse", "gyldig e-mail"),
        ("message", "", "Dette felt er påkrævet."),
    ],
)
def test_bad_input_gets_a_message_at_the_field(client, organisation, admins, field, value, message):
    response = send(client, organisation, **{field: value})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert OutgoingEmail.objects.count() == 0
    kept = "Sara Sørensen" if field != "name" else "sara@example.org"
    assert kept in page


def test_an_organisation_without_administrators_says_so(client, organisation):
    response = send(client, organisation)
    assert response.status_code == 200
    assert "kan endnu ikke modtage beskeder" in response.content.decode()
    assert OutgoingEmail.objects.count() == 0


def test_the_form_has_csrf_protection(organisation, admins):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(contact_url(organisation), MESSAGE).status_code == 403
