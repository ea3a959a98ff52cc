"""What the enquirer sees of the internal status: a public name and what happens next."""

from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from enquiries.domain import OPEN_STATUSES, Status


class PublicStatus(NamedTuple):
    name: Promise
    explanation: Promise


_PUBLIC_STATUS = {
    Status.RECEIVED: (
        _("Received"),
        _("A contact officer is reading your enquiry and finding the right people to answer it."),
    ),
    Status.TRIAGED: (
        _("Received"),
        _("A contact officer is reading your enquiry and finding the right people to answer it."),
    ),
    Status.ROUTED: (
        _("Being handled"),
        _("Your enquiry is with the part of the City that can answer it. They are working on it."),
    ),
    Status.IN_PROGRESS: (
        _("Being handled"),
        _("Your enquiry is with the part of the City that can answer it. They are working on it."),
    ),
    Status.WAITING: (
        _("We need something from you"),
        _(
            "We need more information before we can answer. Read the latest message and write "
            "back below. The deadline for our answer is paused until you do."
        ),
    ),
    Status.ANSWERED: (
        _("Answered"),
        _("You have received an answer. Write back below if you have more questions."),
    ),
    Status.CLOSED: (
        _("Completed"),
        _("Your enquiry has been completed. Send a new enquiry if you have another question."),
    ),
    Status.REFERRED: (
        _("Referred to the right place"),
        _(
            "Your question lies outside what the City handles. The answer tells you who can "
            "help you."
        ),
    ),
    Status.SPAM: (
        _("Completed"),
        _("Your enquiry has been completed. Send a new enquiry if you have another question."),
    ),
    Status.DUPLICATE: (
        _("Handled together with another enquiry"),
        _("Your question is answered together with another enquiry of yours."),
    ),
}

PUBLIC_STATUS = {status: PublicStatus(*texts) for status, texts in _PUBLIC_STATUS.items()}

# The enquirer can write back while the enquiry is open.
ACCEPTS_REPLIES = frozenset(OPEN_STATUSES)
