"""Responses to challenges: submitting, uploads, permissions, the dialogue and its e-mails.

Pages are read in English (the source strings), so these tests hold before and after the
Danish catalogue is updated.
"""

from datetime import timedelta

import html5lib
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from challenges import services
from challenges.models import Challenge, Response, ResponseMessage, ResponseStatus, Status
from organisations.models import MembershipRole
from tests.challenge_helpers import PDF, make_challenge, pdf, response_in, submit
from tests.factories import OrganisationFactory, UserFactory, civil_servant, member_of, with_totp
from tests.helpers import query_counts


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def html_of(email) -> str:
    return next(content for content, mimetype in email.alternatives if mimetype == "text/html")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def civil_servant_sof(db):
    return with_totp(civil_servant("SOF", email="sof@example.org"))


@pytest.fixture
def challenge(civil_servant_bif, civil_servant_sof):
    return make_challenge(civil_servant_bif, co_owners=["SOF"])


@pytest.fixture
def other_member(db):
    other = OrganisationFactory(name="Anden Virksomhed ApS")
    return member_of(other, UserFactory(email="other.member@example.org"))


class TestSubmitting:
    def test_submitting_stores_the_response_and_emails_the_contact_person(
        self,
        client,
        entrepreneur,
        organisation,
        challenge,
        civil_servant_bif,
        mailoutbox,
        django_capture_on_commit_callbacks,
        media_root,
    ):
        client.force_login(entrepreneur)
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(
                en("challenges:respond", challenge.pk),
                {"message": "Vi kan drive kantinen.", "offer": "Kantinedrift", "attachment": pdf()},
            )
        response = Response.objects.get()
        assert page.status_code == 302
        assert page["Location"] == en("challenges:response", response.pk)
        assert (response.organisation, response.submitted_by) == (organisation, entrepreneur)
        assert response.status == ResponseStatus.SUBMITTED
        assert response.offer == "Kantinedrift"
        assert response.attachment_name == "Vores tilbud.pdf"
        assert "Vores" not in response.attachment.name  # an opaque name on disk
        assert len(stored_files(media_root)) == 1
        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == [civil_servant_bif.email]
        assert challenge.title in mailoutbox[0].subject
        # In the contact person's language (Danish), whatever the entrepreneur reads in.
        assert "Læs og tag stilling til svaret" in mailoutbox[0].alternatives[0][0]
        with translation.override("da"):
            link = reverse("challenges:response", args=[response.pk])
        assert f"http://testserver{link}" in mailoutbox[0].body

    def test_the_form_shows_no_organisation_choice_for_a_single_organisation(
        self, client, entrepreneur, challenge
    ):
        client.force_login(entrepreneur)
        form = client.get(en("challenges:respond", challenge.pk)).context["form"]
        assert "organisation" not in form.fields

    def test_a_member_of_two_organisations_chooses(
        self, client, entrepreneur, organisation, challenge
    ):
        second = OrganisationFactory(name="Andet Firma ApS")
        member_of(second, entrepreneur)
        client.force_login(entrepreneur)
        page = client.get(en("challenges:respond", challenge.pk))
        assert set(page.context["form"].fields["organisation"].queryset) == {
            organisation,
            second,
        }
        client.post(
            en("challenges:respond", challenge.pk),
            {"organisation": second.pk, "message": "Fra det andet firma."},
        )
        assert Response.objects.get().organisation == second

    def test_one_cannot_respond_for_an_organisation_one_is_not_a_member_of(
        self, client, entrepreneur, challenge
    ):
        member_of(OrganisationFactory(), entrepreneur)
        stranger = OrganisationFactory(name="Fremmed ApS")
        client.force_login(entrepreneur)
        page = client.post(
            en("challenges:respond", challenge.pk),
            {"organisation": stranger.pk, "message": "Hej"},
        )
        assert page.status_code == 200
        assert "organisation" in page.context["form"].errors
        assert not Response.objects.exists()

    def test_a_second_response_from_the_same_organisation_is_refused(
        self, client, entrepreneur, colleague, organisation, challenge
    ):
        first = submit(entrepreneur, challenge, organisation)
        client.force_login(colleague)
        for page in [
            client.get(en("challenges:respond", challenge.pk)),
            client.post(en("challenges:respond", challenge.pk), {"message": "Igen"}),
        ]:
            assert page.status_code == 200
            content = page.content.decode()
            assert "Your organisation has already responded" in content
            assert en("challenges:response", first.pk) in content
        assert Response.objects.count() == 1
        with pytest.raises(ValidationError):
            submit(colleague, challenge, organisation)

    @pytest.mark.parametrize("how", ["closed", "deadline_passed"])
    def test_a_closed_challenge_refuses_responses(
        self, client, entrepreneur, organisation, challenge, civil_servant_bif, how
    ):
        if how == "closed":
            services.challenge_close(user=civil_servant_bif, challenge=challenge)
        else:
            Challenge.objects.filter(pk=challenge.pk).update(
                deadline=timezone.localdate() - timedelta(days=1)
            )
        client.force_login(entrepreneur)
        for page in [
            client.get(en("challenges:respond", challenge.pk)),
            client.post(en("challenges:respond", challenge.pk), {"message": "For sent"}),
        ]:
            assert page.status_code == 200
            assert "The challenge is closed for responses" in page.content.decode()
        assert not Response.objects.exists()
        challenge.refresh_from_db()
        with pytest.raises(ValidationError):
            submit(entrepreneur, challenge, organisation)

    def test_a_user_without_organisation_is_told_to_register_one(self, client, outsider, challenge):
        client.force_login(outsider)
        for page in [
            client.get(en("challenges:respond", challenge.pk)),
            client.post(en("challenges:respond", challenge.pk), {"message": "Hej"}),
        ]:
            assert page.status_code == 200
            content = page.content.decode()
            assert "Register an organisation first" in content
            assert en("organisations:create") in content
        assert not Response.objects.exists()

    def test_a_visitor_is_sent_to_log_in(self, client, challenge):
        page = client.get(reverse("challenges:respond", args=[challenge.pk]))
        assert page.status_code == 302
        assert reverse("account_login") in page["Location"]

    def test_a_draft_challenge_cannot_be_responded_to(
        self, client, entrepreneur, civil_servant_bif
    ):
        draft = make_challenge(civil_servant_bif, status=Status.DRAFT)
        client.force_login(entrepreneur)
        assert client.get(en("challenges:respond", draft.pk)).status_code == 404

    @pytest.mark.parametrize(
        ("upload", "message"),
        [
            (SimpleUploadedFile("tilbud.pdf", b"MZ\x90\x00" + b"\x00" * 200), "file type"),
            (SimpleUploadedFile("billede.png", b"<html><script>x</script></html>"), "file type"),
            (SimpleUploadedFile("tom.pdf", b""), "empty"),
            (SimpleUploadedFile("stor.pdf", PDF + b"0" * (11 * 1024 * 1024)), "at most"),
        ],
        ids=["exe-as-pdf", "html-as-png", "empty", "11-MB"],
    )
    def test_bad_files_get_a_message_next_to_the_field_and_nothing_is_stored(
        self, client, entrepreneur, challenge, media_root, mailoutbox, upload, message
    ):
        client.force_login(entrepreneur)
        page = client.post(
            en("challenges:respond", challenge.pk),
            {"message": "Min besked bevares", "offer": "Mit tilbud", "attachment": upload},
        )
        assert page.status_code == 200
        errors = page.context["form"].errors
        assert list(errors) == ["attachment"]
        assert message in errors["attachment"][0]
        content = page.content.decode()
        assert 'id="id_attachment_error"' in content
        assert "Min besked bevares" in content and "Mit tilbud" in content
        assert not Response.objects.exists()
        assert stored_files(media_root) == []
        assert mailoutbox == []

    def test_the_service_checks_the_file_too(self, entrepreneur, organisation, challenge):
        with pytest.raises(ValidationError):
            submit(entrepreneur, challenge, organisation, attachment=pdf("x.exe", b"MZ\x90"))
        assert not Response.objects.exists()

    def test_a_missing_message_keeps_the_offer(self, client, entrepreneur, challenge):
        client.force_login(entrepreneur)
        page = client.post(en("challenges:respond", challenge.pk), {"offer": "Mit tilbud"})
        assert "message" in page.context["form"].errors
        assert "Mit tilbud" in page.content.decode()

    def test_script_is_escaped_on_the_page_and_in_the_email(
        self,
        client,
        entrepreneur,
        organisation,
        challenge,
        civil_servant_bif,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        evil = "<script>alert(1)</script>"
        with django_capture_on_commit_callbacks(execute=True):
            response = submit(entrepreneur, challenge, organisation, message=evil, offer=evil)
        client.force_login(civil_servant_bif)
        for url in [en("challenges:response", response.pk), challenge.get_absolute_url()]:
            content = client.get(url).content.decode()
            assert evil not in content
        assert (
            "&lt;script&gt;alert(1)&lt;/script&gt;"
            in client.get(en("challenges:response", response.pk)).content.decode()
        )
        html = html_of(mailoutbox[0])
        assert evil not in html
        assert "&lt;script&gt;" in html
        assert evil in mailoutbox[0].body  # the plain-text part is not HTML


# The permission matrix


PERSONAS = [
    "visitor",
    "member",
    "other_member",
    "owner",
    "co_owner",
    "other_administration",
    "contact_officer",
    "council_member",
]
MANAGERS = {"owner", "co_owner"}
VIEWERS = MANAGERS | {"member"}
STAFF_WITHOUT_ACCESS = {"other_administration", "contact_officer", "council_member"}


@pytest.fixture
def people(
    entrepreneur,
    other_member,
    civil_servant_bif,
    civil_servant_sof,
    civil_servant_tmf,
    contact_officer,
    council_member,
):
    return {
        "visitor": None,
        "member": entrepreneur,
        "other_member": other_member,
        "owner": civil_servant_bif,
        "co_owner": civil_servant_sof,
        "other_administration": civil_servant_tmf,
        "contact_officer": contact_officer,
        "council_member": council_member,
    }


def _response_in(status, challenge, entrepreneur, organisation):
    return response_in(status, challenge, entrepreneur, organisation, attachment=pdf())


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(ResponseStatus))
def test_permission_matrix_for_viewing_and_downloading(
    client, people, challenge, organisation, persona, status
):
    response = _response_in(status, challenge, people["member"], organisation)
    if people[persona] is not None:
        client.force_login(people[persona])
    for url in [
        reverse("challenges:response", args=[response.pk]),
        reverse("challenges:response_attachment", args=[response.pk]),
    ]:
        page = client.get(url)
        if persona == "visitor":
            assert page.status_code == 302
            assert reverse("account_login") in page["Location"]
        else:
            assert page.status_code == (200 if persona in VIEWERS else 404), url


OWNER_DECISIONS = ["shortlisted", "in_dialogue", "accepted", "declined"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(ResponseStatus))
@pytest.mark.parametrize("target", OWNER_DECISIONS)
def test_permission_matrix_for_deciding(
    client, people, challenge, organisation, persona, status, target
):
    response = _response_in(status, challenge, people["member"], organisation)
    if people[persona] is not None:
        client.force_login(people[persona])
    page = client.post(
        reverse("challenges:response_transition", args=[response.pk]),
        {"to": target, "message": "Besked", "confirmed": "yes"},
    )
    response.refresh_from_db()
    if persona in MANAGERS:
        assert page.status_code == 302
        legal = target in RESPONSE_TARGETS[status]
        assert response.status == (target if legal else status)
        assert ResponseMessage.objects.filter(response=response).exists() == legal
    else:
        assert response.status == status
        assert not ResponseMessage.objects.exists()
        if persona == "visitor":
            assert page.status_code == 302
            assert reverse("account_login") in page["Location"]
        elif persona in {"member", "other_member"}:
            assert page.status_code == 403  # not civil servants at all
        else:
            assert page.status_code == 404  # staff who may not see the response


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(ResponseStatus))
def test_permission_matrix_for_withdrawing(
    client, people, challenge, organisation, persona, status
):
    response = _response_in(status, challenge, people["member"], organisation)
    if people[persona] is not None:
        client.force_login(people[persona])
    url = reverse("challenges:response_withdraw", args=[response.pk])
    page = client.post(url, {"message": "Vi trækker os", "confirmed": "yes"})
    response.refresh_from_db()
    withdrawn = status == ResponseStatus.SUBMITTED and persona == "member"
    assert response.status == (ResponseStatus.WITHDRAWN if withdrawn else status)
    if persona == "visitor":
        assert page.status_code == 302
        assert reverse("account_login") in page["Location"]
    elif persona == "member":
        assert page.status_code == 302
        assert page["Location"] == response.get_absolute_url()
    elif persona in MANAGERS:
        assert page.status_code == 403  # they see the response but it is not theirs to withdraw
    else:
        assert page.status_code == 404
    # The owners cannot withdraw through their own decision form either.
    if persona in MANAGERS:
        page = client.post(
            reverse("challenges:response_transition", args=[response.pk]),
            {"to": "withdrawn", "confirmed": "yes"},
        )
        assert page.status_code == 403
        response.refresh_from_db()
        assert response.status == status


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(ResponseStatus))
def test_permission_matrix_for_editing(client, people, challenge, organisation, persona, status):
    response = _response_in(status, challenge, people["member"], organisation)
    if people[persona] is not None:
        client.force_login(people[persona])
    url = reverse("challenges:response_edit", args=[response.pk])
    page = client.post(url, {"message": "Ny tekst", "offer": "Nyt tilbud"})
    response.refresh_from_db()
    edited = status == ResponseStatus.SUBMITTED and persona == "member"
    assert (response.message == "Ny tekst") == edited
    if persona == "visitor":
        assert page.status_code == 302
        assert reverse("account_login") in page["Location"]
    elif persona == "member":
        assert page.status_code == 302  # saved, or told that it can no longer be changed
        assert page["Location"] == response.get_absolute_url()
        assert client.get(url).status_code == (200 if edited else 302)
    elif persona in MANAGERS:
        assert page.status_code == 403
    else:
        assert page.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(ResponseStatus))
def test_permission_matrix_for_posting_a_message(
    client, people, challenge, organisation, persona, status
):
    response = _response_in(status, challenge, people["member"], organisation)
    if people[persona] is not None:
        client.force_login(people[persona])
    page = client.post(reverse("challenges:response_message", args=[response.pk]), {"body": "Hej"})
    created = ResponseMessage.objects.filter(response=response, body="Hej").exists()
    if persona == "visitor":
        assert reverse("account_login") in page["Location"]
        assert not created
    elif persona in VIEWERS:
        assert page.status_code == 302
        assert created == (status in MESSAGE_STATUSES)
    else:
        assert page.status_code == 404
        assert not created


RESPONSE_TARGETS = {
    ResponseStatus.SUBMITTED: {"shortlisted", "in_dialogue", "accepted", "declined"},
    ResponseStatus.SHORTLISTED: {"in_dialogue", "accepted", "declined"},
    ResponseStatus.IN_DIALOGUE: {"accepted", "declined"},
    ResponseStatus.ACCEPTED: set(),
    ResponseStatus.DECLINED: set(),
    ResponseStatus.WITHDRAWN: set(),
}
# Both sides write while the response is open and after it is accepted.
MESSAGE_STATUSES = {"submitted", "shortlisted", "in_dialogue", "accepted"}


def test_staff_without_two_factor_cannot_decide(
    client, civil_servant_without_totp, challenge, entrepreneur, organisation
):
    response = submit(entrepreneur, challenge, organisation)
    client.force_login(civil_servant_without_totp)
    page = client.post(
        reverse("challenges:response_transition", args=[response.pk]), {"to": "shortlisted"}
    )
    assert page.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED


# Transitions and the dialogue


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (ResponseStatus.DECLINED, ResponseStatus.ACCEPTED),
        (ResponseStatus.ACCEPTED, ResponseStatus.DECLINED),
        (ResponseStatus.IN_DIALOGUE, ResponseStatus.SHORTLISTED),
        (ResponseStatus.SHORTLISTED, ResponseStatus.SUBMITTED),
        (ResponseStatus.SUBMITTED, "bogus"),
    ],
)
def test_illegal_transitions_are_refused(
    client, civil_servant_bif, challenge, entrepreneur, organisation, start, target
):
    response = _response_in(start, challenge, entrepreneur, organisation)
    with pytest.raises(ValidationError):
        services.response_change_status(
            user=civil_servant_bif, response=response, to_status=target, message=""
        )
    client.force_login(civil_servant_bif)
    page = client.post(
        en("challenges:response_transition", response.pk), {"to": target}, follow=True
    )
    assert "A response cannot go from" in page.content.decode()
    response.refresh_from_db()
    assert response.status == start
    assert not ResponseMessage.objects.exists()


def test_only_managers_may_change_the_status_through_the_service(
    civil_servant_tmf, challenge, entrepreneur, organisation
):
    from django.core.exceptions import PermissionDenied

    response = submit(entrepreneur, challenge, organisation)
    with pytest.raises(PermissionDenied):
        services.response_change_status(
            user=civil_servant_tmf, response=response, to_status="shortlisted", message=""
        )


def test_the_whole_flow_from_shortlist_through_dialogue_to_accepted(
    client,
    challenge,
    civil_servant_bif,
    civil_servant_sof,
    entrepreneur,
    organisation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(entrepreneur, challenge, organisation)
    assert [m.to for m in mailoutbox] == [[civil_servant_bif.email]]
    url = en("challenges:response", response.pk)

    def post_as(user, name, data):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(en(name, response.pk), data)
        assert page.status_code == 302, page.content.decode()[:500]
        response.refresh_from_db()
        return mailoutbox[-1]

    email = post_as(civil_servant_sof, "challenges:response_transition", {"to": "shortlisted"})
    assert response.status == ResponseStatus.SHORTLISTED
    assert email.to == [entrepreneur.email]

    # The organisation may write before the owners open a dialogue.
    email = post_as(entrepreneur, "challenges:response_message", {"body": "Vi er klar."})
    assert email.to == [civil_servant_bif.email]

    email = post_as(
        civil_servant_bif,
        "challenges:response_transition",
        {"to": "in_dialogue", "message": "Kan I starte i maj?"},
    )
    assert response.status == ResponseStatus.IN_DIALOGUE
    assert email.to == [entrepreneur.email]
    assert "Kan I starte i maj?" in email.body

    email = post_as(entrepreneur, "challenges:response_message", {"body": "Ja, den 1. maj."})
    assert email.to == [civil_servant_bif.email]  # the contact person
    assert "Ja, den 1. maj." in email.body and url in email.body

    email = post_as(civil_servant_sof, "challenges:response_message", {"body": "Fint, tak."})
    assert email.to == [entrepreneur.email]  # the submitter

    # Accepting asks first: the first press changes nothing and sends nothing.
    before = len(mailoutbox)
    client.force_login(civil_servant_bif)
    page = client.post(en("challenges:response_transition", response.pk), {"to": "accepted"})
    assert page.status_code == 200
    assert "Yes, accept the response" in page.content.decode()
    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_DIALOGUE and len(mailoutbox) == before
    email = post_as(
        civil_servant_bif,
        "challenges:response_transition",
        {"to": "accepted", "message": "", "confirmed": "yes"},
    )
    assert response.status == ResponseStatus.ACCEPTED
    assert email.to == [entrepreneur.email]
    challenge.refresh_from_db()
    assert challenge.status == Status.PUBLISHED  # accepting leaves the challenge alone

    # Both sides go on writing after the acceptance.
    email = post_as(entrepreneur, "challenges:response_message", {"body": "Tak! Vi går i gang."})
    assert email.to == [civil_servant_bif.email]
    email = post_as(civil_servant_sof, "challenges:response_message", {"body": "Velkommen."})
    assert email.to == [entrepreneur.email]

    thread = list(response.messages.values_list("to_status", "body"))
    assert thread == [
        ("shortlisted", ""),
        ("", "Vi er klar."),
        ("in_dialogue", "Kan I starte i maj?"),
        ("", "Ja, den 1. maj."),
        ("", "Fint, tak."),
        ("accepted", ""),
        ("", "Tak! Vi går i gang."),
        ("", "Velkommen."),
    ]
    history = list(response.events.values_list("kind", "from_status", "to_status"))
    assert history == [
        ("submitted", "", ""),
        ("status", "submitted", "shortlisted"),
        ("status", "shortlisted", "in_dialogue"),
        ("status", "in_dialogue", "accepted"),
    ]
    client.force_login(entrepreneur)
    content = client.get(url).content.decode()
    assert "Accepted" in content and "Ja, den 1. maj." in content and "Velkommen." in content
    assert "Write a message" in content


def test_a_message_with_script_is_escaped_in_page_and_email(
    client,
    challenge,
    civil_servant_bif,
    entrepreneur,
    organisation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    response = _response_in(ResponseStatus.IN_DIALOGUE, challenge, entrepreneur, organisation)
    with django_capture_on_commit_callbacks(execute=True):
        services.response_post_message(
            user=entrepreneur, response=response, body="<script>alert(2)</script>"
        )
    assert "<script>alert(2)" not in html_of(mailoutbox[-1])
    client.force_login(civil_servant_bif)
    assert (
        "<script>alert(2)"
        not in client.get(en("challenges:response", response.pk)).content.decode()
    )


def test_an_empty_or_too_long_message_is_refused_with_a_message(
    client, challenge, entrepreneur, organisation
):
    response = _response_in(ResponseStatus.IN_DIALOGUE, challenge, entrepreneur, organisation)
    client.force_login(entrepreneur)
    for body in ["", "x" * 5001]:
        page = client.post(en("challenges:response_message", response.pk), {"body": body})
        assert page.status_code == 200
        assert "body" in page.context["message_form"].errors
    assert not ResponseMessage.objects.exists()


def test_messages_are_rate_limited_and_the_text_is_kept(
    client, settings, challenge, entrepreneur, organisation
):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "response_message": (1, 3600)}
    response = _response_in(ResponseStatus.IN_DIALOGUE, challenge, entrepreneur, organisation)
    client.force_login(entrepreneur)
    url = en("challenges:response_message", response.pk)
    assert client.post(url, {"body": "Første besked"}).status_code == 302
    page = client.post(url, {"body": "Anden besked"})
    assert page.status_code == 200
    assert page.context["message_form"].non_field_errors()
    assert "Anden besked" in page.content.decode()
    assert list(ResponseMessage.objects.values_list("body", flat=True)) == ["Første besked"]


# My responses, the detail page's links, downloads, query counts


def test_my_responses_lists_the_organisations_responses_and_not_others(
    client, civil_servant_bif, entrepreneur, colleague, organisation, other_member
):
    ours = make_challenge(civil_servant_bif, title="Vores udfordring")
    theirs = make_challenge(civil_servant_bif, title="Deres udfordring")
    submit(entrepreneur, ours, organisation)
    submit(other_member, theirs, other_member.organisation_memberships.get().organisation)
    client.force_login(colleague)  # a colleague sees the organisation's responses too
    content = client.get(en("challenges:my_responses")).content.decode()
    assert "Vores udfordring" in content and "Deres udfordring" not in content
    assert "Submitted" in content


def test_my_responses_has_an_empty_state(client, entrepreneur, outsider):
    client.force_login(entrepreneur)
    assert (
        "have not responded to any challenges yet"
        in client.get(en("challenges:my_responses")).content.decode()
    )
    client.force_login(outsider)
    content = client.get(en("challenges:my_responses")).content.decode()
    assert en("organisations:create") in content


def test_the_profile_links_to_my_responses_for_members(client, entrepreneur, outsider):
    client.force_login(entrepreneur)
    assert en("challenges:my_responses") in client.get(en("portal:profile")).content.decode()
    client.force_login(outsider)
    assert en("challenges:my_responses") not in client.get(en("portal:profile")).content.decode()


def test_the_challenge_page_shows_the_right_way_to_respond(
    client, challenge, civil_servant_bif, entrepreneur, organisation, outsider
):
    respond_url = en("challenges:respond", challenge.pk)
    detail_url = en("challenges:detail", challenge.pk)
    assert respond_url in client.get(detail_url).content.decode()  # visitors: log in first
    client.force_login(entrepreneur)
    assert respond_url in client.get(detail_url).content.decode()
    response = submit(entrepreneur, challenge, organisation)
    content = client.get(detail_url).content.decode()
    assert respond_url not in content
    assert en("challenges:response", response.pk) in content
    client.force_login(civil_servant_bif)
    content = client.get(detail_url).content.decode()
    assert respond_url not in content
    assert en("challenges:response", response.pk) in content
    assert organisation.name in content


def test_my_challenges_counts_responses(client, challenge, civil_servant_bif, entrepreneur):
    organisation = entrepreneur.organisation_memberships.get().organisation
    submit(entrepreneur, challenge, organisation)
    for _n in range(2):
        other = OrganisationFactory()
        submit(member_of(other), challenge, other)
    client.force_login(civil_servant_bif)
    page = client.get(en("challenges:mine"))
    assert [c.response_count for c in page.context["challenges"]] == [3]


def test_the_attachment_downloads_with_its_original_name(
    client, challenge, civil_servant_bif, entrepreneur, organisation
):
    response = submit(entrepreneur, challenge, organisation, attachment=pdf("Tilbud 2025 æøå.pdf"))
    client.force_login(civil_servant_bif)
    download = client.get(en("challenges:response_attachment", response.pk))
    assert download.status_code == 200
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "Tilbud%202025%20%C3%A6%C3%B8%C3%A5.pdf" in disposition
    assert b"".join(download.streaming_content) == PDF
    assert "no-store" in download["Cache-Control"]


def test_a_response_without_attachment_has_no_download(
    client, challenge, entrepreneur, organisation
):
    response = submit(entrepreneur, challenge, organisation)
    client.force_login(entrepreneur)
    assert client.get(en("challenges:response_attachment", response.pk)).status_code == 404


def test_new_pages_are_valid_html(client, challenge, civil_servant_bif, entrepreneur, organisation):
    response = _response_in(ResponseStatus.IN_DIALOGUE, challenge, entrepreneur, organisation)
    services.response_post_message(user=entrepreneur, response=response, body="Hej")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    pages = {
        entrepreneur: [
            en("challenges:response", response.pk),
            en("challenges:my_responses"),
            en("challenges:respond", challenge.pk),
        ],
        civil_servant_bif: [
            en("challenges:response", response.pk),
            challenge.get_absolute_url(),
            en("challenges:mine"),
        ],
    }
    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            page = client.get(url)
            assert page.status_code == 200, url
            parser.parse(page.content)


@pytest.mark.parametrize("reader", ["entrepreneur", "civil_servant_bif"])
def test_response_detail_query_count_is_equal_at_two_sizes(
    client, challenge, civil_servant_bif, entrepreneur, organisation, reader, request
):
    response = _response_in(ResponseStatus.IN_DIALOGUE, challenge, entrepreneur, organisation)
    made = iter(range(1000))

    def grow(n):
        for _ in range(n):
            k = next(made)
            author = entrepreneur if k % 2 else civil_servant_bif
            services.response_post_message(user=author, response=response, body=f"Besked {k}")

    client.force_login(request.getfixturevalue(reader))
    url = en("challenges:response", response.pk)
    small, large = query_counts(client, url, grow, (1, 30))
    assert small == large


@pytest.mark.parametrize("count", [1, 25])
def test_my_responses_query_count_is_constant(
    client, civil_servant_bif, entrepreneur, organisation, count, django_assert_max_num_queries
):
    for n in range(count):
        submit(
            entrepreneur, make_challenge(civil_servant_bif, title=f"Udfordring {n}"), organisation
        )
    client.force_login(entrepreneur)
    with django_assert_max_num_queries(10):
        page = client.get(en("challenges:my_responses"))
    assert len(page.context["responses"]) == count


def test_the_submitter_gone_means_the_profile_administrators_are_emailed(
    challenge,
    civil_servant_bif,
    entrepreneur,
    colleague,
    organisation,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    response = submit(colleague, challenge, organisation)
    organisation.memberships.filter(user=colleague).delete()
    assert organisation.memberships.get().role == MembershipRole.ADMIN
    with django_capture_on_commit_callbacks(execute=True):
        services.response_change_status(
            user=civil_servant_bif, response=response, to_status="declined", message="Nej tak"
        )
    assert mailoutbox[-1].to == [entrepreneur.email]
