"""Attachments of pool applications: uploaded with the application form, checked by
content and size, never public, served only to the applicant, the pool's secretary and,
for an application that goes to the council, the council without a conflict of interest."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from advisory import pool_rules
from advisory import services as council_services
from advisory.models import Application, LocalPoolSecretary, ProposalAttachment
from portal.models import Administration, LocalCommitteeArea, Role
from tests.factories import UserFactory, civil_servant, with_role, with_totp
from tests.pool.conftest import KR, fund

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _form(pool, amount, organisation=None, **extra):
    data = {
        "pool": pool.pk,
        "title": f"Værksted {amount}",
        "what": "Et værksted for unge",
        "why": "Flere unge i job",
        "expected_effect": "40 unge i job",
        "administrations": [Administration.objects.get(code="BIF").pk],
        "amount": f"{amount:_}".replace("_", "."),
        "budget": f"Løn; {amount:_}".replace("_", "."),
        "period_start": "1-3-2026",
        "period_end": "31-12-2026",
        "impacts": "Unge i job; 40; personer",
        "attachments": SimpleUploadedFile("budget.pdf", PDF, content_type="application/pdf"),
    }
    if organisation is not None:
        data["organisation"] = organisation.pk
    data.update(extra)
    return data


def _apply(client, pool, amount, organisation=None, **extra):
    return client.post(reverse("pool:apply"), _form(pool, amount, organisation, **extra))


@pytest.fixture
def funded(city_pool, pool_secretary):
    fund(city_pool, pool_secretary, 1_000_000 * KR)
    return city_pool


def test_an_application_keeps_its_organisation_impacts_and_attachment(
    client_for, funded, entrepreneur, organisation
):
    response = _apply(client_for(entrepreneur), funded, 30_000, organisation)
    assert response.status_code == 302, response.context and response.context["form"].errors
    application = Application.objects.get()
    assert application.proposal.organisation == organisation
    assert [(i.label, int(i.figure), i.unit) for i in application.expected_impacts.all()] == [
        ("Unge i job", 40, "personer")
    ]
    attachment = application.proposal.attachments.get()
    assert attachment.original_name == "budget.pdf"
    assert not attachment.file.name.endswith("budget.pdf")  # an opaque stored name


def test_another_organisation_cannot_be_named(client_for, funded, outsider, organisation):
    response = _apply(client_for(outsider), funded, 30_000, organisation)
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "size_error"),
    [
        (b"MZ\x90\x00 an executable", "budget.pdf", False),
        (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "budget.pdf", False),
        (PDF + b"0" * (20 * 1024 * 1024), "budget.pdf", True),
    ],
)
def test_files_that_are_not_what_they_say_or_too_large_are_refused(
    client_for, funded, entrepreneur, content, name, size_error
):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = _apply(client_for(entrepreneur), funded, 30_000, attachments=upload)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["attachments"])
    assert bool(re.search(r"10([,.]0)?\s?MB", errors)) == size_error, errors
    assert "Værksted 30000" in response.text  # the rest is kept
    assert not ProposalAttachment.objects.exists()


def test_bad_impact_lines_get_a_message(client_for, funded, entrepreneur):
    client = client_for(entrepreneur)
    for impacts in ("Unge; mange; personer", "Unge i job", "Unge; 4\x000; personer"):
        response = _apply(client, funded, 30_000, impacts=impacts)
        assert response.status_code == 400
        assert "impacts" in response.context["form"].errors
    assert not Application.objects.exists()


# Who may open an application's attachment.

PERSONAS = [
    "visitor",
    "applicant",
    "colleague",
    "entrepreneur",
    "member",
    "conflicted_member",
    "city_secretary",
    "local_secretary",
    "civil_servant",
    "administrator",
]


@pytest.fixture
def people(entrepreneur, colleague, outsider, council_member, pool_secretary, civil_servant_bif):
    local = with_totp(civil_servant("TMF", email="valby.pool@example.org"))
    LocalPoolSecretary.objects.create(user=local, area=LocalCommitteeArea.objects.last())
    return {
        "visitor": None,
        "applicant": entrepreneur,
        "colleague": colleague,
        "entrepreneur": outsider,
        "member": council_member,
        "conflicted_member": with_totp(with_role(UserFactory(), Role.COUNCIL_MEMBER)),
        "city_secretary": pool_secretary,
        "local_secretary": local,
        "civil_servant": civil_servant_bif,
        "administrator": with_totp(with_role(UserFactory(), Role.ADMINISTRATOR)),
    }


@pytest.fixture
def applications(client_for, funded, people, organisation):
    client = client_for(people["applicant"])
    assert _apply(client, funded, 30_000, organisation).status_code == 302
    assert _apply(client, funded, 200_000, organisation).status_code == 302
    fast, council = Application.objects.order_by("amount")
    secretary = people["city_secretary"]
    proposal = council_services.proposal_accept_for_review(
        proposal=council.proposal, actor=secretary
    )
    council_services.conflict_declare(
        proposal=proposal, actor=people["conflicted_member"], reason="Min egen virksomhed"
    )
    return {"fast": fast, "council": Application.objects.get(pk=council.pk)}


OPENS = {"applicant", "colleague", "city_secretary"}
# Council-route applications: the council's members without a conflict too.
OPENS_COUNCIL = OPENS | {"member"}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("route", ["fast", "council"])
def test_who_opens_an_applications_attachment(client, people, applications, persona, route):
    application = applications[route]
    attachment = application.proposal.attachments.get()
    user = people[persona]
    client.logout()  # the fixture applied through this client
    if user is not None:
        client.force_login(user)
    allowed = persona in (OPENS_COUNCIL if route == "council" else OPENS)
    url = reverse("pool:application_attachment", args=[application.pk, attachment.pk])
    response = client.get(url)
    expected = 302 if persona == "visitor" else (200 if allowed else 404)
    assert response.status_code == expected, (persona, route)
    if expected == 200:
        assert b"".join(response.streaming_content) == PDF
        assert (
            response["Cache-Control"] == "no-store, private"
            or "no-store" in response["Cache-Control"]
        )
    if user is not None:
        assert pool_rules.can_see_application_attachments(user, application) == allowed
    # The council's own attachment URL follows the same rule where the page is the council's.
    council_url = reverse("advisory:attachment", args=[application.proposal_id, attachment.pk])
    if persona in ("member", "conflicted_member", "applicant"):
        assert (client.get(council_url).status_code == 200) == allowed


def test_the_grant_page_never_links_an_applications_attachment(
    client, applications, pool_secretary
):
    from tests.pool.conftest import award

    grant = award(applications["fast"], pool_secretary)
    page = client.get(reverse("pool:grant", args=[grant.pk])).text
    assert "budget.pdf" not in page
    assert "/bilag/" not in page


def test_a_forged_attachment_id_is_not_found(client_for, people, applications):
    fast, council = applications["fast"], applications["council"]
    other = council.proposal.attachments.get()
    client = client_for(people["applicant"])
    url = reverse("pool:application_attachment", args=[fast.pk, other.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("pool:application_attachment", args=[999_999, 1])).status_code == 404
