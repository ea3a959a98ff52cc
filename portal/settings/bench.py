"""`make bench`: production behaviour (DEBUG off, hashed static files, no debug toolbar of
any kind) on plain HTTP at 127.0.0.1, against its own database `portal_bench`."""

import os

os.environ.setdefault("LOCAL_DATABASE_NAME", "portal_bench")

from .base import *  # noqa: F403
from .base import DATABASES, dj_database_url, env_str

DEBUG = False
SECRET_KEY = "bench-only-secret-that-is-long-enough-for-django-checks-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "portal.bench_urls"
if os.environ.get("DATABASE_URL"):
    # Never load 100,000 rows into the database the portal runs on.
    DATABASES = {"default": dj_database_url.parse(env_str("BENCH_DATABASE_URL"), conn_max_age=60)}
else:
    DATABASES["default"]["NAME"] = "portal_bench"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
