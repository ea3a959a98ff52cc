"""Accounts, roles and the City's reference data."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DANISH_COLLATION = "da-x-icu"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def with_role(self, role):
        """The active users who hold `role` (a Role)."""
        return self.filter(is_active=True, role_assignments__role=role).distinct()

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


def supported_language(code: str | None) -> str | None:
    """The portal's language for a language code ("en-gb" → "en"), or None."""
    code = (code or "").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else None


class User(AbstractUser):
    """A person with an account; the e-mail address is the login."""

    username = None  # type: ignore[assignment]  # no user name: the e-mail address is the login
    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    # The language of the pages the user last read (portal.middleware): e-mails to the user
    # go out in it.
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    # The e-mail manager replaces AbstractUser's user-name one.
    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email


class BilingualName(models.Model):
    """Reference data named in Danish and English; `name` follows the active language."""

    name_da = models.CharField(_("Danish name"), max_length=200, db_collation=DANISH_COLLATION)
    name_en = models.CharField(_("English name"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "da").startswith("en") else self.name_da


class Administration(BilingualName):
    """One of the City of Copenhagen's seven administrations (forvaltninger)."""

    code = models.CharField(_("abbreviation"), max_length=10, unique=True)
    slug = models.SlugField(unique=True)

    class Meta:
        verbose_name = _("administration")
        verbose_name_plural = _("administrations")
        ordering = ["name_da"]


class LocalCommitteeArea(BilingualName):
    """One of the twelve local committee areas (lokaludvalg)."""

    slug = models.SlugField(unique=True)

    class Meta:
        verbose_name = _("local committee area")
        verbose_name_plural = _("local committee areas")
        ordering = ["name_da"]


class SustainableDevelopmentGoal(BilingualName):
    """One of the UN's 17 Sustainable Development Goals (Verdensmålene)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"


class AdministrationMembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class AdministrationMembership(models.Model):
    """A civil servant's place in an administration."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="administration_memberships",
        verbose_name=_("user"),
    )
    administration = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("administration"),
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = AdministrationMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("administration membership")
        verbose_name_plural = _("administration memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "administration"], name="unique_administration_membership"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.administration.code}"


class Role(models.TextChoices):
    """Portal-wide staff roles; civil servants are staff through AdministrationMembership."""

    CONTACT_OFFICER = "contact_officer", _("Contact officer")
    COUNCIL_MEMBER = "council_member", _("Council member")
    COUNCIL_SECRETARY = "council_secretary", _("Council secretary")
    ADMINISTRATOR = "administrator", _("Administrator")


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(_("granted"), default=timezone.now)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_role")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}"


class OutgoingEmailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True, given_up_at__isnull=True)


class OutgoingEmail(models.Model):
    """The outbox: every e-mail is stored here before a task sends it.

    A send that fails stays pending and is retried, so no message is lost when the
    mail server is down; `sent_at` makes a retry after success a no-op. `message_id` is
    chosen when the message is queued and sent with every attempt; `sending_since` is
    committed before the mail server is contacted, so an attempt cut off by a crash is
    known, is not repeated while it may still be under way, and is retried with the same
    Message-ID (portal/mail.py).
    """

    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=998)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    # Further headers an app asks for (List-Unsubscribe): name → one-line value.
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    given_up_at = models.DateTimeField(_("given up"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True)
    sending_since = models.DateTimeField(_("being sent since"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outgoing_email_pending",
                condition=models.Q(sent_at__isnull=True, given_up_at__isnull=True),
            )
        ]

    def __str__(self):
        return self.subject


class SearchWord(models.Model):
    """Every word that occurs in searchable text: the lexicon that search corrects against.

    Trigram similarity on this small table finds the words a search term was probably
    meant as (typos, compounds that end with the term: 'pensionister' →
    'førtidspensionister'); full-text search then looks for those words in the documents.
    Matching trigrams against whole documents instead is far slower on large tables.
    """

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        indexes = [
            GinIndex(fields=["word"], name="search_word_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self):
        return self.word


class RateLimitCounter(models.Model):
    """One fixed window of one rate limit (portal/ratelimit.py): counted by a single
    atomic upsert, so parallel requests cannot slip past the limit. Rows whose window has
    ended are deleted by the periodic task `portal.tasks.prune_rate_limits`."""

    key = models.CharField(max_length=64, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")

    def __str__(self):
        return f"{self.key}: {self.count}"
