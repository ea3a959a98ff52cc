"""State changes of challenges. Each checks its rule and writes the history entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import TRANSITIONS, Challenge, ChallengeEvent, Status
from portal.models import AdministrationMembership

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


def _ids(values) -> list[int]:
    return sorted(getattr(v, "pk", v) for v in values)


@transaction.atomic
def challenge_create(*, user, data: dict) -> Challenge:
    relations = {field: data.pop(field, []) for field in M2M_FIELDS}
    challenge = Challenge(**data, created_by=user, status=Status.DRAFT)
    challenge.full_clean(exclude=["search_vector", "search_text"])
    _check_contact_person(challenge, _ids(relations["co_owners"]))
    challenge.save()
    for field, values in relations.items():
        getattr(challenge, field).set(values)
    ChallengeEvent.objects.create(challenge=challenge, actor=user, kind=ChallengeEvent.Kind.CREATED)
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
    challenge.full_clean(exclude=["search_vector", "search_text"])
    co_owners = data.get("co_owners", challenge.co_owners.all())
    _check_contact_person(challenge, _ids(co_owners))
    if not changed:
        return challenge
    challenge.save()
    for field in M2M_FIELDS:
        if field in changed:
            getattr(challenge, field).set(data[field])
    ChallengeEvent.objects.create(
        challenge=challenge, actor=user, kind=ChallengeEvent.Kind.EDITED, changed_fields=changed
    )
    return challenge


@transaction.atomic
def challenge_change_status(*, user, challenge: Challenge, to_status: str) -> Challenge:
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    from_status = Status(challenge.status)
    if to_status not in TRANSITIONS[from_status]:
        raise ValidationError(
            _("A challenge cannot go from %(from)s to %(to)s.")
            % {
                "from": from_status.label,
                "to": Status(to_status).label if to_status in Status.values else to_status,
            },
            code="invalid_transition",
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
    return challenge


def challenge_publish(*, user, challenge):
    return challenge_change_status(user=user, challenge=challenge, to_status=Status.PUBLISHED)


def challenge_close(*, user, challenge):
    return challenge_change_status(user=user, challenge=challenge, to_status=Status.CLOSED)


def challenge_archive(*, user, challenge):
    return challenge_change_status(user=user, challenge=challenge, to_status=Status.ARCHIVED)
