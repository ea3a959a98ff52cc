"""One change per submitted form, however often it is posted.

A form carries a random submission id (`SubmissionIdField`, made when the form is shown).
`once(scope, submission_id)` opens a transaction that holds a PostgreSQL advisory lock on
that id, so a second post of the same form (a double click, a proxy that retries) waits
for the first to commit and then finds what the first remembered (for example the page
to send the user to) instead of making the change again. What is remembered is kept in
the shared cache for a day, written in the same transaction as the change.
"""

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.core.cache import cache
from django.db import connection, transaction

REMEMBER_SECONDS = 24 * 3600


def new_submission_id() -> str:
    return secrets.token_urlsafe(24)


class SubmissionIdField(forms.CharField):
    """A hidden field with a fresh id each time the form is shown (blank when missing:
    an old form without one is simply not deduplicated)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("initial", new_submission_id)
        super().__init__(**kwargs)


class Submission:
    def __init__(self, key: str | None):
        self.key = key
        self.previous = cache.get(key) if key else None

    def remember(self, value: str) -> None:
        if self.key:
            cache.set(self.key, value, timeout=REMEMBER_SECONDS)


@contextmanager
def once(scope: str, submission_id: str) -> Iterator[Submission]:
    """Run the body at most once per (scope, submission id); see the module's docstring."""
    if not submission_id:
        with transaction.atomic():
            yield Submission(None)
        return
    digest = hashlib.sha256(f"{scope}|{submission_id}".encode()).hexdigest()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [digest])
        yield Submission(f"submission:{digest[:40]}")
