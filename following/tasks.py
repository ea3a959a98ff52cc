"""Background work of following (django.tasks, run by db_worker; scheduled daily)."""

from django.tasks import task

from following import services


@task()
def send_digests() -> int:
    """Every due digest, once per user and period (see following.services)."""
    return services.digests_send()
