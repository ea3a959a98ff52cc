"""The solution overview: what social enterprises offer, and what it has achieved."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from portal.models import DANISH_COLLATION, LocalCommitteeArea, SustainableDevelopmentGoal
from portal.uploads import private_upload_path
from portal.vocabulary import Collaboration, TargetGroup


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# The one place that says which status may follow which (checked by solutions.services).
TRANSITIONS = {
    Status.DRAFT: {Status.PUBLISHED},
    Status.PUBLISHED: {Status.ARCHIVED},
    Status.ARCHIVED: {Status.PUBLISHED},
}


class PriceModel(models.TextChoices):
    FREE = "free", _("Free")
    FIXED = "fixed", _("Fixed price")
    PER_PARTICIPANT = "per_participant", _("Price per participant")
    SUBSCRIPTION = "subscription", _("Subscription")
    BY_AGREEMENT = "by_agreement", _("By agreement")


class SourceKind(models.TextChoices):
    REPORT = "report", _("Report")
    EVALUATION = "evaluation", _("Evaluation")
    OWN_MEASUREMENT = "own_measurement", _("Own measurement")


def solution_image_path(instance, filename):
    return private_upload_path("solutions")


class SolutionQuerySet(models.QuerySet):
    def published(self):
        """What visitors see."""
        return self.filter(status=Status.PUBLISHED)

    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)

    def in_district(self, district):
        return self.filter(district_ids__overlap=[getattr(district, "pk", district)])

    def of_members(self, user):
        """Every solution (any status) of the organisations the user is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__memberships__user=user)


class Solution(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="solutions",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200, db_collation=DANISH_COLLATION)
    summary = models.CharField(
        _("short summary"),
        max_length=400,
        help_text=_("One or two sentences shown in the overview."),
    )
    description = models.TextField(
        _("description"),
        max_length=20000,
        help_text=_("What you offer, how it works, and what a collaboration looks like."),
    )
    problem = models.TextField(
        _("the problem it solves"),
        max_length=5000,
        help_text=_("Which social problem the solution addresses, and for whom."),
    )
    target_groups = ArrayField(
        models.CharField(max_length=32, choices=TargetGroup.choices),
        default=list,
        blank=True,
        verbose_name=_("target groups"),
    )
    districts = models.ManyToManyField(
        LocalCommitteeArea,
        blank=True,
        related_name="solutions",
        verbose_name=_("local committee areas"),
        help_text=_("Leave all unticked if the solution is offered across the whole city."),
    )
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal,
        blank=True,
        related_name="solutions",
        verbose_name=_("Sustainable Development Goals"),
    )
    collaborations = ArrayField(
        models.CharField(max_length=32, choices=Collaboration.choices),
        default=list,
        blank=True,
        verbose_name=_("kinds of collaboration"),
    )
    price_model = models.CharField(
        _("price model"), max_length=20, choices=PriceModel.choices, default=PriceModel.BY_AGREEMENT
    )
    price_text = models.CharField(
        _("about the price"),
        max_length=300,
        blank=True,
        help_text=_("Optional, for example “2,500 kr. per course of eight sessions”."),
    )
    image = models.FileField(
        _("image"), upload_to=solution_image_path, blank=True, max_length=300, editable=False
    )
    image_small = models.FileField(
        upload_to=solution_image_path, blank=True, max_length=300, editable=False
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_description = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
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
    # Copies of the many-to-many choices as arrays with GIN indexes, so that the overview
    # filters with one indexed condition each (kept in step by solutions.services).
    district_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    sdg_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="danish")
        + SearchVector("summary", weight="B", config="danish")
        + SearchVector("problem", weight="C", config="danish")
        + SearchVector("description", weight="C", config="danish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = SolutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        ordering = ["-published_at", "-pk"]
        indexes = [
            GinIndex(fields=["search_vector"], name="solution_search_vector"),
            models.Index(
                fields=["-published_at", "-id"],
                name="solution_public_newest",
                condition=Q(status="published"),
            ),
            models.Index(
                fields=["title", "id"],
                name="solution_public_title",
                condition=Q(status="published"),
            ),
            models.Index(fields=["organisation", "status"], name="solution_organisation_status"),
            GinIndex(fields=["target_groups"], name="solution_target_groups"),
            GinIndex(fields=["collaborations"], name="solution_collaborations"),
            GinIndex(fields=["district_ids"], name="solution_districts"),
            GinIndex(fields=["sdg_ids"], name="solution_sdgs"),
            # The overview's filters in one index of the published solutions: a filter on
            # two arrays reads one short list of matches instead of intersecting two long
            # ones (every solution with a common collaboration) and visiting drafts.
            GinIndex(
                fields=["district_ids", "collaborations", "target_groups", "sdg_ids"],
                name="solution_public_filters",
                condition=Q(status="published"),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("solutions:detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [labels.get(value, value) for value in self.target_groups]

    @property
    def collaboration_labels(self) -> list[str]:
        labels = dict(Collaboration.choices)
        return [labels.get(value, value) for value in self.collaborations]

    def allowed_transitions(self):
        return TRANSITIONS[Status(self.status)]


class SolutionListing(models.Model):
    """One narrow row per published solution: what the public overview filters and sorts
    on when nobody searches for words. A filter visits one row per match; in this table a
    page of the heap holds some forty of them instead of two wide solutions, which makes
    an uncached filtered overview twice as fast at 100,000 solutions.

    Kept by the database itself (the trigger of migration 0003), like the search vector:
    every write of a solution, by a service, the admin or a bulk load, updates or removes
    its row in the same transaction. Nothing in Python writes it."""

    solution = models.OneToOneField(
        Solution,
        on_delete=models.DO_NOTHING,  # the trigger removes the row with the solution
        primary_key=True,
        related_name="+",
        db_constraint=False,
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.DO_NOTHING,  # the solution's own organisation, removed with it
        related_name="+",
        db_constraint=False,
    )
    published_at = models.DateTimeField(null=True)
    title = models.CharField(max_length=200, db_collation=DANISH_COLLATION)
    district_ids = ArrayField(models.IntegerField(), default=list)
    sdg_ids = ArrayField(models.IntegerField(), default=list)
    target_groups = ArrayField(models.CharField(max_length=32), default=list)
    collaborations = ArrayField(models.CharField(max_length=32), default=list)
    price_model = models.CharField(max_length=20)

    class Meta:
        managed = True
        default_permissions = ()
        indexes = [
            GinIndex(
                fields=["district_ids", "collaborations", "target_groups", "sdg_ids"],
                name="listing_filters",
            ),
            models.Index(fields=["-published_at", "-solution"], name="listing_newest"),
            models.Index(fields=["title", "solution"], name="listing_title"),
        ]

    def __str__(self):
        return self.title


class ImpactStatement(models.Model):
    """One documented outcome: "what we have achieved"."""

    solution = models.ForeignKey(
        Solution,
        on_delete=models.CASCADE,
        related_name="impact_statements",
        verbose_name=_("solution"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    outcome = models.CharField(
        _("outcome"),
        max_length=300,
        help_text=_("What changed, for example “young people who started an education”."),
    )
    figure = models.DecimalField(
        _("figure"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(
        _("unit"), max_length=60, help_text=_("For example “people”, “per cent” or “tonnes”.")
    )
    period = models.CharField(
        _("period"), max_length=100, help_text=_("For example “2024” or “2022–2024”.")
    )
    source_kind = models.CharField(_("source"), max_length=20, choices=SourceKind.choices)
    source_text = models.CharField(
        _("about the source"),
        max_length=300,
        blank=True,
        help_text=_("The report's title, who evaluated it, or how you measured."),
    )

    class Meta:
        verbose_name = _("impact statement")
        verbose_name_plural = _("impact statements")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["solution", "position"], name="impact_solution_position")]

    def __str__(self):
        return f"{self.figure} {self.unit}: {self.outcome}"

    @property
    def figure_display(self) -> str:
        """The figure in the page's language without needless decimals: "1.500", "62,5"."""
        text = f"{self.figure:f}"
        decimals = len(text.partition(".")[2].rstrip("0"))
        return number_format(self.figure, decimal_pos=decimals, force_grouping=True)


class SolutionEvent(models.Model):
    """The history of a solution: who changed what, when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        STATUS = "status", _("Status changed")

    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="events", verbose_name=_("solution")
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
        verbose_name = _("solution event")
        verbose_name_plural = _("solution events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["solution", "-created_at"], name="solution_event_recent")]

    def __str__(self):
        return f"{self.solution_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def changed_field_labels(self) -> list[str]:
        labels = []
        for name in self.changed_fields:
            if name == "impact_statements":
                labels.append(str(_("what we have achieved")))
                continue
            try:
                labels.append(str(Solution._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:  # a field since removed: show its name
                labels.append(name)
        return labels


# What the button for each transition says, and what the page says after it.
TRANSITION_ACTIONS = {
    Status.DRAFT: _("Make it a draft again"),
    Status.PUBLISHED: _("Publish"),
    Status.ARCHIVED: _("Archive"),
}
TRANSITION_MESSAGES = {
    Status.DRAFT: _("The solution is a draft again."),
    Status.PUBLISHED: _("The solution has been published."),
    Status.ARCHIVED: _("The solution has been archived. Only your organisation can see it."),
}
