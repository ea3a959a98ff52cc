"""Who may follow what, and whose subscriptions a user may change (only their own).

Anyone logged in may save a search; "challenges that fit my organisation" is for members
of an organisation, and the two interests of an administration are for its civil servants.
A subscription of someone else is a 404, never a 403: its existence is nobody's business.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from following.models import SEARCH_KINDS, Kind, Subscription
from portal import rules as portal_rules
from portal.models import User
from solutions import rules as solutions_rules

AnyUser = User | AnonymousUser


def can_follow(user: AnyUser) -> bool:
    return user.is_authenticated and user.is_active


def is_organisation_member(user: AnyUser) -> bool:
    return bool(solutions_rules.member_organisation_ids(user))


def standing_kinds_for(user: AnyUser) -> list[Kind]:
    """The standing interests the user may choose (at most one query)."""
    if not can_follow(user):
        return []
    kinds = []
    if is_organisation_member(user):
        kinds.append(Kind.FITTING_CHALLENGES)
    if portal_rules.is_civil_servant(user):
        kinds += [Kind.SUGGESTED_SOLUTIONS, Kind.AREA_SOLUTIONS]
    return kinds


def can_follow_kind(user: AnyUser, kind: str) -> bool:
    if kind in SEARCH_KINDS:
        return can_follow(user)
    return kind in standing_kinds_for(user)


def can_change(user: AnyUser, subscription: Subscription) -> bool:
    return can_follow(user) and subscription.user_id == user.pk


def get_subscription_for_change(user: AnyUser, pk: int) -> Subscription:
    """The user's own subscription, or 404."""
    subscription = Subscription.objects.filter(pk=pk).first() if can_follow(user) else None
    if subscription is None or not can_change(user, subscription):
        raise Http404
    return subscription
