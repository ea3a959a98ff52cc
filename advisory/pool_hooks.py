"""How the pools take part in the portal's shared pages: the pool secretaries' staff
links (wrapped around the council's `staff_links` at the end of advisory/hooks.py)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from advisory import pool_rules
from advisory.models import Application, Pool
from portal.hooks import Link


def pool_links(user) -> list[Link]:
    links = []
    if pool_rules.can_create_pools(user):
        links.append(
            Link(reverse("pool:pools"), _("Pools"), _("create pools and edit their terms"))
        )
    if not pool_rules.is_pool_secretary(user):
        return links
    for pool in Pool.objects.open().select_related("area"):
        if not pool_rules.can_manage_pool(user, pool):
            continue
        awaiting = Application.objects.filter(
            Q(proposal__status__in=("submitted", "screening")),
            pool=pool,
            amount__lte=pool.fast_track_limit,
        ).count()
        links.append(
            Link(
                reverse("pool:manage", args=[pool.pk]),
                str(pool),
                _("record contributions and payouts, decide fast-track applications"),
                awaiting,
            )
        )
    return links


def with_pool_links(staff_links):
    def links(user) -> list[Link]:
        return staff_links(user) + pool_links(user)

    return links


def export_user_data(user) -> dict:
    """The pools' records that name the user: money they booked, grants they decided, the
    areas whose pools they run."""
    from advisory.models import Grant, LedgerEntry, LocalPoolSecretary, PoolEvent

    return {
        "pool_ledger_entries_booked": [
            {
                "pool": str(entry.pool),
                "kind": entry.kind,
                "amount_ore": entry.amount,
                "reason": entry.reason,
                "booked_on": entry.booked_on.isoformat(),
            }
            for entry in LedgerEntry.objects.filter(actor=user).select_related("pool__area")
        ],
        "pool_grants_decided": [
            {"grant": str(grant), "amount_ore": grant.amount, "on": grant.decided_on.isoformat()}
            for grant in Grant.objects.filter(decided_by=user).select_related(
                "application__proposal"
            )
        ],
        "pool_changes_made": [
            {
                "pool": str(event.pool),
                "kind": event.kind,
                "changes": event.changes,
                "at": event.created_at.isoformat(),
            }
            for event in PoolEvent.objects.filter(actor=user).select_related("pool__area")
        ],
        "local_pool_secretary_of": [
            secretaryship.area.name
            for secretaryship in LocalPoolSecretary.objects.filter(user=user).select_related("area")
        ],
    }


def before_user_delete(user) -> None:
    """The ledger is immutable and names who booked each movement of money, so an account
    that booked money is kept (it can be deactivated instead)."""
    from django.core.exceptions import ValidationError

    from advisory.models import LedgerEntry

    if LedgerEntry.objects.filter(actor=user).exists():
        raise ValidationError(
            _(
                "You have booked money in a pool's ledger, which must keep who booked each "
                "entry. Ask the portal's administrators to deactivate your account instead."
            ),
            code="ledger_actor",
        )
