"""Settings for the processes that the slow operations tests start (worker, scheduler, web):
the development settings against a throw-away cluster (DATABASE_URL), without debug, with
the outbox sweep every few seconds instead of every minute."""

from portal.env import env_int
from portal.settings.dev import *  # noqa: F403

DEBUG = False
PERIODIC_TASKS = {"portal.tasks.retry_pending_emails": env_int("TEST_SWEEP_SECONDS", 3)}
# The demo data's accounts are hashed quickly (the backup test loads them).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
