"""Money in øre, shown and read the Danish way: 3000000 øre is "30.000,00 kr."."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Above this, an amount is surely a typing error (a thousand million kroner).
LARGEST_AMOUNT = 100_000_000_000
_KRONER = re.compile(r"^(?P<kroner>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<ore>\d{1,2}))?$")


def kroner_figure(ore: int) -> str:
    """3000000 → "30.000,00"."""
    sign = "-" if ore < 0 else ""
    whole, part = divmod(abs(int(ore)), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{part:02d}"


def kroner(ore: int) -> str:
    """3000000 → "30.000,00 kr."."""
    return _("%(figure)s kr.") % {"figure": kroner_figure(ore)}


def parse_kroner(text: str) -> int:
    """ "30.000", "30000,5" or "30 000,50" (kroner) → øre, or a ValidationError."""
    cleaned = (text or "").strip().removesuffix("kr.").removesuffix("kr").strip()
    cleaned = cleaned.replace(" ", "").replace("\u00a0", "")
    if cleaned.startswith("-"):
        raise ValidationError(_("Enter an amount above zero."), code="negative")
    match = _KRONER.match(cleaned)
    if match is None:
        raise ValidationError(
            _("Enter the amount in kroner, for example 30.000 or 30.000,50."), code="invalid"
        )
    ore = int(match["kroner"].replace(".", "")) * 100 + int((match["ore"] or "0").ljust(2, "0"))
    if ore <= 0:
        raise ValidationError(_("Enter an amount above zero."), code="zero")
    if ore > LARGEST_AMOUNT:
        raise ValidationError(
            _("The amount is too large (at most %(largest)s).")
            % {"largest": kroner(LARGEST_AMOUNT)},
            code="too_large",
        )
    return ore
