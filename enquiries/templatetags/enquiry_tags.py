"""Template tags of the single point of contact."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.simple_tag
def due_badge(due) -> str:
    """An enquiry's due date (enquiries.domain.Due, from Enquiry.due_state) and, while its
    clock runs, how many working days are left or how many it is overdue. Written in
    Python rather than as an include: the queue shows it on every row. The date is in the
    locale's DATE_FORMAT ("11. december 2026"): the format character "M" title-cases the
    Danish abbreviation ("Dec"), which reads as English."""
    parts = [
        format_html('<time datetime="{}">{}</time>', due.date.isoformat(), date_format(due.date))
    ]
    days = due.working_days
    if due.overdue:
        text = ngettext(
            "Overdue by %(days)s working day", "Overdue by %(days)s working days", days
        ) % {"days": days}
        parts.append(format_html(' <span class="badge badge-error">{}</span>', text))
    elif due.paused:
        parts.append(format_html(' <span class="badge">{}</span>', gettext("Paused")))
    elif due.running:
        text = ngettext("%(days)s working day left", "%(days)s working days left", days) % {
            "days": days
        }
        parts.append(format_html(' <span class="font-small">({})</span>', text))
    return mark_safe("".join(parts))  # noqa: S308  (every part is built by format_html)
