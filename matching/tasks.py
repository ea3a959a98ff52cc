"""Background tasks of matchmaking (django.tasks, run by db_worker)."""

from django.tasks import task

from following import notifications
from matching import services


@task()
def refresh_suggestions(kind: str, pk: int) -> int:
    """Recompute the suggestions of one challenge or solution; the number of rows kept.
    The pairs that are new are then told to those who follow them (following)."""
    before = notifications.suggested_before(kind, pk)
    kept = services.suggestions_refresh(kind=kind, pk=pk)
    notifications.suggestions_refreshed(kind=kind, pk=pk, before=before)
    return kept
