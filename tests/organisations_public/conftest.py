"""Fixtures for the public side of organisations: profiles, the contact form and the
overview. Objects are made with tests.organisations_public.makers."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    """Rate-limit counters live in the shared cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()
