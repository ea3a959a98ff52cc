"""How the pools take part in the portal's shared pages: the pool secretaries' staff
links (wrapped around the council's `staff_links` at the end of advisory/hooks.py)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from advisory import pool_rules
from advisory.models import Application, Pool
from portal.hooks import Link


def pool_links(user) -> list[Link]:
    if not pool_rules.is_pool_secretary(user):
        return []
    links = []
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
