"""State changes of challenges and their responses. Each checks through challenges.rules
that the acting user may make it (PermissionDenied), checks its rule (ValidationError),
locks the row, writes the history entry (challenge and response events) and queues its
e-mail in the outbox, in one transaction. Lists cached by portal.caching are refreshed
here and only here (bump_content_version), so the admin goes through these too."""

import unicodedata
from datetime import timedelta
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges import rules
from challenges.models import (
    RESPONSE_ACTIONS,
    RESPONSE_TRANSITIONS,
    TRANSITIONS,
    Challenge,
    ChallengeEvent,
    Response,
    ResponseEvent,
    ResponseMessage,
    ResponseStatus,
    Status,
)
from matching import services as matching_services
from organisations.models import MembershipRole, Organisation, OrganisationMembership
from portal.caching import bump_content_version
from portal.mail import PageLink, send_templated_email_to_users
from portal.models import AdministrationMembership, User
from portal.search import remember_words
from portal.transitions import check_transition
from portal.uploads import validate_document
from solutions.models import Solution

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
def challenge_create(*, user: User, data: dict) -> Challenge:
    relations = {field: data.pop(field, []) for field in M2M_FIELDS}
    owner = data.get("owner")
    if owner is None or not rules.can_create_for(user, owner):
        raise PermissionDenied
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


def _apply_changes(challenge: Challenge, data: dict) -> list[str]:
    """Set the changed plain fields on `challenge`; the names of every changed field."""
    changed = []
    for field, value in data.items():
        if field in M2M_FIELDS:
            if _ids(getattr(challenge, field).all()) != _ids(value):
                changed.append(field)
        elif getattr(challenge, field) != value:
            changed.append(field)
            setattr(challenge, field, value)
    return changed


@transaction.atomic
def challenge_update(*, user: User, challenge: Challenge, data: dict) -> Challenge:
    """Edits from the portal's form and from the admin alike: the filter arrays, the search
    lexicon and the cached lists follow."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not rules.can_edit(user, challenge):
        raise PermissionDenied
    changed = _apply_changes(challenge, data)
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
    matching_services.schedule_refresh("challenge", challenge.pk)
    return challenge


@transaction.atomic
def challenge_change_status(*, user: User, challenge: Challenge, to_status: str) -> Challenge:
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if not rules.can_change_status(user, challenge):
        raise PermissionDenied
    if challenge.status == to_status:
        return challenge  # a double submit: the first one made the change
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
    matching_services.schedule_refresh("challenge", challenge.pk)
    return challenge


def challenge_publish(*, user: User, challenge: Challenge) -> Challenge:
    return challenge_change_status(user=user, challenge=challenge, to_status=Status.PUBLISHED)


def challenge_close(*, user: User, challenge: Challenge) -> Challenge:
    return challenge_change_status(user=user, challenge=challenge, to_status=Status.CLOSED)


# Responses
#
# Rules about the state (a closed challenge, a second response, an illegal transition)
# raise ValidationError; acting for someone one may not act for raises PermissionDenied
# (the views' fetch-and-check getters normally stop that earlier).

EDITABLE_RESPONSE_FIELDS = ("message", "offer")
# Checked by the services, not by Response.full_clean (see _check_solution).
NOT_MODEL_CLEANED = ["attachment", "challenge", "organisation", "solution"]


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


def _organisation_recipients(response: Response) -> list[User]:
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


def _check_solution(organisation: Organisation, solution: Solution | None) -> None:
    """A response may point only at a published solution of the organisation that responds
    (rules.may_point_at, read afresh here: the solution may have been archived meanwhile)."""
    if solution is None:
        return
    current = rules.solutions_to_point_at([organisation]).filter(pk=solution.pk).first()
    if current is None or not rules.may_point_at(organisation, current):
        raise ValidationError(
            {
                "solution": _("Choose one of the published solutions of %(organisation)s, or none.")
                % {"organisation": organisation.name}
            },
            code="invalid_solution",
        )


def _solution_link(response: Response, url_builder) -> PageLink | None:
    if response.solution_id is None:
        return None
    return PageLink("solutions:detail", [response.solution_id], url_builder)


def _locked_response(response: Response) -> Response:
    return (
        Response.objects.select_for_update(of=("self",))
        .select_related(
            "challenge", "challenge__contact_person", "organisation", "submitted_by", "solution"
        )
        .get(pk=response.pk)
    )


def _attach(response: Response, attachment) -> None:
    validate_document(attachment)
    response.attachment = attachment
    response.attachment_name = _clean_file_name(attachment.name)


@transaction.atomic
def response_submit(
    *,
    user: User,
    challenge: Challenge,
    organisation: Organisation,
    message: str,
    offer: str = "",
    solution: Solution | None = None,
    attachment=None,
    url_builder=None,
) -> Response:
    """An organisation's answer to an open challenge, optionally pointing at one of the
    organisation's published solutions; e-mails the challenge's contact person."""
    challenge = (
        Challenge.objects.select_for_update().select_related("contact_person").get(pk=challenge.pk)
    )
    if not rules.can_respond_for(user, organisation):
        raise PermissionDenied
    if not challenge.is_open_for_responses:
        raise ValidationError(_("This challenge no longer takes responses."), code="closed")
    if Response.objects.filter(challenge=challenge, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s has already responded to this challenge.")
            % {"organisation": organisation.name},
            code="already_responded",
        )
    _check_solution(organisation, solution)
    response = Response(
        challenge=challenge,
        organisation=organisation,
        submitted_by=user,
        message=message.strip(),
        offer=(offer or "").strip(),
        solution=solution,
    )
    if attachment:
        _attach(response, attachment)
    response.full_clean(exclude=NOT_MODEL_CLEANED)
    response.save()
    ResponseEvent.objects.create(
        response=response,
        actor=user,
        kind=ResponseEvent.Kind.SUBMITTED,
        created_at=response.created_at,
    )
    send_templated_email_to_users(
        users=[challenge.contact_person],
        template_prefix="challenges/email/response_submitted",
        context={
            "response": response,
            "challenge": challenge,
            "organisation": organisation,
            "response_url": _response_link(response, url_builder),
            "solution_url": _solution_link(response, url_builder),
        },
    )
    return response


def _changed_solution(response: Response, data: dict) -> bool:
    """Point the response at the solution in `data` (when given): a new choice must be a
    published solution of the organisation; an unchanged one may since have been archived."""
    if "solution" not in data:
        return False
    solution = data["solution"]
    if getattr(solution, "pk", None) == response.solution_id:
        return False
    _check_solution(response.organisation, solution)
    response.solution = solution
    return True


@transaction.atomic
def response_update(
    *, user: User, response: Response, data: dict, attachment=None, url_builder=None
) -> Response:
    """The organisation corrects its answer (the message, the offer, the solution it points
    at, the attachment) until the owners shortlist it; the contact person is told."""
    response = _locked_response(response)
    if not rules.is_member_of_responding_organisation(user, response):
        raise PermissionDenied
    if not response.is_editable:
        raise ValidationError(
            _("The response can no longer be changed: the owners are already considering it."),
            code="not_editable",
        )
    changed = []
    for field in EDITABLE_RESPONSE_FIELDS:
        value = (data.get(field, getattr(response, field)) or "").strip()
        if value != getattr(response, field):
            setattr(response, field, value)
            changed.append(field)
    if _changed_solution(response, data):
        changed.append("solution")
    if attachment:
        _attach(response, attachment)
        changed.append("attachment")
    if not changed:
        return response
    response.full_clean(exclude=NOT_MODEL_CLEANED)
    response.save()
    ResponseEvent.objects.create(
        response=response, actor=user, kind=ResponseEvent.Kind.EDITED, changed_fields=changed
    )
    send_templated_email_to_users(
        users=[response.challenge.contact_person],
        template_prefix="challenges/email/response_edited",
        context={
            "response": response,
            "challenge": response.challenge,
            "organisation": response.organisation,
            "response_url": _response_link(response, url_builder),
            "solution_url": _solution_link(response, url_builder),
        },
    )
    return response


def _status_recipients(user: User, response: Response, by_organisation: bool) -> list[User]:
    """The other side: the contact person when the organisation acts, else the organisation."""
    recipients = (
        [response.challenge.contact_person]
        if by_organisation
        else _organisation_recipients(response)
    )
    return [recipient for recipient in recipients if recipient.pk != user.pk]


@transaction.atomic
def response_change_status(
    *, user: User, response: Response, to_status: str, message: str = "", url_builder=None
) -> Response:
    """Shortlist, open the dialogue, accept or decline (the owners), or withdraw (the
    organisation); e-mails the other side. Sending the same change twice makes it once.

    Accepting a response leaves the challenge's own status alone: the owners decide
    separately whether the challenge is in dialogue, solved or closed.
    """
    response = _locked_response(response)
    if not rules.can_make_response_transition(user, response, to_status):
        raise PermissionDenied
    if response.status == to_status:
        return response  # a double submit: the first one made the change
    from_status = check_transition(
        ResponseStatus,
        RESPONSE_TRANSITIONS,
        response.status,
        to_status,
        _("A response cannot go from %(from)s to %(to)s."),
    )
    response.status = to_status
    response.save(update_fields=["status", "updated_at"])
    ResponseEvent.objects.create(
        response=response,
        actor=user,
        kind=ResponseEvent.Kind.STATUS,
        from_status=from_status,
        to_status=to_status,
    )
    entry = ResponseMessage.objects.create(
        response=response, author=user, body=(message or "").strip(), to_status=to_status
    )
    by_organisation = RESPONSE_ACTIONS[ResponseStatus(to_status)].by_organisation
    recipients = _status_recipients(user, response, by_organisation)
    if recipients:
        send_templated_email_to_users(
            users=recipients,
            template_prefix=(
                "challenges/email/response_withdrawn"
                if by_organisation
                else "challenges/email/response_status"
            ),
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


def response_withdraw(
    *, user: User, response: Response, message: str = "", url_builder=None
) -> Response:
    return response_change_status(
        user=user,
        response=response,
        to_status=ResponseStatus.WITHDRAWN,
        message=message,
        url_builder=url_builder,
    )


DUPLICATE_WINDOW = timedelta(minutes=2)


def _duplicate_of(response: Response, user: User, body: str) -> ResponseMessage | None:
    """The same text by the same author a moment ago: a double submit, not a new message."""
    last = response.messages.order_by("-created_at", "-pk").first()
    if (
        last is not None
        and last.author_id == user.pk
        and last.body == body
        and not last.to_status
        and timezone.now() - last.created_at < DUPLICATE_WINDOW
    ):
        return last
    return None


@transaction.atomic
def response_post_message(
    *, user: User, response: Response, body: str, url_builder=None
) -> ResponseMessage:
    """A message from either side, while the response is open and after it is accepted;
    e-mails the other side."""
    response = _locked_response(response)
    if not rules.can_view_response(user, response):
        raise PermissionDenied
    if not response.accepts_messages:
        raise ValidationError(
            _("No more messages can be written: the response has been %(status)s.")
            % {"status": response.get_status_display().lower()},
            code="no_dialogue",
        )
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a message."), code="empty")
    duplicate = _duplicate_of(response, user, body)
    if duplicate is not None:
        return duplicate
    entry = ResponseMessage.objects.create(response=response, author=user, body=body)
    response.save(update_fields=["updated_at"])
    from_organisation = rules.is_member_of_responding_organisation(user, response)
    recipients = _status_recipients(user, response, from_organisation)
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
