"""Words both sides of the portal share, so that a need and an offer can be compared.

A challenge names the kind of collaboration it seeks and the target groups it serves; a
solution names the kinds it fits and the groups it serves, with the same values.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Collaboration(models.TextChoices):
    CO_CREATION = "co_creation", _("Co-creation or partnership")
    PILOT = "pilot", _("Pilot project")
    INNOVATION_TENDER = "innovation_tender", _("Innovation or function tender")
    RESERVED_CONTRACT = "reserved_contract", _("Reserved contract")
    BELOW_THRESHOLD = "below_threshold", _("Purchase below the tender threshold")
    EMPLOYMENT = "employment", _("Employment partnership")
    PREMISES = "premises", _("Premises")
    CO_FUNDING = "co_funding", _("Co-funding")


class TargetGroup(models.TextChoices):
    CHILDREN = "children", _("Children")
    YOUNG_PEOPLE = "young_people", _("Young people")
    FAMILIES = "families", _("Families")
    ELDERLY = "elderly", _("Elderly people")
    UNEMPLOYED = "unemployed", _("Unemployed people")
    DISABILITIES = "disabilities", _("People with disabilities")
    MENTAL_HEALTH = "mental_health", _("People with mental illness")
    HOMELESS = "homeless", _("Homeless people")
    REFUGEES_MIGRANTS = "refugees_migrants", _("Refugees and migrants")
    SOCIALLY_VULNERABLE = "socially_vulnerable", _("Socially vulnerable people")
    ALL_CITIZENS = "all_citizens", _("All citizens")
