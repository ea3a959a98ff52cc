"""The `fuzzystrmatch` extension (`levenshtein_less_equal`), which the portal's own search
uses for its typo tolerance (portal.search.similar_words). A trusted extension since
PostgreSQL 13: the database owner can create it.

It used to be created by solutions/0001 only; that migration is applied on existing
databases and keeps its (idempotent) CREATE EXTENSION IF NOT EXISTS, so here it is a no-op
there and creates the extension on a database where it is missing."""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_outgoing_email_message_id"),
    ]

    operations = [
        CreateExtension("fuzzystrmatch"),
    ]
