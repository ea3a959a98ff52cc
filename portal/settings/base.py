"""Settings shared by every environment; values come from the environment.

`dev` (the default of manage.py), `test` and `production` build on this module.
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed (addresses or networks,
# e.g. "127.0.0.1,10.0.0.0/24"); none by default (portal/clientip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "portal.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",  # allauth's passkey list loads it
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_tasks_db",
    "portal",
    "organisations",
    "challenges",
    "solutions",
    "matching",
    "following",
    "enquiries",
    "advisory",
    "areas",
    "sitesearch",
]

MIDDLEWARE = [
    "portal.clientip.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.HostileInputMiddleware",
    "portal.middleware.RememberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "django.templatetags.static",
                "portal.templatetags.portal_tags",
            ],
        },
    },
]

# Database: DATABASE_URL when given, else the project's own cluster (tools/pgcluster.py),
# reached on a Unix socket inside the checkout.
LOCAL_DATABASE_SOCKET_DIR = BASE_DIR / ".pgdata" / "run"
if env_str("DATABASE_URL", ""):
    DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL"), conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": env_str("LOCAL_DATABASE_NAME", "portal"),
            "USER": "postgres",
            "HOST": str(LOCAL_DATABASE_SOCKET_DIR),
            "CONN_MAX_AGE": 60,
        }
    }
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "portal.auth_backends.PortalAuthenticationBackend",
    "portal.auth_backends.AdministratorPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "matching:overview"

# django-allauth
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Per address, and per address and account (the adapter puts both in the key); the
    # per-account ceiling over every address is PORTAL_RATE_LIMITS["login_failed_account"].
    "login_failed": "10/m/ip,30/h/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_LOGOUT_REDIRECT_URL = "portal:home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = "Socialt entreprenørskab KK"
MFA_TOTP_TOLERANCE = 1  # accept the code of the neighbouring 30-second step (clock drift)
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False


def _openid_connect_apps() -> list[dict]:
    """Sign-in providers that are configured in the environment; none by default."""
    apps = []
    for prefix, provider_id, name in (
        ("OIDC_ENTRA", "entra", "Københavns Kommune (Entra ID)"),
        ("OIDC_MITID", "mitid", "MitID Erhverv"),
    ):
        server_url = env_str(f"{prefix}_SERVER_URL", "")
        if not server_url:
            continue
        apps.append(
            {
                "provider_id": provider_id,
                "name": name,
                "client_id": env_str(f"{prefix}_CLIENT_ID"),
                "secret": env_str(f"{prefix}_SECRET"),
                "settings": {"server_url": server_url, "oauth_pkce_enabled": True},
            }
        )
    return apps


SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": _openid_connect_apps()}}

# Internationalisation: Danish first, English second, under /en/.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
# locale/allauth first: allauth's strings worded as docs/terminology.md says (made by
# tools/allauth_terms.py, never touched by `make po`); the first path wins.
LOCALE_PATHS = [BASE_DIR / "locale" / "allauth", BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# Static files: built by `npm run build` into static/dist, served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / ".staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "portal.storage.PortalStaticFilesStorage"},
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / ".media")))
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Files served at the site's root: /favicon.ico, which browsers ask for on every site.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

# E-mail: every message goes through portal.mail (an outbox row and a task).
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Socialt entreprenørskab <noreply@kk.dk>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
_smtp_host = env_str("EMAIL_HOST", "")
if _smtp_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp_host,
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 12)
# An attempt cut off by a crash is retried after this long (longer than the SMTP timeout).
EMAIL_SEND_LEASE_SECONDS = env_int("EMAIL_SEND_LEASE_SECONDS", 300)
EMAIL_OUTBOX_RETENTION_DAYS = env_int("EMAIL_OUTBOX_RETENTION_DAYS", 30)

# Background work: Django's tasks on the database (django-tasks-db's db_worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers that hold in every environment; production adds HTTPS ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

PORTAL_NAME = _("Social entrepreneurship in Copenhagen")

# Periodic tasks enqueued by `manage.py scheduler` (task path → interval in seconds, or a
# time of day "HH:MM").
PERIODIC_TASKS: dict[str, int | str] = {
    "portal.tasks.retry_pending_emails": 60,
    "portal.tasks.prune_rate_limits": 3600,
    "portal.tasks.prune_sent_emails": 24 * 3600,
}

# A cache shared by every process (rate limits must hold across gunicorn workers).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
    },
    # Rendered overview fragments, per process, seconds at most (portal/caching.py).
    "pages": {
        "BACKEND": "portal.caching.ObjectCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
OVERVIEW_CACHE_SECONDS = env_int("OVERVIEW_CACHE_SECONDS", 5)

# action → (attempts, per seconds); see portal/ratelimit.py.
PORTAL_RATE_LIMITS = {
    "organisation_invite": (30, 3600),
    "enquiry_ip": (10, 3600),
    "enquiry_email": (5, 3600),
    # The enquirer's messages through the status link (each may carry files), per enquiry.
    "enquiry_reply": (20, 3600),
    # A deletion request e-mails every contact officer, per enquiry.
    "enquiry_deletion": (3, 86400),
    # Responses to challenges and messages about them e-mail the other side, per user.
    "response_submit": (20, 3600),
    "response_message": (30, 3600),
    # Failed logins to one account from every address together: far above what one
    # address may try (ACCOUNT_RATE_LIMITS), so a stranger cannot lock the owner out.
    "login_failed_account": (100, 3600),
    # "Kontakt organisationen": per sender (address and network address), per organisation.
    "organisation_contact_sender": (5, 3600),
    "organisation_contact_organisation": (20, 3600),
    # A submitter's steps on a council proposal e-mail the council's secretaries, per user.
    "council_proposal": (20, 3600),
    # A challenge's owners invite suggested organisations to respond, per user.
    "suggestion_invite": (30, 3600),
}

# The single point of contact: deadlines in Danish working days (portal/workdays.py).
ENQUIRY_TRIAGE_WORKING_DAYS = env_int("ENQUIRY_TRIAGE_WORKING_DAYS", 2)
ENQUIRY_ANSWER_WORKING_DAYS = env_int("ENQUIRY_ANSWER_WORKING_DAYS", 10)
ENQUIRY_COUNT_OPTIONAL_HOLIDAYS = env_bool("ENQUIRY_COUNT_OPTIONAL_HOLIDAYS", True)
# Closed enquiries are anonymised after this many days (24 months by default).
ENQUIRY_RETENTION_DAYS = env_int("ENQUIRY_RETENTION_DAYS", 730)
PERIODIC_TASKS |= {
    "enquiries.tasks.send_deadline_reminders": "07:00",
    "enquiries.tasks.anonymise_closed_enquiries": "03:30",
    "advisory.tasks.send_follow_up_reminders": "07:15",
    "following.tasks.send_digests": "06:00",
    "advisory.tasks.send_report_reminders": "07:20",
}
# The portal's own address, for links that must be absolute without a request (the
# one-click unsubscribe header of digests and notifications).
PORTAL_URL = env_str("PORTAL_URL", "http://localhost:8000")
