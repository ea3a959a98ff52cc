"""The challenge overview: what the City's administrations need solved."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import (
    DANISH_COLLATION,
    Administration,
    LocalCommitteeArea,
    SustainableDevelopmentGoal,
)
from portal.uploads import private_upload_path
from portal.vocabulary import Collaboration, TargetGroup

__all__ = ["Collaboration", "TargetGroup"]  # shared with solutions; kept importable here


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    IN_DIALOGUE = "in_dialogue", _("In dialogue")
    SOLVED = "solved", _("Solved")
    CLOSED = "closed", _("Closed")
    ARCHIVED = "archived", _("Archived")


# The one place that says which status may follow which (checked by challenges.services).
TRANSITIONS = {
    Status.DRAFT: {Status.PUBLISHED},
    Status.PUBLISHED: {Status.IN_DIALOGUE, Status.SOLVED, Status.CLOSED},
    Status.IN_DIALOGUE: {Status.SOLVED, Status.CLOSED},
    Status.SOLVED: {Status.ARCHIVED},
    Status.CLOSED: {Status.ARCHIVED},
    Status.ARCHIVED: set(),
}
PUBLIC_STATUSES = (Status.PUBLISHED, Status.IN_DIALOGUE, Status.SOLVED, Status.CLOSED)


class BudgetRange(models.TextChoices):
    NOT_SET = "not_set", _("Not decided yet")
    UNDER_50K = "under_50k", _("Under 50,000 kr.")
    FROM_50K_TO_250K = "50k_250k", _("50,000–250,000 kr.")
    FROM_250K_TO_1M = "250k_1m", _("250,000 kr.–1 million kr.")
    OVER_1M = "over_1m", _("Over 1 million kr.")


class ChallengeQuerySet(models.QuerySet):
    def published(self):
        """What visitors see: everything made public and not archived."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def owned_by_any_of(self, administration_ids):
        return self.filter(
            Q(owner_id__in=administration_ids)
            | Q(
                pk__in=Challenge.co_owners.through.objects.filter(
                    administration_id__in=administration_ids
                ).values("challenge_id")
            )
        )

    def open_for_responses(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=Status.PUBLISHED, deadline__gte=today)


class Challenge(models.Model):
    title = models.CharField(_("title"), max_length=200, db_collation=DANISH_COLLATION)
    summary = models.CharField(
        _("short summary"),
        max_length=400,
        help_text=_("One or two sentences shown in the overview."),
    )
    description = models.TextField(
        _("description"),
        help_text=_(
            "The problem, who it concerns, what you hope for, and what the administration "
            "can offer (data, premises, budget, a contact)."
        ),
    )
    owner = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        related_name="owned_challenges",
        verbose_name=_("owner administration"),
    )
    co_owners = models.ManyToManyField(
        Administration,
        blank=True,
        related_name="co_owned_challenges",
        verbose_name=_("co-owner administrations"),
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="challenges_as_contact",
        verbose_name=_("contact person"),
    )
    districts = models.ManyToManyField(
        LocalCommitteeArea,
        blank=True,
        related_name="challenges",
        verbose_name=_("local committee areas"),
        help_text=_("Leave all unticked if the challenge concerns the whole city."),
    )
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal,
        blank=True,
        related_name="challenges",
        verbose_name=_("Sustainable Development Goals"),
    )
    target_groups = ArrayField(
        models.CharField(max_length=32, choices=TargetGroup.choices),
        default=list,
        blank=True,
        verbose_name=_("target groups"),
    )
    collaboration = models.CharField(
        _("kind of collaboration"), max_length=32, choices=Collaboration.choices
    )
    budget = models.CharField(
        _("budget"), max_length=16, choices=BudgetRange.choices, default=BudgetRange.NOT_SET
    )
    deadline = models.DateField(_("response deadline"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Copies of the owner and the many-to-many choices as arrays with GIN indexes, so that
    # the overview filters with one indexed condition each (see challenges.services).
    administration_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    district_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    sdg_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="danish")
        + SearchVector("summary", weight="B", config="danish")
        + SearchVector("description", weight="C", config="danish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-published_at", "-pk"]
        indexes = [
            GinIndex(fields=["search_vector"], name="challenge_search_vector"),
            models.Index(
                fields=["-published_at", "-id"],
                name="challenge_public_newest",
                condition=Q(status__in=PUBLIC_STATUSES),
            ),
            models.Index(
                fields=["deadline", "id"],
                name="challenge_public_deadline",
                condition=Q(status__in=PUBLIC_STATUSES),
            ),
            models.Index(fields=["owner", "status"], name="challenge_owner_status"),
            GinIndex(fields=["target_groups"], name="challenge_target_groups"),
            GinIndex(fields=["administration_ids"], name="challenge_administrations"),
            GinIndex(fields=["district_ids"], name="challenge_districts"),
            GinIndex(fields=["sdg_ids"], name="challenge_sdgs"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("challenges:detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_open_for_responses(self) -> bool:
        return self.status == Status.PUBLISHED and self.deadline >= timezone.localdate()

    @property
    def public_status_label(self):
        """A published challenge past its deadline shows as closed for new responses."""
        if self.status == Status.PUBLISHED and not self.is_open_for_responses:
            return _("Closed for responses")
        return self.get_status_display()

    @property
    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [labels.get(value, value) for value in self.target_groups]

    def allowed_transitions(self):
        return TRANSITIONS[Status(self.status)]


class ChallengeEvent(models.Model):
    """The history of a challenge: who changed what, when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        STATUS = "status", _("Status changed")

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="events", verbose_name=_("challenge")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("challenge event")
        verbose_name_plural = _("challenge events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["challenge", "-created_at"], name="challenge_event_recent")]

    def __str__(self):
        return f"{self.challenge_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def changed_field_labels(self) -> list[str]:
        return [str(Challenge._meta.get_field(name).verbose_name) for name in self.changed_fields]


class ResponseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    IN_DIALOGUE = "in_dialogue", _("In dialogue")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


# Which status of a response may follow which (checked by challenges.services).
RESPONSE_TRANSITIONS = {
    ResponseStatus.SUBMITTED: {
        ResponseStatus.SHORTLISTED,
        ResponseStatus.IN_DIALOGUE,
        ResponseStatus.ACCEPTED,
        ResponseStatus.DECLINED,
    },
    ResponseStatus.SHORTLISTED: {
        ResponseStatus.IN_DIALOGUE,
        ResponseStatus.ACCEPTED,
        ResponseStatus.DECLINED,
    },
    ResponseStatus.IN_DIALOGUE: {ResponseStatus.ACCEPTED, ResponseStatus.DECLINED},
    ResponseStatus.ACCEPTED: set(),
    ResponseStatus.DECLINED: set(),
}


def response_attachment_path(instance, filename):
    return private_upload_path("responses")


class ResponseQuerySet(models.QuerySet):
    def for_member(self, user):
        """Responses of the organisations the user is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__memberships__user=user)


class Response(models.Model):
    """An organisation's answer to a challenge."""

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="responses", verbose_name=_("challenge")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="challenge_responses",
        verbose_name=_("organisation"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    message = models.TextField(
        _("your answer"),
        help_text=_("How your organisation can help, what it has done before, and what you need."),
    )
    offer = models.CharField(
        _("which of your offers it concerns"),
        max_length=300,
        blank=True,
        help_text=_("For example the name of a service or product your organisation offers."),
    )
    attachment = models.FileField(
        _("attachment"), upload_to=response_attachment_path, blank=True, max_length=300
    )
    attachment_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ResponseStatus.choices,
        default=ResponseStatus.SUBMITTED,
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "organisation"], name="one_response_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.challenge}"

    def get_absolute_url(self):
        return reverse("challenges:response", kwargs={"pk": self.pk})

    def allowed_transitions(self):
        return RESPONSE_TRANSITIONS[ResponseStatus(self.status)]

    @property
    def accepts_messages(self) -> bool:
        return self.status == ResponseStatus.IN_DIALOGUE


class ResponseMessage(models.Model):
    """The dialogue on a response, and the messages that come with status changes."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="messages", verbose_name=_("response")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"), blank=True)
    to_status = models.CharField(max_length=16, choices=ResponseStatus.choices, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.response_id}: {self.body[:40]}"
