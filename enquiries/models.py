"""The single point of contact (Én indgang): enquiries and what happens to them."""

import re
from datetime import date

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.functions import Concat, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enquiries.domain import (
    DUE_DATE,
    FINISHED_STATUSES,
    OPEN_STATUSES,
    RUNNING_STATUSES,
    Due,
    Status,
    hash_token,
)
from portal.models import Administration, BilingualName
from portal.uploads import private_upload_path


class Topic(BilingualName):
    """What an enquiry is about; the administrators maintain the list."""

    slug = models.SlugField(unique=True)
    suggested_administration = models.ForeignKey(
        Administration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suggested administration"),
    )
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        help_text=_("Words that point to this topic's administration, separated by commas."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name_da"]


class ReferenceCounter(models.Model):
    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self):
        return f"{self.year}: {self.last}"


# Shorter search words match only as written: trigrams of two or three letters find
# too much.
TYPO_TOLERANT_FROM = 4
WORDS_OF_LETTERS = re.compile(r"[^\W\d_]+( [^\W\d_]+)*")


class EnquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def with_due(self):
        """Annotated with `due` (DUE_DATE)."""
        return self.annotate(due=DUE_DATE)

    def overdue(self, today):
        """Past their due date with the clock running; needs `with_due()`."""
        return self.filter(status__in=RUNNING_STATUSES, due__lt=today)

    def matching(self, text: str):
        """Whose reference number, name, e-mail address, organisation or message contains
        `text`, in any case; words of letters also find names like them ("Birgite" finds
        "Birgitte": pg_trgm's strict word similarity on the names, from four letters on),
        reference numbers and addresses only themselves. Both use trigram indexes."""
        text = " ".join(text.lower().split())
        query = models.Q(search_text__contains=text)
        if len(text) >= TYPO_TOLERANT_FROM and WORDS_OF_LETTERS.fullmatch(text):
            query |= models.Q(name_text__trigram_strict_word_similar=text)
        return self.filter(query)

    def in_queue_order(self):
        """The first due first; needs `with_due()`."""
        return self.order_by("due", "created_at", "pk")

    def by_status_token(self, token: str):
        """The enquiry of a private status link: the receipt's or one sent with a later
        message (EnquiryStatusLink); none once the links are revoked (anonymised)."""
        token_hash = hash_token(token)
        # Two unique, indexed equalities (a link's hash is unique, so its subquery gives one
        # value): with `pk IN (subquery)` PostgreSQL read every enquiry on each page view.
        by_link = EnquiryStatusLink.objects.filter(token_hash=token_hash).values("enquiry_id")
        return self.filter(
            models.Q(status_token_hash=token_hash) | models.Q(pk=models.Subquery(by_link[:1])),
            status_token_revoked_at__isnull=True,
        )


class Enquiry(models.Model):
    reference = models.CharField(_("reference number"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="enquiries", verbose_name=_("topic")
    )
    message = models.TextField(_("message"))
    # The language the enquiry was written in: every e-mail to the enquirer uses it.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="da", editable=False
    )
    # When the enquirer was shown how the City processes the enquiry (privacy notice; the
    # legal basis is art. 6(1)(e), not consent).
    consent_given_at = models.DateTimeField(_("privacy notice shown"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("user"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    lead_administration = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_enquiries",
        verbose_name=_("lead administration"),
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_enquiries",
        verbose_name=_("handler"),
    )
    status_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status_token_revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    triage_due = models.DateField(_("triage due"))
    answer_due = models.DateField(_("answer due"))
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    participating_administrations = models.ManyToManyField(
        Administration,
        through="EnquiryRouting",
        blank=True,
        related_name="participating_enquiries",
        verbose_name=_("administrations"),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # What the queue's free-text search looks in, lower-cased, with a trigram index.
    search_text = models.GeneratedField(
        expression=Lower(
            Concat(
                "reference",
                models.Value(" "),
                "name",
                models.Value(" "),
                "email",
                models.Value(" "),
                "organisation_name",
                models.Value(" "),
                "message",
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
    )

    # The names alone, for the search's typo tolerance: short, so comparing trigrams is
    # cheap (against the messages it took close to a second on 50,000 enquiries).
    name_text = models.GeneratedField(
        expression=Lower(
            Concat("name", models.Value(" "), "organisation_name", output_field=models.TextField())
        ),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The queue's order among open enquiries.
            models.Index(
                DUE_DATE,
                models.F("created_at"),
                models.F("id"),
                name="enquiry_queue_due",
                condition=models.Q(
                    status__in=[
                        "received",
                        "triaged",
                        "routed",
                        "in_progress",
                        "waiting",
                        "answered",
                    ]
                ),
            ),
            # The same order within one status (the queue filtered on a status).
            models.Index(
                models.F("status"),
                DUE_DATE,
                models.F("created_at"),
                models.F("id"),
                name="enquiry_status_due",
            ),
            GinIndex(
                fields=["search_text"], name="enquiry_search_trgm", opclasses=["gin_trgm_ops"]
            ),
            GinIndex(fields=["name_text"], name="enquiry_name_trgm", opclasses=["gin_trgm_ops"]),
            models.Index(fields=["status", "answer_due"], name="enquiry_queue"),
            models.Index(fields=["lead_administration", "status"], name="enquiry_inbox"),
        ]

    def __str__(self):
        return self.reference

    @property
    def due_date(self):
        """DUE_DATE for this enquiry, in Python."""
        return self.triage_due if self.status == Status.RECEIVED else self.answer_due

    @property
    def due_label(self) -> str:
        """What the due date is the deadline of: triage until triaged, then the answer."""
        return _("Triage due") if self.status == Status.RECEIVED else _("Answer due")

    def due_state(self, today: date | None = None) -> Due:
        return Due.of(self.status, self.due_date, today or timezone.localdate())

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def expects_answer(self) -> bool:
        """Whether the enquirer is waiting for an answer from the City (the clock runs)."""
        return self.status in RUNNING_STATUSES


class EnquiryStatusLink(models.Model):
    """A further private status link, sent with a later message to the enquirer: only the
    hash of its token is stored, like the receipt's (`Enquiry.status_token_hash`)."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="status_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("status link")
        verbose_name_plural = _("status links")

    def __str__(self):
        return f"{self.enquiry_id} {self.created_at:%Y-%m-%d %H:%M}"


def attachment_path(instance, filename):
    return private_upload_path("enquiries")


class EnquiryAttachment(models.Model):
    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("enquiry")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"))
    from_enquirer = models.BooleanField(default=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name


class EnquiryEvent(models.Model):
    """The timeline: status changes, messages and notes, each public or internal."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        STATUS = "status", _("Status changed")
        MESSAGE = "message", _("Message")
        NOTE = "note", _("Internal note")

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="events", verbose_name=_("enquiry")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    from_enquirer = models.BooleanField(default=False)
    is_public = models.BooleanField(_("visible to the enquirer"), default=False)
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    body = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("enquiry event")
        verbose_name_plural = _("enquiry events")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["enquiry", "created_at"], name="enquiry_event_timeline")]

    def __str__(self):
        return f"{self.enquiry_id} {self.kind}"

    @property
    def staff_heading(self) -> str:
        """What the staff timeline calls this entry."""
        if self.kind == self.Kind.STATUS:
            return _("Status: %(from)s → %(to)s") % {
                "from": self.get_from_status_display(),
                "to": self.get_to_status_display(),
            }
        if self.kind == self.Kind.MESSAGE:
            return _("The enquirer wrote") if self.from_enquirer else _("Message to the enquirer")
        return str(self.Kind(self.kind).label)

    @property
    def public_heading(self) -> str:
        """What the enquirer's page calls a message."""
        return _("You wrote") if self.from_enquirer else _("The City answered")


class EnquiryRouting(models.Model):
    """An administration an enquiry is routed to: the lead (owns the answer) or one that
    takes part. The receiving administration confirms each hand-off."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTICIPANT = "participant", _("Takes part")

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="routings")
    administration = models.ForeignKey(
        Administration, on_delete=models.PROTECT, related_name="enquiry_routings"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    note = models.TextField(_("routing note"), blank=True)
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    routed_at = models.DateTimeField(_("routed"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("routing")
        verbose_name_plural = _("routings")
        constraints = [
            models.UniqueConstraint(
                fields=["enquiry", "administration"], name="one_routing_per_administration"
            )
        ]

    def __str__(self):
        return f"{self.enquiry_id} → {self.administration_id} ({self.role})"


class ReplyTemplate(models.Model):
    """Reusable answers for the contact officer and the administrations."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["title"]

    def __str__(self):
        return self.title


class EnquiryAccess(models.Model):
    """Every time a member of staff opens an enquiry's personal data."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    accessed_at = models.DateTimeField(_("opened"), default=timezone.now)

    class Meta:
        verbose_name = _("access to an enquiry")
        verbose_name_plural = _("accesses to enquiries")
        ordering = ["-accessed_at"]

    def __str__(self):
        return f"{self.enquiry_id} {self.user_id} {self.accessed_at:%Y-%m-%d %H:%M}"
