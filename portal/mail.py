"""E-mail through the outbox: stored in the transaction, sent by a task after commit.

`send_templated_email` renders a message in the recipient's language from three templates
(`<prefix>_subject.txt`, `<prefix>.txt`, `<prefix>.html`); `queue_message` takes an
already-rendered EmailMessage (allauth's). Nothing here talks to the mail server: that is
`deliver`, run by the task worker.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.models import OutgoingEmail

logger = logging.getLogger(__name__)


def _single_line(text: str) -> str:
    """Subjects are one line: no header injection through a line break."""
    return " ".join(text.split())


def queue_email(
    *, to: list[str], subject: str, body_text: str, body_html: str = "", reply_to=()
) -> OutgoingEmail:
    email = OutgoingEmail.objects.create(
        to=list(to),
        subject=_single_line(subject)[:998],
        body_text=body_text,
        body_html=body_html,
        reply_to=list(reply_to),
    )
    transaction.on_commit(lambda: _enqueue_delivery(email.pk))
    return email


def _enqueue_delivery(email_id: int) -> None:
    from portal.tasks import deliver_email

    try:
        deliver_email.enqueue(email_id)
    except Exception:
        # The row is saved; the periodic retry sweep sends it once the queue works again.
        logger.exception("Could not enqueue delivery of e-mail %s", email_id)


def queue_message(message: EmailMessage) -> OutgoingEmail:
    html: str = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = content
    if getattr(message, "content_subtype", "plain") == "html":
        html, text = str(message.body), ""
    else:
        text = str(message.body)
    return queue_email(
        to=message.to,
        subject=str(message.subject),
        body_text=text,
        body_html=html,
        reply_to=message.reply_to,
    )


def send_templated_email(
    *, to: str | list[str], template_prefix: str, context: dict, language: str | None = None
) -> OutgoingEmail:
    recipients = [to] if isinstance(to, str) else list(to)
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    return queue_email(to=recipients, subject=subject, body_text=text, body_html=html)


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 … minutes, capped at an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def deliver(email_id: int) -> bool:
    """Send one stored e-mail unless already sent; True when it went out now."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at__isnull=True, given_up_at__isnull=True)
            .first()
        )
        if email is None:
            return False
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.to,
            reply_to=email.reply_to or None,
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        email.attempts += 1
        now = timezone.now()
        try:
            message.send()
        except Exception as error:
            logger.warning(
                "Sending e-mail %s failed (attempt %s): %s", email.pk, email.attempts, error
            )
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
                email.given_up_at = now
                logger.error(
                    "Gave up sending e-mail %s after %s attempts", email.pk, email.attempts
                )
            else:
                email.next_attempt_at = now + retry_delay(email.attempts)
            email.save(update_fields=["attempts", "last_error", "given_up_at", "next_attempt_at"])
            return False
        email.sent_at = now
        email.save(update_fields=["attempts", "sent_at"])
        return True


def pending_due() -> list[int]:
    return list(
        OutgoingEmail.objects.pending()
        .filter(next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:500]
    )


def prune_delivered() -> int:
    cutoff = timezone.now() - timedelta(days=settings.EMAIL_OUTBOX_RETENTION_DAYS)
    finished = OutgoingEmail.objects.filter(sent_at__lt=cutoff) | OutgoingEmail.objects.filter(
        given_up_at__lt=cutoff
    )
    deleted, _ = finished.delete()
    return deleted


def send_templated_email_to_users(*, users, template_prefix: str, context: dict) -> None:
    """The same message to each user in their own language (User.language): one e-mail per
    language. Put links in the context as PageLink, so each is in the e-mail's language."""
    by_language: dict[str, list[str]] = {}
    for user in users:
        by_language.setdefault(user.language, []).append(user.email)
    for language, emails in sorted(by_language.items()):
        send_templated_email(
            to=sorted(set(emails)),
            template_prefix=template_prefix,
            context=context,
            language=language,
        )


class PageLink:
    """A link to one of the portal's pages for an e-mail, made when the e-mail is rendered,
    so that it leads to the page in the e-mail's language. `absolute` turns a path into an
    address (request.build_absolute_uri); without it the link is the path."""

    def __init__(self, viewname: str, args=(), absolute=None):
        self.viewname = viewname
        self.args = list(args)
        self.absolute = absolute

    def __str__(self) -> str:
        path = reverse(self.viewname, args=self.args)
        return self.absolute(path) if self.absolute else path
