"""Short-lived caching of rendered overview content, never more than a few seconds stale.

A rendered fragment is kept in the process's own memory (the `pages` cache) for at most
settings.OVERVIEW_CACHE_SECONDS. Its key holds a content version that every change of the
underlying objects bumps in the shared cache, so a change shows at once in the process that
made it and within a second in the others; the time limit bounds everything else (for
example a renamed administration).

Rendered rows of an overview (`cached_rows`) are kept longer, because their key holds every
version they depend on: the content versions of their kinds, the reference data's version
(administrations, local committee areas and goals; bumped by any save or delete of them,
see `reference_changed`), the language, the day and the search words that were highlighted.
A page nobody asked for in the last seconds then renders from the ids of one query and the
rows other pages already rendered.
"""

import hashlib
import json
import pickle
import time
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.utils import translation

_VERSION_TTL = 1.0  # seconds a process trusts its copy of a content version
# Rows and reference choices are keyed by every version they depend on; the time only
# bounds the memory they take.
ROW_SECONDS = 600
REFERENCE_NAMESPACE = "reference"
_local_versions: dict[str, tuple[float, int]] = {}


def content_version(namespace: str) -> int:
    now = time.monotonic()
    remembered = _local_versions.get(namespace)
    if remembered and now - remembered[0] < _VERSION_TTL:
        return remembered[1]
    version = cache.get(f"content-version:{namespace}", 0)
    _local_versions[namespace] = (now, version)
    return version


def forget_local_versions() -> None:
    """Read every content version afresh on its next use (the tests' query counts call
    this so that a count never depends on whether a second passed since the last read)."""
    _local_versions.clear()


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


def digest(parts: list[str]) -> str:
    """A short, fixed-length name for `parts` in a cache key (query strings, search words
    and slugs come from the address and may be of any length)."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _kept(key: str, compute: Callable, seconds: int):
    """The `pages` cache's value for `key`, computed by `compute()` and kept `seconds`
    when absent."""
    pages = caches["pages"]
    value = pages.get(key)
    if value is None:
        value = compute()
        pages.set(key, value, timeout=seconds)
    return value


def cached_fragment(namespace: str, parts: list[str], render) -> str:
    """The fragment for `parts` (e.g. the query string), rendered by `render()` when absent."""
    key = (
        f"fragment:{namespace}:{content_version(namespace)}:{translation.get_language()}:"
        f"{digest(parts)}"
    )
    return _kept(key, render, settings.OVERVIEW_CACHE_SECONDS)


def shared_fragment_html(name: str, values: list, render: Callable[[], str]) -> str:
    """A part of a page that depends only on `values`, the language and the code (the
    `shared_fragment` template tag: the header and footer for visitors who are not logged
    in), rendered by `render()` once per process and kept like a rendered row."""
    serialised = json.dumps(values, default=str, sort_keys=True)
    key = f"shared:{name}:{digest([translation.get_language() or '', serialised])}"
    return _kept(key, render, ROW_SECONDS)


def short_lived(key: str, compute, seconds: int | None = None):
    """A value that may be a little old, such as a filter's choices from reference data,
    computed by `compute()` and kept per process and language for at most `seconds`
    (settings.OVERVIEW_CACHE_SECONDS unless given)."""
    timeout = settings.OVERVIEW_CACHE_SECONDS if seconds is None else seconds
    return _kept(f"value:{translation.get_language()}:{key}", compute, timeout)


def cached_fragment_for(namespaces: list[str], parts: list[str], render) -> str:
    """`cached_fragment` for content drawn from several apps (a profile, an area page, the
    combined search): the key holds every namespace's content version, so a change in any
    of them shows at once in the process that made it and within a second elsewhere."""
    first, *others = namespaces
    versions = [f"{namespace}:{content_version(namespace)}" for namespace in others]
    return cached_fragment(first, [*versions, *parts], render)


def cached_rows(
    namespaces: list[str],
    parts: list[str],
    ids: list[int],
    render: Callable[[list[int]], dict[int, str]],
) -> list[str]:
    """The rendered rows of `ids` in their order, from the per-process cache where another
    page already rendered them; `render(missing_ids)` renders the others (a row it does not
    return, deleted or hidden meanwhile, is left out). The key holds the content versions of
    `namespaces`, the reference data's version, the language and `parts` (for example the
    day and the highlighted words)."""
    versions = [
        f"{namespace}:{content_version(namespace)}"
        for namespace in [*namespaces, REFERENCE_NAMESPACE]
    ]
    prefix = f"row:{digest([*versions, translation.get_language() or '', *parts])}:"
    keys = [f"{prefix}{pk}" for pk in ids]
    pages = caches["pages"]
    found = pages.get_many(keys)
    missing = [pk for pk, key in zip(ids, keys, strict=True) if key not in found]
    if missing:
        rendered = {f"{prefix}{pk}": html for pk, html in render(missing).items()}
        pages.set_many(rendered, timeout=ROW_SECONDS)
        found.update(rendered)
    return [found[key] for key in keys if key in found]


def reference_value(key: str, compute):
    """A value computed from the reference data only (a filter's choices, slugs to ids),
    kept per process and language until the reference data changes."""
    version = content_version(REFERENCE_NAMESPACE)
    return short_lived(f"{key}:reference-{version}", compute, seconds=ROW_SECONDS)


def reference_changed(sender, **kwargs) -> None:
    """Signal receiver (portal.apps): an administration, area or goal was saved or deleted."""
    bump_content_version(REFERENCE_NAMESPACE)


class _Pickled(bytes):
    """A value that ObjectCache keeps pickled: anything but a string or a number."""


def _store(value):
    if isinstance(value, (str, int, float)):  # SafeString too: immutable, kept as is
        return value
    return _Pickled(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def _load(stored):
    return pickle.loads(stored) if isinstance(stored, _Pickled) else stored  # noqa: S301


class ObjectCache(LocMemCache):
    """The per-process `pages` cache: Django's local-memory cache, but keeping strings and
    numbers as they are instead of pickled. A page reads a few dozen rendered strings (its
    rows, filters, frame), and unpickling each and checking each key against memcached's
    rules cost more than the rest of the lookup. Other values (lists, model instances) are
    still pickled, so that no request can change what another one reads."""

    # LocMemCache's own state and helpers, which its type stubs leave out.
    _cache: "OrderedDict[str, object]"
    _lock: Lock
    _has_expired: Callable[[str], bool]
    _set: Callable[..., None]
    _delete: Callable[[str], bool]

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._set(key, _store(value), timeout)
                return True
            return False

    def get(self, key, default=None, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            stored = self._cache[key]
            self._cache.move_to_end(key, last=False)
        return _load(stored)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_key(key, version=version)
        stored = _store(value)
        with self._lock:
            self._set(key, stored, timeout)

    def incr(self, key, delta=1, version=None):
        key = self.make_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key {key!r} not found")
            value = _load(self._cache[key]) + delta
            self._cache[key] = _store(value)
            self._cache.move_to_end(key, last=False)
        return value
