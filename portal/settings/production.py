"""Production: refuses to start without a secret; HTTPS-only cookies and HSTS; JSON logs
with the request id; error reporting through sentry-sdk only when SENTRY_DSN is set."""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_float, env_int, env_list, env_str
from portal.request_id import json_logging

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters in "
        "production (for example: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer may ask each instance directly over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

if str(MAILERS["default"]["BACKEND"]).endswith("console.EmailBackend"):  # noqa: F405
    raise ImproperlyConfigured(
        "EMAIL_HOST must be set in production (with EMAIL_PORT, EMAIL_HOST_USER, "
        "EMAIL_HOST_PASSWORD): the portal sends verification and notification e-mails."
    )
if not env_str("PORTAL_URL", "").startswith("https://"):
    raise ImproperlyConfigured(
        "PORTAL_URL must be the portal's https address in production "
        "(e.g. https://socialtentreprenoerskab.kk.dk): links in e-mails lead there."
    )
if not env_list("ALLOWED_HOSTS"):  # set explicitly, not the development default
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the portal's host names in production.")

# Every log line as JSON with the request id that the proxy passes on (X-Request-ID).
MIDDLEWARE = ["portal.request_id.RequestIdMiddleware", *MIDDLEWARE]  # noqa: F405
LOGGING = json_logging(env_str("LOG_LEVEL", "INFO"))

# Optional error reporting (Sentry, self-hosted Sentry or GlitchTip): off unless set.
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=env_str("SENTRY_RELEASE", "") or None,
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
        send_default_pii=False,  # no IP addresses, cookies or user e-mail addresses
    )
