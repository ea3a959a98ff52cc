"""`make prod-faults`: the production stack under a steady load, and the faults it meets.

Starts the stack of `make prod` (deploy/stack.py: nginx, two gunicorn instances, two
workers, the scheduler, a local SMTP server that keeps every message as a file) against a
throw-away PostgreSQL cluster of its own, puts a steady load of public pages on it
through nginx, and then:

  (a) kills one gunicorn instance: only requests in flight may fail, nginx sends the rest
      to the other instance;
  (b) kills a worker while e-mails are being sent: every e-mail arrives, counted at the
      SMTP server (at most one extra copy of the message that was being sent);
  (c) restarts PostgreSQL while enquiries are being submitted: the portal answers 503 with
      the styled page while it is down, recovers by itself within seconds, and every
      enquiry that was confirmed is in the database (a 503 is answered by sending the
      same form again, as a person would);
  (d) stops the SMTP server for a while: the mail waits and goes out once it is back;
  and posts one enquiry form twice at once: one enquiry.

It prints what it counted and stops everything it started; the exit status is 0 only
when every case passed. It takes about five minutes (the outbox's retry sweep runs every
minute).
"""

import http.cookiejar
import re
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.pgtemp import TempCluster
from deploy.stack import PYTHON, ROOT, Stack, free_port

PAGES = ["/", "/udfordringer/", "/kontakt/", "/en/", "/om-portalen/"]
LOAD_THREADS = 4
LOAD_RATE = 20  # requests per second in all
TLS = ssl._create_unverified_context()  # noqa: S323  (the stack's self-signed certificate)


def log(message: str) -> None:
    print(f"faults: {message}", flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=TLS),
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        NoRedirect,
    )


def fetch(opener, url: str, data: dict | None = None, headers=None) -> tuple[int, str, dict]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=15) as response:
            return response.status, response.read().decode(errors="replace"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), error.headers


def form_fields(page: str) -> dict:
    """The hidden fields of the enquiry form on the page, the first topic and consent."""
    return {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1],
        "submission": re.search(r'name="submission" value="([^"]+)"', page)[1],
        "topic": re.search(r'<option value="(\d+)"', page)[1],
        "consent": "on",
    }


# ---------------------------------------------------------------- steady load


@dataclass
class Load:
    base: str
    results: list = field(default_factory=list)  # (time, status, styled 503 page, path)
    stopping: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(LOAD_THREADS)]
        for thread in self.threads:
            thread.start()

    def _run(self, number: int) -> None:
        opener = browser()
        pause = LOAD_THREADS / LOAD_RATE
        index = number
        while not self.stopping.is_set():
            started = time.monotonic()
            path = PAGES[index % len(PAGES)]
            try:
                status, body, _ = fetch(opener, self.base + path)
            except OSError:
                status, body = 0, ""
            self.results.append((started, status, "503" in body and "<header" in body, path))
            index += 1
            time.sleep(max(0.0, pause - (time.monotonic() - started)))

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def between(self, start: float, end: float) -> list:
        return [r for r in self.results if start <= r[0] < end]


# ---------------------------------------------------------------- helpers


class Faults:
    def __init__(self, stack: Stack, cluster: TempCluster):
        self.stack = stack
        self.cluster = cluster
        self.outcomes: list[tuple[str, bool, str]] = []
        self.events: list[tuple[float, str]] = [(time.monotonic(), "start")]
        self.load = Load(stack.url)

    def record(self, case: str, passed: bool, counted: str) -> None:
        self.outcomes.append((case, passed, counted))
        self.events.append((time.monotonic(), f"end of {case.split(' ')[0]}"))
        log(f"{case}: {'PASS' if passed else 'FAIL'} — {counted}")

    def sql(self, query: str) -> str:
        return self.cluster.psql(query)

    def recipients(self) -> Counter:
        import email

        folder = self.stack.mail_folder
        return Counter(
            email.message_from_bytes(path.read_bytes())["To"] for path in folder.glob("*.eml")
        )

    def queue_emails(self, prefix: str, count: int) -> set[str]:
        # In one transaction: the workers see them all at once, so on a quiet machine they
        # are still being sent when the script acts (one commit each let the workers send
        # each as it came, and all were out before the shell had finished).
        code = (
            "from django.db import transaction\nfrom portal import mail\n"
            "with transaction.atomic():\n"
            f"    for number in range({count}):\n"
            f"        mail.queue_email(to=[f'{prefix}-{{number}}@example.org'],"
            " subject=f'Besked {number}', body_text='Prøve fra make prod-faults.')\n"
        )
        subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), "shell", "-c", code],
            cwd=ROOT,
            env=self.stack.env,
            check=True,
            capture_output=True,
        )
        return {f"{prefix}-{number}@example.org" for number in range(count)}

    def wait(self, condition, timeout: float, interval: float = 0.5) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(interval)
        return False

    def submit_enquiry(self, opener, number: int, *, retry_until: float) -> str | None:
        """Fill in and send the enquiry form as a person would, sending the same form again
        after a 503; the reference number on the confirmation page, or None."""
        form_url = self.stack.url + "/kontakt/"
        while time.monotonic() < retry_until:
            status, page, _ = fetch(opener, form_url)
            if status == 200:
                break
            time.sleep(0.5)
        else:
            return None
        data = form_fields(page) | {
            "name": f"Fejltest {number}",
            "email": f"enquirer-{number}@example.org",
            "message": "Vi søger et køkken på Nørrebro.",
        }
        headers = {"Referer": form_url, "Origin": self.stack.url}
        while time.monotonic() < retry_until:
            status, _, response_headers = fetch(opener, form_url, data, headers)
            if status == 302:
                status_page = fetch(opener, self.stack.url + response_headers["Location"])[1]
                found = re.search(r"EI-\d{4}-\d{6}", status_page)
                return found[0] if found else None
            time.sleep(0.5)
        return None

    # ------------------------------------------------------------ the cases

    def kill_an_app_instance(self) -> None:
        web = next(s for s in self.stack.services.values() if s.name.startswith("web-"))
        time.sleep(3)
        killed_at = time.monotonic()
        web.signal(signal.SIGKILL)
        self.events.append((killed_at, f"killing {web.name}"))
        time.sleep(6)
        during = self.load.between(killed_at, killed_at + 6)
        failed = [r for r in during if r[1] != 200]
        late = [r for r in failed if r[0] > killed_at + 1]
        self.record(
            "(a) kill one gunicorn instance",
            len(failed) <= LOAD_THREADS and not late and len(during) > 20,
            f"{len(during)} requests in the 6 s after the kill, {len(failed)} failed "
            f"(at most {LOAD_THREADS} were in flight), {len(late)} failed after the first second",
        )

    def kill_a_worker_while_sending(self) -> None:
        before = self.recipients()
        expected = self.queue_emails("fault-b", 150)
        self.wait(lambda: sum(self.recipients()[r] for r in expected) >= 10, 60, interval=0.05)
        worker = self.stack.services["worker-1"]
        worker.signal(signal.SIGKILL)
        self.events.append((time.monotonic(), "killing worker-1"))
        at_kill = sum(1 for r in expected if self.recipients()[r])
        arrived = self.wait(lambda: expected <= set(self.recipients()), 180)
        counts = self.recipients() - before
        copies = [counts[r] for r in expected]
        extra = sum(c - 1 for c in copies if c > 1)
        self.record(
            "(b) kill a worker while e-mails are sent",
            arrived and extra <= 1 and at_kill < len(expected),
            f"{len(expected)} e-mails queued, worker-1 killed when {at_kill} had arrived, "
            f"{sum(1 for c in copies if c)} arrived, "
            f"{extra} extra copies (at most one is possible: the message the worker was "
            "sending when it was killed)",
        )

    def restart_postgresql(self) -> None:
        opener = browser()
        references = [self.submit_enquiry(opener, n, retry_until=time.monotonic() + 30)
                      for n in (1, 2)]  # fmt: skip
        stopped_at = time.monotonic()
        self.cluster.stop()
        threading.Timer(5, self.cluster.start).start()
        started_at = stopped_at + 5
        self.events += [(stopped_at, "stopping PostgreSQL"), (started_at, "starting PostgreSQL")]
        for number in (3, 4, 5):
            references.append(
                self.submit_enquiry(opener, number, retry_until=time.monotonic() + 60)
            )
        time.sleep(max(0.0, started_at + 10 - time.monotonic()))
        references.append(self.submit_enquiry(opener, 6, retry_until=time.monotonic() + 30))
        down = self.load.between(stopped_at + 0.5, started_at)
        styled_503 = [r for r in down if r[1] == 503 and r[2]]
        # Pages that read nothing from the database (the about page) still answer 200.
        other = [r for r in down if r[1] != 200 and not (r[1] == 503 and r[2])]
        after = [
            r
            for r in self.load.results
            if r[0] >= started_at and r[1] == 200 and r[3] in {"/", "/kontakt/"}
        ]
        recovered = (after[0][0] - started_at) if after else None
        stored = set(self.sql("SELECT reference FROM enquiries_enquiry ORDER BY reference").split())
        confirmed = [r for r in references if r]
        self.record(
            "(c) restart PostgreSQL",
            bool(styled_503)
            and not other
            and recovered is not None
            and recovered < 10
            and len(confirmed) == len(references)
            and set(confirmed) == stored,
            f"while down {len(down)} page requests, {len(styled_503)} got the styled 503, "
            f"{len(other)} anything but 200 or 503; "
            f"first 200 {recovered:.1f} s after PostgreSQL was back; "
            f"{len(confirmed)} of {len(references)} enquiries confirmed, "
            f"{len(stored)} in the database"
            if recovered is not None
            else f"never recovered; while down {len(down)} requests",
        )

    def stop_the_smtp_server(self) -> None:
        mailsink = self.stack.services["mailsink"]
        mailsink.keep_running = False
        mailsink.stop()
        expected = self.queue_emails("fault-d", 5)
        waited = self.wait(
            lambda: (
                self.sql(
                    "SELECT count(*) FROM portal_outgoingemail "
                    "WHERE \"to\"::text LIKE '%fault-d%' AND attempts > 0 AND sent_at IS NULL"
                )
                == "5"
            ),
            30,
        )
        mailsink.keep_running = True
        mailsink.start()
        arrived_at = time.monotonic()
        arrived = self.wait(lambda: expected <= set(self.recipients()), 200)
        self.record(
            "(d) stop the SMTP server",
            waited and arrived,
            f"5 e-mails tried while it was down ({'kept' if waited else 'NOT kept'} in the "
            f"outbox), {'all' if arrived else 'not all'} delivered "
            f"{time.monotonic() - arrived_at:.0f} s after it was back",
        )

    def double_submit(self) -> None:
        opener = browser()
        form_url = self.stack.url + "/kontakt/"
        page = fetch(opener, form_url)[1]
        before = int(self.sql("SELECT count(*) FROM enquiries_enquiry"))
        data = form_fields(page) | {
            "name": "Dobbeltklik",
            "email": "double@example.org",
            "message": "Sendt to gange.",
        }
        headers = {"Referer": form_url, "Origin": self.stack.url}
        answers = []
        threads = [
            threading.Thread(target=lambda: answers.append(fetch(opener, form_url, data, headers)))
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        made = int(self.sql("SELECT count(*) FROM enquiries_enquiry")) - before
        locations = {a[2].get("Location") for a in answers}
        self.record(
            "double-submitted enquiry form",
            made == 1 and [a[0] for a in answers] == [302, 302] and len(locations) == 1,
            f"2 posts of one form at once: {made} enquiry made, both sent to "
            f"{'the same' if len(locations) == 1 else 'different'} status page",
        )


def main() -> int:
    started = time.monotonic()
    run = Path(tempfile.mkdtemp(prefix="portal-faults-"))
    log(f"a throw-away PostgreSQL cluster and the stack in {run}")
    cluster = TempCluster("portal").init()
    stack = Stack(
        run=run / "prod",
        https_port=free_port(),
        environment={"DATABASE_URL": cluster.url, "EMAIL_HOST": ""},
        quiet=True,
    )
    supervising = threading.Event()

    def supervise():
        while not supervising.is_set():
            stack.supervise()
            time.sleep(0.3)

    faults = Faults(stack, cluster)
    supervisor = threading.Thread(target=supervise)
    try:
        stack.start()
        stack.wait_ready(180)
        supervisor.start()
        log(f"the stack answers on {stack.url}; load: {LOAD_RATE} requests/s of public pages")
        faults.load.start()
        for case in (
            faults.kill_an_app_instance,
            faults.kill_a_worker_while_sending,
            faults.restart_postgresql,
            faults.stop_the_smtp_server,
            faults.double_submit,
        ):
            try:
                case()
            except (Exception, SystemExit) as error:  # a case that breaks has failed
                faults.record(case.__name__, False, f"{type(error).__name__}: {error}")
    finally:
        if hasattr(faults.load, "threads"):
            faults.load.stop()
        supervising.set()
        if supervisor.is_alive():
            supervisor.join()
        stack.stop()
        cluster.destroy()
    statuses = Counter(r[1] for r in faults.load.results)
    for moment, status, _styled, path in faults.load.results:
        if status not in {200, 503}:
            when, event = max((e for e in faults.events if e[0] <= moment), default=(0, "?"))
            log(f"  {path} got {status or 'no answer'} {moment - when:.1f} s after {event}")
    log(f"load: {len(faults.load.results)} requests, statuses {dict(sorted(statuses.items()))}")
    passed = sum(1 for _c, ok, _t in faults.outcomes if ok)
    log(
        f"{passed} of {len(faults.outcomes)} cases passed in {time.monotonic() - started:.0f} s; "
        "everything started has been stopped"
    )
    return 0 if faults.outcomes and passed == len(faults.outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
