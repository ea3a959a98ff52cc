"""E-mail through the outbox: stored in the transaction, sent by a task after commit.

`send_templated_email` renders a message in the recipient's language from three templates
(`<prefix>_subject.txt`, `<prefix>.txt`, `<prefix>.html`); `queue_message` takes an
already-rendered EmailMessage (allauth's). Nothing here talks to the mail server: that is
`deliver`, run by the task worker.
"""

import logging
from datetime import timedelta
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.models import OutgoingEmail

logger = logging.getLogger(__name__)


def _single_line(text: str) -> str:
    """Subjects are one line: no header injection through a line break."""
    return " ".join(text.split())


# Headers the portal sets itself: an app's extra headers may not replace them.
RESERVED_HEADERS = frozenset(
    {"from", "to", "cc", "bcc", "reply-to", "subject", "message-id", "date", "sender"}
)


def _extra_headers(headers: dict[str, str] | None) -> dict[str, str]:
    """Extra headers as one line each (no header injection); reserved names refused."""
    clean: dict[str, str] = {}
    for name, value in (headers or {}).items():
        if name.lower() in RESERVED_HEADERS or not name.replace("-", "").isalnum():
            raise ValueError(f"Not an extra header: {name!r}")
        clean[name] = _single_line(str(value))
    return clean


def queue_email(
    *,
    to: list[str],
    subject: str,
    body_text: str,
    body_html: str = "",
    reply_to=(),
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Store a message to be sent after commit. `headers` are further headers (for
    example List-Unsubscribe), sent with every attempt."""
    email = OutgoingEmail.objects.create(
        message_id=new_message_id(),
        to=list(to),
        subject=_single_line(subject)[:998],
        body_text=body_text,
        body_html=body_html,
        reply_to=list(reply_to),
        headers=_extra_headers(headers),
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
    *,
    to: str | list[str],
    template_prefix: str,
    context: dict,
    language: str | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    recipients = [to] if isinstance(to, str) else list(to)
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}.txt", context)
        html = render_to_string(f"{template_prefix}.html", context)
    return queue_email(
        to=recipients, subject=subject, body_text=text, body_html=html, headers=headers
    )


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 … minutes, capped at an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def new_message_id() -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


def _claim(email_id: int) -> OutgoingEmail | None:
    """Record the attempt and commit it before the mail server hears of it: the row is
    pending, not given up, and not being sent by someone else right now."""
    now = timezone.now()
    lease = timedelta(seconds=settings.EMAIL_SEND_LEASE_SECONDS)
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at__isnull=True, given_up_at__isnull=True)
            .filter(Q(sending_since__isnull=True) | Q(sending_since__lt=now - lease))
            .first()
        )
        if email is None:
            return None
        if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
            # The last attempt was cut off (a crash): give up as a failed send would.
            email.given_up_at = now
            email.save(update_fields=["given_up_at"])
            logger.error("Gave up sending e-mail %s after %s attempts", email.pk, email.attempts)
            return None
        email.attempts += 1
        email.sending_since = now
        email.message_id = email.message_id or new_message_id()
        email.next_attempt_at = now + max(retry_delay(email.attempts), lease)
        email.save(update_fields=["attempts", "sending_since", "message_id", "next_attempt_at"])
    return email


def _message_of(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        reply_to=email.reply_to or None,
        headers={**(email.headers or {}), "Message-ID": email.message_id},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def _record_failure(email: OutgoingEmail, error: Exception) -> None:
    logger.warning("Sending e-mail %s failed (attempt %s): %s", email.pk, email.attempts, error)
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    now = timezone.now()
    if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        email.given_up_at = now
        logger.error("Gave up sending e-mail %s after %s attempts", email.pk, email.attempts)
    else:
        email.next_attempt_at = now + retry_delay(email.attempts)
    email.sending_since = None
    email.save(update_fields=["last_error", "given_up_at", "next_attempt_at", "sending_since"])


def deliver(email_id: int) -> bool:
    """Send one stored e-mail unless already sent or being sent; True when it went out now.

    What is promised: a queued message is never lost (it stays pending until a send
    succeeds or EMAIL_MAX_ATTEMPTS is reached), and it is sent at most once more than
    needed: only when the process dies after the mail server accepted the message and
    before `sent_at` was saved. The attempt is committed first (`_claim`), so the retry
    waits EMAIL_SEND_LEASE_SECONDS and carries the same Message-ID, by which mail servers
    and clients recognise the copy.
    """
    email = _claim(email_id)
    if email is None:
        return False
    try:
        _message_of(email).send()
    except Exception as error:
        _record_failure(email, error)
        return False
    OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=timezone.now(), sending_since=None)
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
