"""State changes of organisations, memberships and invitations.

Each service called with an actor (`actor`, `user`, `invited_by`) first checks through
`organisations.rules` that the actor may do it: PermissionDenied otherwise.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from organisations import rules
from organisations.models import (
    MembershipRole,
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
)
from portal.caching import bump_content_version
from portal.mail import PageLink, queue_email, send_templated_email
from portal.models import User
from portal.search import remember_words

# The content version of the organisation overview and the area pages (portal.caching).
CONTENT_NAMESPACE = "organisations"

# Slugs that would collide with the app's own paths (ny/, new/, invitation/).
RESERVED_SLUGS = {"ny", "new", "invitation"}


def _unique_slug(name: str) -> str:
    transliterated = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    base = slugify(transliterated)[:200] or "organisation"
    slug, counter = base, 2
    while slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


@transaction.atomic
def organisation_register(*, user: User, data: dict[str, Any]) -> Organisation:
    """Create an organisation with the registering user as the profile's administrator."""
    if not rules.can_register(user):
        raise PermissionDenied
    districts = data.pop("districts", [])
    sdgs = data.pop("sdgs", [])
    organisation = Organisation(**data, slug=_unique_slug(data["name"]))
    organisation.full_clean()
    organisation.save()
    organisation.districts.set(districts)
    organisation.sdgs.set(sdgs)
    sync_search_and_filters(organisation)
    OrganisationMembership.objects.create(
        organisation=organisation, user=user, role=MembershipRole.ADMIN
    )
    return organisation


def sync_search_and_filters(organisation: Organisation) -> None:
    """Call after any change of an organisation's texts, areas or goals: keeps the filter
    arrays and the search lexicon in step, and lets the lists show it."""
    district_ids = sorted(organisation.districts.values_list("pk", flat=True))
    sdg_ids = sorted(organisation.sdgs.values_list("pk", flat=True))
    Organisation.objects.filter(pk=organisation.pk).update(
        district_ids=district_ids, sdg_ids=sdg_ids
    )
    organisation.district_ids, organisation.sdg_ids = district_ids, sdg_ids
    remember_words(organisation.name, organisation.purpose)
    bump_content_version(CONTENT_NAMESPACE)


@transaction.atomic
def organisation_update(
    *, actor: User, organisation: Organisation, data: dict[str, Any]
) -> Organisation:
    if not rules.can_edit(actor, organisation):
        raise PermissionDenied
    districts = data.pop("districts", None)
    sdgs = data.pop("sdgs", None)
    for field, value in data.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    organisation.save()
    if districts is not None:
        organisation.districts.set(districts)
    if sdgs is not None:
        organisation.sdgs.set(sdgs)
    sync_search_and_filters(organisation)
    return organisation


@transaction.atomic
def invitation_send(
    *,
    organisation: Organisation,
    email: str,
    invited_by: User,
    accept_url_builder: Callable[[str], str],
) -> OrganisationInvitation:
    """Invite a colleague by e-mail; an earlier open invitation to the same address is replaced."""
    if not rules.can_manage_members(invited_by, organisation):
        raise PermissionDenied
    email = email.strip().lower()
    if OrganisationMembership.objects.filter(
        organisation=organisation, user__email__iexact=email
    ).exists():
        raise ValidationError(
            _("This person is already a member of the organisation."), code="member"
        )
    OrganisationInvitation.objects.open().filter(
        organisation=organisation, email__iexact=email
    ).update(revoked_at=timezone.now())
    invitation = OrganisationInvitation.objects.create(
        organisation=organisation, email=email, invited_by=invited_by
    )
    # Someone with an account reads it in their own language; anyone else in the inviter's.
    invitee = User.objects.filter(email__iexact=email).first()
    send_templated_email(
        to=email,
        template_prefix="organisations/email/invitation",
        context={
            "organisation": organisation,
            "invited_by": invited_by,
            "accept_url": PageLink(
                "organisations:invitation", [invitation.token], accept_url_builder
            ),
            "expires_at": invitation.expires_at,
        },
        language=invitee.language if invitee else None,
    )
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: OrganisationInvitation) -> None:
    if not rules.can_manage_members(actor, invitation.organisation):
        raise PermissionDenied
    if invitation.is_open:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def invitation_accept(*, invitation: OrganisationInvitation, user: User) -> OrganisationMembership:
    """`user` joins the organisation if the invitation is open and was sent to their address."""
    invitation = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation is no longer valid."), code="closed")
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _(
                "This invitation was sent to another e-mail address. "
                "Log in with that address to accept it."
            ),
            code="wrong_user",
        )
    membership, _created = OrganisationMembership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": MembershipRole.MEMBER}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    bump_content_version(CONTENT_NAMESPACE)
    return membership


@transaction.atomic
def membership_remove(*, actor: User, membership: OrganisationMembership) -> None:
    """Remove a member; the last administrator of a profile cannot be removed."""
    if not rules.can_manage_members(actor, membership.organisation):
        raise PermissionDenied
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    if membership.role == MembershipRole.ADMIN:
        admins = organisation.memberships.filter(role=MembershipRole.ADMIN).count()
        if admins <= 1:
            raise ValidationError(
                _(
                    "The last administrator of the profile cannot be removed. "
                    "Make another member administrator first."
                ),
                code="last_admin",
            )
    membership.delete()
    bump_content_version(CONTENT_NAMESPACE)  # the profile names contacts and who can be reached


@transaction.atomic
def memberships_hand_over(*, leaving: User) -> list[OrganisationMembership]:
    """Before `leaving`'s account goes: where they are a profile's only administrator, the
    longest-standing other member takes over, so that no profile is left without someone
    who can manage it. Returns the memberships that became administrators."""
    promoted = []
    sole_admin_of = (
        Organisation.objects.select_for_update()
        .filter(memberships__user=leaving, memberships__role=MembershipRole.ADMIN)
        .exclude(
            pk__in=OrganisationMembership.objects.filter(role=MembershipRole.ADMIN)
            .exclude(user=leaving)
            .values("organisation_id")
        )
    )
    for organisation in sole_admin_of:
        successor = (
            organisation.memberships.exclude(user=leaving).order_by("created_at", "pk").first()
        )
        if successor:
            successor.role = MembershipRole.ADMIN
            successor.save(update_fields=["role"])
            promoted.append(successor)
    return promoted


@transaction.atomic
def membership_set_public_contact(
    *, membership: OrganisationMembership, actor: User, shown: bool
) -> OrganisationMembership:
    """A member chooses whether their name is shown on the profile: only they can choose."""
    membership = OrganisationMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.user_id != actor.pk:
        raise ValidationError(
            _("Only the member can choose to be shown as the contact person."), code="not_self"
        )
    if membership.is_public_contact != shown:
        membership.is_public_contact = shown
        membership.save(update_fields=["is_public_contact"])
        bump_content_version(CONTENT_NAMESPACE)  # the profile names its contact persons
    return membership


@transaction.atomic
def organisation_contact(
    *,
    organisation: Organisation,
    name: str,
    email: str,
    message: str,
    absolute: Callable[[str], str] | None = None,
) -> int:
    """Pass a visitor's message to the organisation's administrators through the outbox, each
    in their own language, with the sender's address as Reply-To. The sender never learns
    the administrators' addresses. Returns the number of e-mails queued."""
    recipients = list(rules.contact_recipients(organisation))
    if not recipients:
        raise ValidationError(
            _("This organisation cannot receive messages through the portal yet."),
            code="no_recipients",
        )
    by_language: dict[str, list[str]] = {}
    for user in recipients:
        by_language.setdefault(user.language, []).append(user.email)
    context = {
        "organisation": organisation,
        "sender_name": name,
        "sender_email": email,
        "message": message,
        "profile_url": PageLink("organisations:detail", [organisation.slug], absolute),
    }
    for language, emails in sorted(by_language.items()):
        with translation.override(language):
            queue_email(
                to=sorted(set(emails)),
                subject=render_to_string("organisations/email/contact_subject.txt", context),
                body_text=render_to_string("organisations/email/contact.txt", context),
                body_html=render_to_string("organisations/email/contact.html", context),
                reply_to=[email],
            )
    return len(by_language)
