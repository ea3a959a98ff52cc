"""The local area pages, the combined search and the front page reuse the helpers of
tests/organisations_public."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_caches(db):
    cache.clear()
    yield
    cache.clear()
