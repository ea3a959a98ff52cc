from django import template

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
