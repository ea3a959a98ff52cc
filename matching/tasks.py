"""Background tasks of matchmaking (django.tasks, run by db_worker)."""

from django.tasks import task

from matching import services


@task()
def refresh_suggestions(kind: str, pk: int) -> int:
    """Recompute the suggestions of one challenge or solution; the number of rows kept."""
    return services.suggestions_refresh(kind=kind, pk=pk)
