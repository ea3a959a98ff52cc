from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def normalise_cvr(value: str) -> str:
    """'DK 12 34 56 78' and '12345678' are the same number."""
    cleaned = "".join(str(value).split())
    if cleaned.upper().startswith("DK"):
        cleaned = cleaned[2:]
    return cleaned


def is_valid_cvr(value: str) -> bool:
    if len(value) != 8 or not value.isdigit() or value[0] == "0":
        return False
    return (
        sum(int(digit) * weight for digit, weight in zip(value, CVR_WEIGHTS, strict=True)) % 11 == 0
    )


def validate_cvr(value: str) -> None:
    number = normalise_cvr(value)
    if len(number) != 8 or not number.isdigit():
        raise ValidationError(_("A CVR number has exactly 8 digits."), code="cvr_format")
    if not is_valid_cvr(number):
        raise ValidationError(
            _("This is not a valid CVR number: check the digits (the check digit does not match)."),
            code="cvr_checksum",
        )


WEB_SCHEMES = ("http", "https")
MAX_WEB_ADDRESS_LENGTH = 300


def validate_web_address(value: str) -> None:
    """A website is an http or https address: nothing else may become a link on a profile
    (`javascript:`, `data:`, `ftp:`)."""
    if len(value) > MAX_WEB_ADDRESS_LENGTH:
        return  # the field's length limit says so, in one message
    scheme = urlsplit(str(value).strip()).scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise ValidationError(
            _("Enter a web address that starts with https:// or http://."), code="web_scheme"
        )
    URLValidator(schemes=list(WEB_SCHEMES), message=_("Enter a valid web address."))(value)
