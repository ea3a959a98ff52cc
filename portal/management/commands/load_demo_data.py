"""Load the demo data set of every app (idempotent: running it again changes nothing).

Each app may have a `demo` module with `load(context)`; they run in INSTALLED_APPS order.
"""

import importlib
import secrets

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_PASSWORD = "Demo-portal-2026"  # noqa: S105  (printed for development only)


class DemoContext:
    def __init__(self, password):
        self.password = password
        self.users = {}
        self.accounts = []

    def note_user(self, key, email, staff, created):
        self.accounts.append((key, email, staff, created))


class Command(BaseCommand):
    help = "Load a realistic Danish demo data set, with a user for every role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo data with DEBUG off; passwords are then random and not printed.",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Demo data is for development. Use --allow-production to load it anyway."
            )
        password = DEMO_PASSWORD if settings.DEBUG else secrets.token_urlsafe(24)
        context = DemoContext(password)
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                try:
                    module = importlib.import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_config.name}.demo":
                        raise
                    continue
                module.load(context)
        self._report(context)

    def _report(self, context):
        from portal.demo import DEMO_TOTP_SECRET

        created = sum(1 for *_rest, was_created in context.accounts if was_created)
        self.stdout.write(f"Demo data loaded ({created} new accounts).")
        if not settings.DEBUG:
            return
        self.stdout.write(f"Demo accounts (password for all: {context.password}):")
        for key, email, staff, _created in context.accounts:
            suffix = "  [two-factor: TOTP]" if staff else ""
            self.stdout.write(f"  {key:<20} {email}{suffix}")
        self.stdout.write(
            f"Staff accounts use two-factor authentication with the TOTP secret {DEMO_TOTP_SECRET} "
            "(add it to an authenticator app, or: oathtool --totp -b SECRET)."
        )
