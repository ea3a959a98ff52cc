import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0005_response_lifecycle"),
        ("solutions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="solution",
            field=models.ForeignKey(
                blank=True,
                help_text="Optional: one of your organisation's published solutions.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="challenge_responses",
                to="solutions.solution",
                verbose_name="solution",
            ),
        ),
    ]
