"""State changes of challenges and their responses. Each checks its rule and writes the
history entry (challenge events, response messages); e-mail goes through the outbox."""

import unicodedata
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges import rules
from challenges.models import (
    RESPONSE_TRANSITIONS,
    TRANSITIONS,
    Challenge,
    ChallengeEvent,
    Response,
    ResponseMessage,
    ResponseStatus,
    Status,
)
from organisations.models import MembershipRole, Organisation, OrganisationMembership
from portal.caching import bump_content_version
from portal.mail import PageLink, send_templated_email_to_users
from portal.models import AdministrationMembership, User
from portal.search import remember_words
from portal.transitions import check_transition
from portal.uploads import validate_document

M2M_FIELDS = ("co_owners", "districts", "sdgs")


def _check_contact_person(challenge: Challenge, co_owner_ids) -> None:
    administrations = {challenge.owner_id, *co_owner_ids}
    if not AdministrationMembership.objects.filter(
        user=challenge.contact_person, administration_id__in=administrations
    ).exists():
        raise ValidationError(
            {
                "contact_person": _(
                    "The contact person must work in the owner administration or a co-owner."
                )
            }
        )


def _sync_filter_arrays(challenge: Challenge) -> None:
    """Refresh the array copies of the owner, co-owners, districts and goals."""
    Challenge.objects.filter(pk=challenge.pk).update(
        administration_ids=sorted(
            {challenge.owner_id, *challenge.co_owners.values_list("pk", flat=True)}
        ),
        district_ids=sorted(challenge.districts.values_list("pk", flat=True)),
        sdg_ids=sorted(challenge.sdgs.values_list("pk", flat=True)),
    )


def _ids(values) -> list[int]:
    return sorted(getattr(v, "pk", v) for v in values)


@transaction.atomic
def challenge_create(*, user, data: dict) -> Challenge:
    relations = {field: data.pop(field, []) for field in M2M_FIELDS}
    challenge = Challenge(**data, created_by=user, status=Status.DRAFT)
    challenge.full_clean(exclude=["search_vector"])
    _check_contact_person(challenge, _ids(relations["co_owners"]))
    challenge.save()
    for field, values in relations.items():
        getattr(challenge, field).set(values)
    _sync_filter_arrays(challenge)
    remember_words(challenge.title, challenge.summary, challenge.description)
    ChallengeEvent.objects.create(challenge=challenge, actor=user, kind=ChallengeEvent.Kind.CREATED)
    bump_content_version("challenges")
    return challenge


@transaction.atomic
def challenge_update(*, user, challenge: Challenge, data: dict) -> Challenge:
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    changed = []
    for field, value in data.items():
        if field in M2M_FIELDS:
            if _ids(getattr(challenge, field).all()) != _ids(value):
                changed.append(field)
        elif getattr(challenge, field) != value:
            changed.append(field)
            setattr(challenge, field, value)
    challenge.full_clean(exclude=["search_vector"])
    co_owners = data.get("co_owners", challenge.co_owners.all())
    _check_contact_person(challenge, _ids(co_owners))
    if not changed:
        return challenge
    challenge.save()
    if {"title", "summary", "description"} & set(changed):
        remember_words(challenge.title, challenge.summary, challenge.description)
    for field in M2M_FIELDS:
        if field in changed:
            getattr(challenge, field).set(data[field])
    if {"owner", *M2M_FIELDS} & set(changed):
        _sync_filter_arrays(challenge)
    ChallengeEvent.objects.create(
        challenge=challenge, actor=user, kind=ChallengeEvent.Kind.EDITED, changed_fields=changed
    )
    bump_content_version("challenges")
    return challenge


@transaction.atomic
def challenge_change_status(*, user, challenge: Challenge, to_status: str) -> Challenge:
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    from_status = check_transition(
        Status,
        TRANSITIONS,
        challenge.status,
        to_status,
        _("A challenge cannot go from %(from)s to %(to)s."),
    )
    if to_status == Status.PUBLISHED and challenge.deadline < timezone.localdate():
        raise ValidationError(
            _("The response deadline has passed. Set a new deadline before publishing."),
            code="deadline_passed",
        )
    challenge.status = to_status
    if to_status == Status.PUBLISHED and challenge.published_at is None:
        challenge.published_at = timezone.now()
    challenge.save(update_fields=["status", "published_at", "updated_at"])
    ChallengeEvent.objects.create(
        challenge=challenge,
        actor=user,
        kind=ChallengeEvent.Kind.STATUS,
        from_status=from_status,
        to_status=to_status,
    )
    bump_content_version("challenges")
    return challenge


def challenge_publish(*, user, challenge):
    return challenge_change_status(user=user, challenge=challenge, to_status=Status.PUBLISHED)


def challenge_close(*, user, challenge):
    return challenge_change_status(user=user, challenge=challenge, to_status=Status.CLOSED)


# Responses
#
# Rules about the state (a closed challenge, a second response, an illegal transition)
# raise ValidationError; acting for someone one may not act for raises PermissionDenied
# (the views' fetch-and-check getters normally stop that earlier).


def _clean_file_name(name: str) -> str:
    """The uploader's file name, for display and download only: no path, no control characters."""
    name = PurePath((name or "").replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    if len(name) > 255:
        suffix = PurePath(name).suffix[:20]
        name = name[: 255 - len(suffix)] + suffix
    return name or "attachment"


def _response_link(response: Response, url_builder) -> PageLink:
    """The response's page, in the language of the e-mail it goes into."""
    return PageLink("challenges:response", [response.pk], url_builder)


def _organisation_recipients(response: Response) -> list:
    """The member who submitted the response; the profile's administrators if they have left."""
    submitter = response.submitted_by
    members = OrganisationMembership.objects.filter(organisation_id=response.organisation_id)
    if submitter is not None and members.filter(user=submitter).exists():
        return [submitter]
    return list(
        User.objects.filter(
            is_active=True,
            organisation_memberships__organisation_id=response.organisation_id,
            organisation_memberships__role=MembershipRole.ADMIN,
        ).order_by("email")
    )


@transaction.atomic
def response_submit(
    *,
    user,
    challenge: Challenge,
    organisation: Organisation,
    message: str,
    offer: str = "",
    attachment=None,
    url_builder=None,
) -> Response:
    """An organisation's answer to an open challenge; e-mails the challenge's contact person."""
    challenge = (
        Challenge.objects.select_for_update().select_related("contact_person").get(pk=challenge.pk)
    )
    if not challenge.is_open_for_responses:
        raise ValidationError(_("This challenge no longer takes responses."), code="closed")
    if not OrganisationMembership.objects.filter(user=user, organisation=organisation).exists():
        raise PermissionDenied
    if Response.objects.filter(challenge=challenge, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s has already responded to this challenge.")
            % {"organisation": organisation.name},
            code="already_responded",
        )
    response = Response(
        challenge=challenge,
        organisation=organisation,
        submitted_by=user,
        message=message.strip(),
        offer=(offer or "").strip(),
    )
    if attachment:
        validate_document(attachment)
        response.attachment = attachment
        response.attachment_name = _clean_file_name(attachment.name)
    response.full_clean(exclude=["attachment", "challenge", "organisation"])
    response.save()
    send_templated_email_to_users(
        users=[challenge.contact_person],
        template_prefix="challenges/email/response_submitted",
        context={
            "response": response,
            "challenge": challenge,
            "organisation": organisation,
            "response_url": _response_link(response, url_builder),
        },
    )
    return response


@transaction.atomic
def response_change_status(
    *, user, response: Response, to_status: str, message: str = "", url_builder=None
) -> Response:
    """Shortlist, open the dialogue, accept or decline; e-mails the organisation.

    Accepting a response leaves the challenge's own status alone: the owners decide
    separately whether the challenge is in dialogue, solved or closed.
    """
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("challenge", "organisation", "submitted_by")
        .get(pk=response.pk)
    )
    if not rules.can_decide_response(user, response):
        raise PermissionDenied
    check_transition(
        ResponseStatus,
        RESPONSE_TRANSITIONS,
        response.status,
        to_status,
        _("A response cannot go from %(from)s to %(to)s."),
    )
    response.status = to_status
    response.save(update_fields=["status", "updated_at"])
    entry = ResponseMessage.objects.create(
        response=response, author=user, body=(message or "").strip(), to_status=to_status
    )
    recipients = _organisation_recipients(response)
    if recipients:
        send_templated_email_to_users(
            users=recipients,
            template_prefix="challenges/email/response_status",
            context={
                "response": response,
                "challenge": response.challenge,
                "organisation": response.organisation,
                "status_label": ResponseStatus(to_status).label,
                "message": entry,
                "response_url": _response_link(response, url_builder),
            },
        )
    return response


@transaction.atomic
def response_post_message(*, user, response: Response, body: str, url_builder=None):
    """A message in the dialogue, from either side; e-mails the other side."""
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("challenge", "challenge__contact_person", "organisation", "submitted_by")
        .get(pk=response.pk)
    )
    if not rules.can_view_response(user, response):
        raise PermissionDenied
    if not response.accepts_messages:
        raise ValidationError(
            _("Messages can only be sent while the response is in dialogue."), code="no_dialogue"
        )
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a message."), code="empty")
    entry = ResponseMessage.objects.create(response=response, author=user, body=body)
    response.save(update_fields=["updated_at"])
    from_organisation = rules.is_member_of_responding_organisation(user, response)
    if from_organisation:
        recipients = [response.challenge.contact_person]
    else:
        recipients = _organisation_recipients(response)
    recipients = [recipient for recipient in recipients if recipient.pk != user.pk]
    if recipients:
        send_templated_email_to_users(
            users=recipients,
            template_prefix="challenges/email/response_message",
            context={
                "response": response,
                "challenge": response.challenge,
                "organisation": response.organisation,
                "message": entry,
                "from_organisation": from_organisation,
                "response_url": _response_link(response, url_builder),
            },
        )
    return entry
