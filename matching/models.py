"""Suggestions between needs (challenges) and offers (solutions), with their reasons.

A row is one scored pair, refreshed by `matching.tasks.refresh_suggestions` whenever either
side is published or changed (see ARCHITECTURE.md, "Matchmaking"). Pages read the rows; they
never score.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


class Suggestion(models.Model):
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="suggestions"
    )
    solution = models.ForeignKey(
        "solutions.Solution", on_delete=models.CASCADE, related_name="suggestions"
    )
    score = models.FloatField(_("score"))
    # {"sdgs": [{"number", "da", "en"}], "districts": [{"da", "en"}],
    #  "target_groups": [code], "collaborations": [code], "words": [word]}
    reasons = models.JSONField(_("reasons"), default=dict)
    refreshed_at = models.DateTimeField(default=timezone.now)
    # The owners said "not relevant": kept, never shown again for this challenge.
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "solution"], name="unique_suggestion")
        ]
        indexes = [
            models.Index(
                fields=["challenge", "-score"],
                name="suggestion_for_challenge",
                condition=Q(dismissed_at__isnull=True),
            ),
            models.Index(
                fields=["solution", "-score"],
                name="suggestion_for_solution",
                condition=Q(dismissed_at__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.challenge_id} ↔ {self.solution_id} ({self.score:.1f})"


class Invitation(models.Model):
    """A challenge's owners asked an organisation to respond (once per pair)."""

    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="response_invitations"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="response_invitations"
    )
    solution = models.ForeignKey(
        "solutions.Solution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="response_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "organisation"], name="unique_invitation")
        ]

    def __str__(self):
        return f"{self.challenge_id} → {self.organisation_id}"

    def respond_query(self) -> str:
        """What the response form proposes for the invitation (only if it is still the
        user's to choose, challenges.forms.ResponseForm): the organisation and the
        suggested solution."""
        params = {"organisation": self.organisation_id}
        if self.solution_id is not None:
            params["solution"] = self.solution_id
        return urlencode(params)

    def get_respond_url(self) -> str:
        return f"{reverse('challenges:respond', args=[self.challenge_id])}?{self.respond_query()}"


class OverviewVisit(models.Model):
    """When the user last looked at their work overview: what came later is marked new."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="overview_visit"
    )
    last_seen_at = models.DateTimeField()
    previous_seen_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.user_id}: {self.last_seen_at:%Y-%m-%d %H:%M}"
