"""The one check of a state machine's transition table, for every model with statuses."""

from django.core.exceptions import ValidationError


def check_transition(statuses, transitions: dict, from_value: str, to_value: str, message: str):
    """The current status (a member of the TextChoices `statuses`), or a ValidationError
    with `message` (translated, with %(from)s and %(to)s) when `transitions` does not allow
    going from `from_value` to `to_value`."""
    from_status = statuses(from_value)
    if to_value not in transitions[from_status]:
        to_label = statuses(to_value).label if to_value in statuses.values else to_value
        raise ValidationError(
            message % {"from": from_status.label, "to": to_label}, code="invalid_transition"
        )
    return from_status
