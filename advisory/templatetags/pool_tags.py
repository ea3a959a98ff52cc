from django import template

from advisory.models import LedgerEntry
from advisory.pool_money import kroner as _kroner
from advisory.pool_register import BAR_STEP

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
    """[(pool, remaining øre)] for a list of pools, in one query (the register's list)."""
    remaining = LedgerEntry.objects.filter(pool__in=pools).remaining_by_pool()
    return [(pool, remaining.get(pool.pk, 0)) for pool in pools]
