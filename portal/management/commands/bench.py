"""`make bench`: load a large data set into its own database, serve it with gunicorn as in
production, and measure pages with wrk at concurrency 8 against a minimal Django view.

Each app may have a `bench` module with `populate(count)` and `pages()`; they run in
INSTALLED_APPS order. Run with DJANGO_SETTINGS_MODULE=portal.settings.bench.
"""

import importlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

WARM_UP_SECONDS = 2


def _match(pattern: str, text: str) -> str:
    """The first group of `pattern` in wrk's output, which always holds these lines."""
    found = re.search(pattern, text)
    if found is None:
        raise CommandError(f"Unexpected output from wrk: no {pattern!r}")
    return found.group(1)


def _seconds(value: str) -> float:
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if found is None:
        raise CommandError(f"Unexpected duration from wrk: {value!r}")
    number, unit = found.groups()
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def parse_wrk(output: str) -> dict:
    """Requests per second and the 50th and 99th percentile latency from `wrk --latency`."""
    rps = float(_match(r"Requests/sec:\s+([\d.]+)", output))
    p50 = _seconds(_match(r"\s50%\s+([\d.]+\w+)", output))
    p99 = _seconds(_match(r"\s99%\s+([\d.]+\w+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": int(non_2xx.group(1)) if non_2xx else 0}


class Command(BaseCommand):
    help = "Benchmark the portal's pages against a minimal view (figures for the README)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--duration", type=int, default=10, help="seconds per page")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=4)
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--only",
            default="",
            help="measure only the pages whose label contains this text (and the reference)",
        )
        parser.add_argument(
            "--pages-only",
            action="store_true",
            help="skip loading the data and the timings printed with it (an earlier run loaded it)",
        )

    def handle(
        self, *args, rows, duration, connections, workers, port, only, pages_only, **options
    ):
        if settings.DEBUG or settings.ROOT_URLCONF != "portal.bench_urls":
            raise CommandError(
                "Run with DJANGO_SETTINGS_MODULE=portal.settings.bench (make bench)."
            )
        if not shutil.which("wrk"):
            raise CommandError("wrk is needed: sudo apt-get install wrk")
        self.stdout.write(f"Database {connection.settings_dict['NAME']}: migrating")
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        modules = self._bench_modules()
        for module in [] if pages_only else modules:
            started = time.monotonic()
            written = module.populate(rows)
            if written:
                self.stdout.write(
                    f"{module.__name__}: wrote {written} rows in {time.monotonic() - started:.0f} s"
                )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        pages: list[tuple[str, ...]] = [("minimal Django view (reference)", "/bench/minimal")]
        for module in modules:
            pages += [page for page in module.pages() if only.lower() in page[0].lower()]
        server = self._start_gunicorn(port, workers)
        try:
            results = []
            for label, path, *user in pages:
                cookie = self._session_cookie(user[0]) if user else None
                figures = self._measure(port, path, duration, connections, cookie)
                results.append((label, path, figures))
            # The reference once more at the end: the first measurement follows the data
            # load (autovacuum, a cold cache) and can be low, which flatters every
            # percentage. The percentages use the faster of the two.
            label, path = pages[0][:2]
            results.append(
                (f"{label}, again", path, self._measure(port, path, duration, connections))
            )
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        self._report(results, rows, connections, workers, duration)

    def _bench_modules(self):
        modules = []
        for app_config in apps.get_app_configs():
            try:
                modules.append(importlib.import_module(f"{app_config.name}.bench"))
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.bench":
                    raise
        return modules

    def _start_gunicorn(self, port, workers):
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
        server = subprocess.Popen(
            [
                gunicorn,
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.bench"},
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/minimal", timeout=1)
                return server
            except OSError:
                time.sleep(0.2)
        server.kill()
        raise CommandError("gunicorn did not start")

    def _session_cookie(self, user) -> str:
        """A logged-in session for pages behind a login (staff pages need two-factor
        authentication set up, which the bench user has)."""
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    def _measure(self, port, path, duration, connections, cookie=None):
        url = f"http://127.0.0.1:{port}{path}"
        request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
        # Warm up and check for a 200 (the URL is always http://127.0.0.1).
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            if response.status != 200 or response.url != url:
                raise CommandError(f"{path} answered {response.status} at {response.url}")
        header = ["-H", f"Cookie: {cookie}"] if cookie else []

        def wrk(seconds):
            command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
            command += ["--timeout", "10s", *header, url]
            return subprocess.run(command, capture_output=True, text=True, check=True).stdout

        # Every worker's first requests compile templates and open a database connection:
        # a short unmeasured run first, so that the figures are the steady state.
        wrk(WARM_UP_SECONDS)
        return parse_wrk(wrk(duration))

    def _report(self, results, rows, connections, workers, duration):
        reference = max(results[0][2]["rps"], results[-1][2]["rps"])
        self.stdout.write("")
        self.stdout.write(
            f"{rows:,} rows; gunicorn with {workers} workers; wrk, {connections} connections, "
            f"{duration} s per page; {os.cpu_count()} cores"
        )
        header = (
            f"| {'page':<44} | {'req/s':>8} | {'p50 ms':>7} | {'p99 ms':>7} "
            f"| {'% of minimal':>12} |"
        )
        self.stdout.write(header)
        self.stdout.write("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
        for label, _path, figures in results:
            self.stdout.write(
                f"| {label:<44} | {figures['rps']:>8.0f} | {figures['p50'] * 1000:>7.1f} "
                f"| {figures['p99'] * 1000:>7.1f} | {100 * figures['rps'] / reference:>11.1f} % |"
                + (f"  ({figures['errors']} errors)" if figures["errors"] else "")
            )
