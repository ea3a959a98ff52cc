"""Short-lived caching of rendered overview content, never more than a few seconds stale.

A rendered fragment is kept in the process's own memory (the `pages` cache) for at most
settings.OVERVIEW_CACHE_SECONDS. Its key holds a content version that every change of the
underlying objects bumps in the shared cache, so a change shows at once in the process that
made it and within a second in the others; the time limit bounds everything else (for
example a renamed administration).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import translation

_VERSION_TTL = 1.0  # seconds a process trusts its copy of a content version
_local_versions: dict[str, tuple[float, int]] = {}


def content_version(namespace: str) -> int:
    now = time.monotonic()
    remembered = _local_versions.get(namespace)
    if remembered and now - remembered[0] < _VERSION_TTL:
        return remembered[1]
    version = cache.get(f"content-version:{namespace}", 0)
    _local_versions[namespace] = (now, version)
    return version


def bump_content_version(namespace: str) -> None:
    """Call inside the transaction that changes content; takes effect when it commits."""

    def bump():
        key = f"content-version:{namespace}"
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=None)
        _local_versions.pop(namespace, None)

    transaction.on_commit(bump)


def cached_fragment(namespace: str, parts: list[str], render) -> str:
    """The fragment for `parts` (e.g. the query string), rendered by `render()` when absent."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    key = f"fragment:{namespace}:{content_version(namespace)}:{translation.get_language()}:{digest}"
    pages = caches["pages"]
    html = pages.get(key)
    if html is None:
        html = render()
        pages.set(key, html, timeout=settings.OVERVIEW_CACHE_SECONDS)
    return html


def short_lived(key: str, compute, seconds: int | None = None):
    """A value that may be a little old, such as a filter's choices from reference data,
    computed by `compute()` and kept per process and language for at most `seconds`
    (settings.OVERVIEW_CACHE_SECONDS unless given)."""
    full_key = f"value:{translation.get_language()}:{key}"
    pages = caches["pages"]
    value = pages.get(full_key)
    if value is None:
        value = compute()
        timeout = settings.OVERVIEW_CACHE_SECONDS if seconds is None else seconds
        pages.set(full_key, value, timeout=timeout)
    return value


def cached_fragment_for(namespaces: list[str], parts: list[str], render) -> str:
    """`cached_fragment` for content drawn from several apps (a profile, an area page, the
    combined search): the key holds every namespace's content version, so a change in any
    of them shows at once in the process that made it and within a second elsewhere."""
    first, *others = namespaces
    versions = [f"{namespace}:{content_version(namespace)}" for namespace in others]
    return cached_fragment(first, [*versions, *parts], render)
