"""The City's reference data: administrations, local committee areas, the SDGs.

Also turns on pg_trgm (a trusted extension since PostgreSQL 13), which search uses.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

ADMINISTRATIONS = [
    ("ØKF", "okf", "Økonomiforvaltningen", "The Finance Administration"),
    ("KFF", "kff", "Kultur- og Fritidsforvaltningen", "The Culture and Leisure Administration"),
    ("BUF", "buf", "Børne- og Ungdomsforvaltningen", "The Children and Youth Administration"),
    ("SUF", "suf", "Sundheds- og Omsorgsforvaltningen", "The Health and Care Administration"),
    ("SOF", "sof", "Socialforvaltningen", "The Social Services Administration"),
    ("TMF", "tmf", "Teknik- og Miljøforvaltningen", "The Technical and Environmental Administration"),
    (
        "BIF",
        "bif",
        "Beskæftigelses- og Integrationsforvaltningen",
        "The Employment and Integration Administration",
    ),
]

LOCAL_COMMITTEE_AREAS = [
    ("amager-vest", "Amager Vest", "Amager West"),
    ("amager-oest", "Amager Øst", "Amager East"),
    ("bispebjerg", "Bispebjerg", "Bispebjerg"),
    ("broenshoej-husum", "Brønshøj-Husum", "Brønshøj-Husum"),
    ("christianshavn", "Christianshavn", "Christianshavn"),
    ("indre-by", "Indre By", "Inner City (Indre By)"),
    ("kongens-enghave", "Kongens Enghave", "Kongens Enghave"),
    ("noerrebro", "Nørrebro", "Nørrebro"),
    ("valby", "Valby", "Valby"),
    ("vanloese", "Vanløse", "Vanløse"),
    ("vesterbro", "Vesterbro", "Vesterbro"),
    ("oesterbro", "Østerbro", "Østerbro"),
]

SDGS = [
    (1, "Afskaf fattigdom", "No poverty"),
    (2, "Stop sult", "Zero hunger"),
    (3, "Sundhed og trivsel", "Good health and well-being"),
    (4, "Kvalitetsuddannelse", "Quality education"),
    (5, "Ligestilling mellem kønnene", "Gender equality"),
    (6, "Rent vand og sanitet", "Clean water and sanitation"),
    (7, "Bæredygtig energi", "Affordable and clean energy"),
    (8, "Anstændige jobs og økonomisk vækst", "Decent work and economic growth"),
    (9, "Industri, innovation og infrastruktur", "Industry, innovation and infrastructure"),
    (10, "Mindre ulighed", "Reduced inequalities"),
    (11, "Bæredygtige byer og lokalsamfund", "Sustainable cities and communities"),
    (12, "Ansvarligt forbrug og produktion", "Responsible consumption and production"),
    (13, "Klimaindsats", "Climate action"),
    (14, "Livet i havet", "Life below water"),
    (15, "Livet på land", "Life on land"),
    (16, "Fred, retfærdighed og stærke institutioner", "Peace, justice and strong institutions"),
    (17, "Partnerskaber for handling", "Partnerships for the goals"),
]


def load(apps, schema_editor):
    Administration = apps.get_model("portal", "Administration")
    LocalCommitteeArea = apps.get_model("portal", "LocalCommitteeArea")
    SustainableDevelopmentGoal = apps.get_model("portal", "SustainableDevelopmentGoal")
    for code, slug, name_da, name_en in ADMINISTRATIONS:
        Administration.objects.update_or_create(
            code=code, defaults={"slug": slug, "name_da": name_da, "name_en": name_en}
        )
    for slug, name_da, name_en in LOCAL_COMMITTEE_AREAS:
        LocalCommitteeArea.objects.update_or_create(
            slug=slug, defaults={"name_da": name_da, "name_en": name_en}
        )
    for number, name_da, name_en in SDGS:
        SustainableDevelopmentGoal.objects.update_or_create(
            number=number, defaults={"name_da": name_da, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
