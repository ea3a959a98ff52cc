from django import template

from advisory.models import LedgerEntry
from advisory.pool_money import kroner as _kroner
from advisory.pool_register import BAR_STEP
from portal.caching import short_lived

register = template.Library()


@register.filter
def kroner(ore):
    """An amount in øre in Danish format: {{ grant.amount|kroner }} → "30.000,00 kr."."""
    if ore is None or ore == "":
        return ""
    return _kroner(int(ore))


@register.filter
def bar_height(count):
    """The SVG chart's height for `count` bars."""
    return int(count) * BAR_STEP + 4


@register.simple_tag
def pools_with_remaining(pools):
    """[(pool, remaining øre)] for a list of pools (the register's list): one query over
    the whole ledger, kept a few seconds per process like the other overviews
    (settings.OVERVIEW_CACHE_SECONDS), so the busy register does not add up the ledger on
    every request; each pool's own page shows its figures as they are now."""
    remaining = short_lived("pool-remaining", LedgerEntry.objects.remaining_by_pool)
    return [(pool, remaining.get(pool.pk, 0)) for pool in pools]
