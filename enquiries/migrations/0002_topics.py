"""The starting list of topics (the administrators maintain it in the admin)."""

from django.db import migrations

TOPICS = [
    ("start", "Start af virksomhed", "Starting a business", "ØKF", "cvr, stifte, opstart, selskab"),
    ("premises", "Lokaler", "Premises", "KFF", "lokale, lokaler, køkken, bibliotek"),
    ("procurement", "Indkøb og udbud", "Procurement and tenders", "ØKF", "udbud, indkøb, kontrakt"),
    (
        "employment",
        "Beskæftigelse og samarbejde med jobcentret",
        "Employment and job centre cooperation",
        "BIF",
        "jobcenter, løntilskud, praktik, fleksjob, ledige",
    ),
    ("funding", "Finansiering og puljen", "Funding and the pool", "ØKF", "pulje, støtte, tilskud"),
    ("permits", "Tilladelser", "Permits", "TMF", "tilladelse, byggeri, miljø, vejareal"),
    ("partnerships", "Partnerskaber", "Partnerships", "", "partnerskab, samarbejde"),
    ("other", "Andet", "Other", "", ""),
]


def load(apps, schema_editor):
    Topic = apps.get_model("enquiries", "Topic")
    Administration = apps.get_model("portal", "Administration")
    for position, (slug, name_da, name_en, code, keywords) in enumerate(TOPICS):
        Topic.objects.update_or_create(
            slug=slug,
            defaults={
                "name_da": name_da,
                "name_en": name_en,
                "keywords": keywords,
                "position": position,
                "suggested_administration": Administration.objects.filter(code=code).first(),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0001_initial"), ("portal", "0002_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
