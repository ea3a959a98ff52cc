"""For transactional tests: the City's reference data (loaded by migrations) is put back
after the flush that ends each such test, so later tests and `--reuse-db` runs find it."""

import importlib

import pytest
from django.apps import apps

MIGRATIONS = ("portal.migrations.0002_reference_data", "enquiries.migrations.0002_topics")


def load() -> None:
    for migration in MIGRATIONS:
        importlib.import_module(migration).load(apps, None)


@pytest.fixture
def reference_data_kept(django_db_blocker):
    """Request it before `transactional_db` (first in the arguments): its teardown runs
    after the flush."""
    yield
    with django_db_blocker.unblock():
        load()
