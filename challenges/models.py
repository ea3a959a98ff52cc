"""The challenge overview: what the City's administrations need solved."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
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


@dataclass(frozen=True)
class Transition:
    """What a move to a status is called on its button and said once it is done.

    `needs_confirmation`: the button leads to a page that asks first (accepting, declining,
    withdrawing). `by_organisation`: the responding organisation makes it, not the owners.
    """

    to: str
    label: str | Promise
    done: str | Promise
    primary: bool = False
    needs_confirmation: bool = False
    by_organisation: bool = False
    question: str | Promise = ""
    confirm_label: str | Promise = ""


# The one place that says which status may follow which (checked by challenges.services).
FINISHED_STATUSES = (Status.SOLVED, Status.CLOSED)
TRANSITIONS = {
    Status.DRAFT: {Status.PUBLISHED},
    Status.PUBLISHED: {Status.IN_DIALOGUE, *FINISHED_STATUSES},
    Status.IN_DIALOGUE: set(FINISHED_STATUSES),
    Status.SOLVED: {Status.ARCHIVED},
    Status.CLOSED: {Status.ARCHIVED},
    Status.ARCHIVED: set(),
}
PUBLIC_STATUSES = (Status.PUBLISHED, Status.IN_DIALOGUE, *FINISHED_STATUSES)
# The status in which a challenge takes responses, until its deadline.
OPEN_STATUS = Status.PUBLISHED

CHALLENGE_ACTIONS: dict[str, Transition] = {
    Status.PUBLISHED: Transition(
        Status.PUBLISHED, _("Publish"), _("The challenge has been published."), primary=True
    ),
    Status.IN_DIALOGUE: Transition(
        Status.IN_DIALOGUE,
        _("Mark as in dialogue"),
        _("The challenge is now marked as in dialogue."),
    ),
    Status.SOLVED: Transition(
        Status.SOLVED, _("Mark as solved"), _("The challenge is now marked as solved.")
    ),
    Status.CLOSED: Transition(Status.CLOSED, _("Close"), _("The challenge has been closed.")),
    Status.ARCHIVED: Transition(
        Status.ARCHIVED, _("Archive"), _("The challenge has been archived.")
    ),
}


class BudgetRange(models.TextChoices):
    NOT_SET = "not_set", _("Not decided yet")
    UNDER_50K = "under_50k", _("Under 50,000 kr.")
    FROM_50K_TO_250K = "50k_250k", _("50,000–250,000 kr.")
    FROM_250K_TO_1M = "250k_1m", _("250,000 kr.–1 million kr.")
    OVER_1M = "over_1m", _("Over 1 million kr.")


def _open_for_responses(today=None) -> Q:
    return Q(status=OPEN_STATUS, deadline__gte=today or timezone.localdate())


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
        """Published and the deadline not passed: the one rule (its Python form is
        Challenge.is_open_for_responses)."""
        return self.filter(_open_for_responses(today))

    def closed_for_responses(self, today=None):
        return self.exclude(_open_for_responses(today))


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
        """The Python form of ChallengeQuerySet.open_for_responses."""
        return self.status == OPEN_STATUS and self.deadline >= timezone.localdate()

    @property
    def public_status_label(self):
        """What a visitor wants to know of a published challenge: may I still respond?"""
        if self.status == OPEN_STATUS:
            if self.is_open_for_responses:
                return _("Open for responses")
            return _("Closed for responses")
        return self.get_status_display()

    @property
    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [labels.get(value, value) for value in self.target_groups]

    def allowed_transitions(self):
        return TRANSITIONS[Status(self.status)]

    def available_actions(self) -> list[Transition]:
        """The buttons for the statuses that may follow this one, in the order of Status."""
        allowed = self.allowed_transitions()
        return [CHALLENGE_ACTIONS[status] for status in Status if status in allowed]


def _describe(event, changed_field_labels: list[str]) -> str:
    """A history entry in words: "Published → In dialogue", "Edited: title, budget"."""
    if event.kind == "status":
        if event.from_status:
            return f"{event.get_from_status_display()} → {event.get_to_status_display()}"
        return str(event.get_to_status_display())
    if event.kind == "edited" and changed_field_labels:
        return f"{_('Edited')}: {', '.join(changed_field_labels)}"
    return str(event.get_kind_display())


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

    @property
    def description(self) -> str:
        """One line for the history table."""
        return _describe(self, self.changed_field_labels)


class ResponseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    IN_DIALOGUE = "in_dialogue", _("In dialogue")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Which status of a response may follow which (checked by challenges.services).
RESPONSE_TRANSITIONS = {
    ResponseStatus.SUBMITTED: {
        ResponseStatus.SHORTLISTED,
        ResponseStatus.IN_DIALOGUE,
        ResponseStatus.ACCEPTED,
        ResponseStatus.DECLINED,
        ResponseStatus.WITHDRAWN,
    },
    ResponseStatus.SHORTLISTED: {
        ResponseStatus.IN_DIALOGUE,
        ResponseStatus.ACCEPTED,
        ResponseStatus.DECLINED,
    },
    ResponseStatus.IN_DIALOGUE: {ResponseStatus.ACCEPTED, ResponseStatus.DECLINED},
    ResponseStatus.ACCEPTED: set(),
    ResponseStatus.DECLINED: set(),
    ResponseStatus.WITHDRAWN: set(),
}
# Until the owners shortlist it (or go further), the organisation may edit or withdraw it.
RESPONSE_EDITABLE_STATUSES = (ResponseStatus.SUBMITTED,)
# Both sides write in every open status and after acceptance.
RESPONSE_MESSAGE_STATUSES = (
    ResponseStatus.SUBMITTED,
    ResponseStatus.SHORTLISTED,
    ResponseStatus.IN_DIALOGUE,
    ResponseStatus.ACCEPTED,
)
RESPONSE_FINISHED_STATUSES = (
    ResponseStatus.ACCEPTED,
    ResponseStatus.DECLINED,
    ResponseStatus.WITHDRAWN,
)

RESPONSE_ACTIONS: dict[str, Transition] = {
    ResponseStatus.SHORTLISTED: Transition(
        ResponseStatus.SHORTLISTED, _("Shortlist"), _("The response has been shortlisted.")
    ),
    ResponseStatus.IN_DIALOGUE: Transition(
        ResponseStatus.IN_DIALOGUE,
        _("Open a dialogue"),
        _("The dialogue has been opened. The organisation has been told."),
        primary=True,
    ),
    ResponseStatus.ACCEPTED: Transition(
        ResponseStatus.ACCEPTED,
        _("Accept …"),
        _("The response has been accepted."),
        needs_confirmation=True,
        question=_("Accept the response from %(organisation)s?"),
        confirm_label=_("Yes, accept the response"),
    ),
    ResponseStatus.DECLINED: Transition(
        ResponseStatus.DECLINED,
        _("Decline …"),
        _("The response has been declined."),
        needs_confirmation=True,
        question=_("Decline the response from %(organisation)s?"),
        confirm_label=_("Yes, decline the response"),
    ),
    ResponseStatus.WITHDRAWN: Transition(
        ResponseStatus.WITHDRAWN,
        _("Withdraw the response …"),
        _("Your response has been withdrawn."),
        needs_confirmation=True,
        by_organisation=True,
        question=_("Withdraw the response from %(organisation)s?"),
        confirm_label=_("Yes, withdraw the response"),
    ),
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
    solution = models.ForeignKey(
        "solutions.Solution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenge_responses",
        verbose_name=_("solution"),
        help_text=_("Optional: one of your organisation's published solutions."),
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

    def available_actions(self, *, by_organisation: bool) -> list[Transition]:
        """The buttons of one side (the owners, or the responding organisation)."""
        allowed = self.allowed_transitions()
        return [
            action
            for status, action in RESPONSE_ACTIONS.items()
            if status in allowed and action.by_organisation == by_organisation
        ]

    @property
    def accepts_messages(self) -> bool:
        return self.status in RESPONSE_MESSAGE_STATUSES

    @property
    def is_editable(self) -> bool:
        return self.status in RESPONSE_EDITABLE_STATUSES

    @property
    def is_finished(self) -> bool:
        return self.status in RESPONSE_FINISHED_STATUSES


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


class ResponseEvent(models.Model):
    """The history of a response: submitted, edited, every change of status; who and when."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        EDITED = "edited", _("Edited")
        STATUS = "status", _("Status changed")

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="events", verbose_name=_("response")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    from_status = models.CharField(max_length=16, choices=ResponseStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=ResponseStatus.choices, blank=True)
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("response event")
        verbose_name_plural = _("response events")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["response", "created_at"], name="response_event_order")]

    def __str__(self):
        return f"{self.response_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def changed_field_labels(self) -> list[str]:
        return [str(Response._meta.get_field(name).verbose_name) for name in self.changed_fields]

    @property
    def description(self) -> str:
        """One line for the history table."""
        return _describe(self, self.changed_field_labels)
