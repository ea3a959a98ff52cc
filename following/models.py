"""What users follow, and what they have been told.

A `Subscription` is one thing a user follows: a saved search of the challenge or solution
overview (its query string, normalised), or a standing interest (challenges that fit the
user's organisations, suggested solutions for their administration's challenges, new
solutions in their administration's areas and goals) delivered at once or in the digest.
`Follower` holds how often the user's digest comes and up to when it has told them
(`digest_until`, the watermark). A `Digest` row is written in the same transaction as the
digest's e-mail in the outbox, unique per user and period: the digest goes out once. A
`Notice` is one standing-interest event for one user (unique, so never twice), delivered by
an immediate e-mail (`sent_at`) or by a digest (`digest`).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly, on Mondays")


class Kind(models.TextChoices):
    CHALLENGE_SEARCH = "challenge_search", _("A search among the challenges")
    SOLUTION_SEARCH = "solution_search", _("A search among the solutions")
    FITTING_CHALLENGES = "fitting_challenges", _("New challenges that fit your organisation")
    SUGGESTED_SOLUTIONS = (
        "suggested_solutions",
        _("New suggested solutions for your administration's challenges"),
    )
    AREA_SOLUTIONS = (
        "area_solutions",
        _("New solutions in your administration's areas and goals"),
    )


SEARCH_KINDS = (Kind.CHALLENGE_SEARCH, Kind.SOLUTION_SEARCH)
STANDING_KINDS = (Kind.FITTING_CHALLENGES, Kind.SUGGESTED_SOLUTIONS, Kind.AREA_SOLUTIONS)


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately, in an e-mail of its own")
    DIGEST = "digest", _("In the digest")


class SubscriptionQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user)

    def in_digest(self):
        return self.filter(delivery=Delivery.DIGEST)


class Subscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    # A saved search's query string with only the parameters its overview knows, in the
    # overview's own order (following.searches.normalise); empty for standing interests.
    query = models.CharField(_("search"), max_length=2000, blank=True)
    delivery = models.CharField(
        _("delivery"), max_length=16, choices=Delivery.choices, default=Delivery.DIGEST
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "query"], name="unique_subscription")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.kind} {self.query}"

    @property
    def is_search(self) -> bool:
        return self.kind in SEARCH_KINDS


class Follower(models.Model):
    """A user's digest: how often, and up to when it has told them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follower"
    )
    frequency = models.CharField(
        _("how often"), max_length=8, choices=Frequency.choices, default=Frequency.DAILY
    )
    # Saved searches: items published after this are new to the user.
    digest_until = models.DateTimeField(_("told up to"), default=timezone.now)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class Digest(models.Model):
    """One digest sent to one user for one period (unique: the digest goes out once)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("period"), max_length=16)  # "2026-12-07" or "2026-W50"
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()
    items = models.PositiveIntegerField(_("items"))
    email = models.ForeignKey(
        "portal.OutgoingEmail", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        constraints = [
            models.UniqueConstraint(fields=["user", "period"], name="unique_digest_per_period")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.period}"


class Notice(models.Model):
    """Something new for one of a user's standing interests: a new suggested pair, or a
    solution published in their administration's areas and goals."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, null=True, related_name="+"
    )
    solution = models.ForeignKey(
        "solutions.Solution", on_delete=models.CASCADE, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True)  # by an e-mail of its own
    digest = models.ForeignKey(Digest, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "challenge", "solution"],
                name="unique_notice",
                nulls_distinct=False,
            )
        ]
        indexes = [
            models.Index(
                fields=["user"],
                name="notice_waiting",
                condition=models.Q(sent_at__isnull=True, digest__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.user_id}: {self.kind} {self.challenge_id}/{self.solution_id}"
