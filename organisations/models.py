"""Social enterprises and entrepreneurs, and the people who act for them."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.validators import validate_cvr, validate_web_address
from portal.models import DANISH_COLLATION, LocalCommitteeArea, SustainableDevelopmentGoal

INVITATION_VALIDITY = timedelta(days=14)


class LegalForm(models.TextChoices):
    APS = "aps", _("Private limited company (ApS)")
    AS = "as", _("Public limited company (A/S)")
    COOPERATIVE = "amba", _("Co-operative (A.m.b.A.)")
    ASSOCIATION = "association", _("Association (forening)")
    FOUNDATION = "foundation", _("Foundation (fond)")
    SELF_GOVERNING = "self_governing", _("Self-governing institution")
    SOLE_PROPRIETORSHIP = "sole", _("Sole proprietorship")
    PARTNERSHIP = "partnership", _("Partnership (I/S)")
    OTHER = "other", _("Other")


class OrganisationQuerySet(models.QuerySet):
    def for_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def in_area(self, area):
        """Organisations that name the local committee area (GIN-indexed array)."""
        return self.filter(district_ids__contains=[area.pk])

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, db_collation=DANISH_COLLATION)
    slug = models.SlugField(unique=True, max_length=220)
    cvr = models.CharField(
        _("CVR number"),
        max_length=8,
        unique=True,
        validators=[validate_cvr],
        help_text=_("The organisation's 8-digit number in the Central Business Register."),
    )
    is_rsv_registered = models.BooleanField(
        _("registered social enterprise (RSV)"),
        default=False,
        help_text=_("Registered with the Danish Business Authority as a social enterprise."),
    )
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    purpose = models.TextField(
        _("purpose"), help_text=_("What the organisation does and for whom: its social purpose.")
    )
    website = models.URLField(
        _("website"), blank=True, validators=[validate_web_address], max_length=300
    )
    email = models.EmailField(_("public e-mail address"), blank=True)
    districts = models.ManyToManyField(
        LocalCommitteeArea,
        blank=True,
        related_name="organisations",
        verbose_name=_("districts"),
        help_text=_("Leave all unticked if the organisation works across the whole city."),
    )
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal,
        blank=True,
        related_name="organisations",
        verbose_name=_("Sustainable Development Goals"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Copies of the many-to-many choices as arrays with GIN indexes, so that the overview
    # and the area pages filter with one indexed condition (kept by organisations.services).
    district_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    sdg_ids = ArrayField(models.IntegerField(), default=list, editable=False)
    search_vector = models.GeneratedField(
        expression=SearchVector("name", weight="A", config="danish")
        + SearchVector("purpose", weight="B", config="danish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="organisation_name"),
            models.Index(fields=["-created_at", "-id"], name="organisation_newest"),
            GinIndex(fields=["search_vector"], name="organisation_search_vector"),
            GinIndex(fields=["district_ids"], name="organisation_districts"),
            GinIndex(fields=["sdg_ids"], name="organisation_sdgs"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def safe_website(self) -> str:
        """The website when it may be a link (http or https); older rows may hold others."""
        scheme = self.website.split(":", 1)[0].lower() if ":" in self.website else ""
        return self.website if scheme in ("http", "https") else ""


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Administrator of the profile")
    MEMBER = "member", _("Member")


class OrganisationMembership(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    created_at = models.DateTimeField(_("joined"), default=timezone.now)
    is_public_contact = models.BooleanField(
        _("shown as the contact person"),
        default=False,
        help_text=_("The member's name is shown on the public profile. Only they can choose it."),
    )

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="unique_organisation_member"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class OrganisationInvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            created_at__gt=timezone.now() - INVITATION_VALIDITY,
        )


class OrganisationInvitation(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = OrganisationInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def expires_at(self):
        return self.created_at + INVITATION_VALIDITY

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and timezone.now() < self.expires_at
        )
