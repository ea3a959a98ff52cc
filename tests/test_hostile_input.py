"""The hostile-input sweep (issue 9, acceptance): NUL bytes, invalid UTF-8, 10,000-character
values and repeated parameters sent to every URL pattern and every form field, by GET and
POST, as a visitor and as each role, on the demo data set: never a 500.

Generic on purpose: the URL patterns come from walking the resolver (path converters and
regex groups filled with hostile values), the forms from the pages each role reaches by
following links from every pattern without arguments. A new app's URLs and forms are
covered without touching this file.
"""

import io
import logging
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from portal.models import Administration, Role, User
from tests import reference_data
from tests.factories import with_totp

pytestmark = pytest.mark.slow

NUL = "\x00"
LONG = "x" * 10_000
BAD_UTF8 = object()  # sent as the raw byte %FF, which is not UTF-8
# Parameters most views read, besides those of the forms found on each page.
GENERIC_PARAMS = ("q", "page", "sort", "next", "status", "language", "body", "email")
ROLES = (
    "visitor",
    "entrepreneur",
    "civil_servant",
    "contact_officer",
    "council_member",
    "council_secretary",
    "administrator",
)
# Pages reached by following links, per role (every pattern is requested anyway): the
# admin is generic code, so only its first pages (index, app lists, changelists) are swept.
MAX_PAGES = 120
MAX_ADMIN_PAGES = 20
SKIP_LINK_PREFIXES = ("/static/", "/media/")


# --- The resolver: every pattern, as a path with values filled in ---------------------


@dataclass
class Pattern:
    route: str  # as ResolverMatch.route spells it
    parts: list  # (text, None) or (None, parameter name)
    converters: dict  # parameter name → converter ("int", "str", "slug", "regex", …)

    @property
    def names(self) -> list[str]:
        return list(self.converters)

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")

    def path(self, values: dict) -> str:
        return "/" + "".join(text if name is None else values[name] for text, name in self.parts)

    def hostile_values(self, name: str, kinds) -> list:
        """What to put in a parameter: integers too large for any column in an int
        converter (nothing else can match it), the hostile strings elsewhere."""
        if self.converters[name] == "int":
            return ["9" * 20, "9" * 5_000]
        return list(kinds)


TOKEN = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")


def _split_route(route: str) -> tuple[list, dict]:
    """'a/<int:pk>/' or '^a/(?P<pk>[0-9]+)/$' → literal parts and parameters."""
    parts, converters, position = [], {}, 0
    for match in TOKEN.finditer(route):
        parts.append((route[position : match.start()], None))
        name = match.group(2) or match.group(3)
        converters[name] = match.group(1) or ("str" if match.group(2) else "regex")
        parts.append((None, name))
        position = match.end()
    parts.append((route[position:], None))
    cleaned = [
        (
            text.replace("^", "").replace("$", "").replace("\\", "") if text is not None else None,
            name,
        )
        for text, name in parts
    ]
    return cleaned, converters


def every_pattern() -> list[Pattern]:
    def walk(resolver, prefix):
        for entry in resolver.url_patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                yield from walk(entry, route)
            elif isinstance(entry, URLPattern):
                yield route

    patterns = []
    for route in dict.fromkeys(walk(get_resolver(), "")):
        parts, converters = _split_route(route)
        patterns.append(Pattern(route=route, parts=parts, converters=converters))
    return patterns


# --- Pages: links and forms ------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    fields: list = field(default_factory=list)  # (name, value)


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "form":
            self.forms.append(
                Form(
                    action=attributes.get("action") or "",
                    method=(attributes.get("method") or "get").lower(),
                )
            )
        elif self.forms and tag in {"input", "textarea", "button"} and attributes.get("name"):
            self.forms[-1].fields.append((attributes["name"], attributes.get("value") or ""))
        elif self.forms and tag == "select" and attributes.get("name"):
            self._select = attributes["name"]
        elif self.forms and tag == "option" and self._select:
            self.forms[-1].fields.append((self._select, attributes.get("value") or ""))
            self._select = None


def _route_of(path: str) -> tuple[str, dict] | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route, match.kwargs


# --- Hostile requests ------------------------------------------------------------------


def _encode(pairs) -> str:
    encoded = []
    for name, value in pairs:
        text = "%FF" if value is BAD_UTF8 else quote(value, safe="")
        encoded.append(f"{quote(name, safe='')}={text}")
    return "&".join(encoded)


class Sweep:
    def __init__(self, client: Client, login):
        self.client = client
        self.login = login
        self.failures: list[str] = []
        self.requests = 0
        self.admin_pages = 0
        self.pages: dict[str, tuple[str, dict]] = {}  # route → (a real path, its kwargs)
        self.forms: dict[str, list[Form]] = {}  # route → forms found on its pages

    def request(self, method: str, path: str, body: str | None = None):
        self.requests += 1
        try:
            if method == "get":
                response = self.client.get(path)
            else:
                response = self.client.post(
                    path, body or "", content_type="application/x-www-form-urlencoded"
                )
        except Exception as error:  # the test client re-raises what would be a 500
            self.failures.append(f"{method.upper()} {path[:120]!r}: {type(error).__name__}")
            return None
        if response.status_code >= 500:
            self.failures.append(f"{method.upper()} {path[:120]!r}: {response.status_code}")
        return response

    # Following links from every pattern without arguments.
    def crawl(self, patterns):
        queue = [p.path({}) for p in patterns if not p.names]
        seen_paths = set()
        while queue and len(self.pages) < MAX_PAGES:
            path = queue.pop(0)
            if path in seen_paths:
                continue
            seen_paths.add(path)
            found = _route_of(path)
            if found is None or found[0] in self.pages:
                continue
            if found[0].startswith("admin/"):
                if self.admin_pages >= MAX_ADMIN_PAGES:
                    continue
                self.admin_pages += 1
            response = self.request("get", path)
            if response is None or response.status_code != 200:
                continue
            if not response.get("Content-Type", "").startswith("text/html"):
                continue
            self.pages[found[0]] = (path, found[1])
            parser = PageParser()
            parser.feed(response.content.decode(errors="replace"))
            self.forms[found[0]] = parser.forms
            for form in parser.forms:
                form.action = urlsplit(form.action).path or path
            for link in parser.links:
                target = urlsplit(link)
                if target.netloc or not target.path.startswith("/"):
                    continue
                if not target.path.startswith(SKIP_LINK_PREFIXES):
                    queue.append(target.path)

    def hostile_paths(self, pattern, values, kinds):
        for name in pattern.names:
            for hostile in pattern.hostile_values(name, kinds):
                text = "%FF" if hostile is BAD_UTF8 else quote(hostile, safe="")
                path = pattern.path({**values, name: text})
                self.request("get", path)
                if hostile is LONG:
                    self.request("post", path, _encode([("x", LONG)]))

    def hostile_queries(self, path, forms, kinds):
        names = list(GENERIC_PARAMS) + [n for f in forms if f.method == "get" for n, _ in f.fields]
        for kind in kinds:
            self.request("get", f"{path}?{_encode(VARIANTS[kind](names))}")

    def hostile_forms(self, path, forms, kinds, *, pattern):
        posts = [f for f in forms if f.method == "post"] or [Form(path, "post")]
        for form in posts:
            if pattern.is_admin and form.action.endswith("/delete/"):
                continue  # the admin's confirmation deletes on any POST; it reads no input
            names = [n for n, _ in form.fields if n != "csrfmiddlewaretoken"] or GENERIC_PARAMS
            for kind in kinds:
                self.request("post", form.action, _encode(VARIANTS[kind](names)))
            self.login()  # a form may have been a logout


def _nul(names):
    return [(name, f"a{NUL}b") for name in names] + [(f"n{NUL}", "x")]


def _bad_utf8(names):
    return [(name, BAD_UTF8) for name in names]


def _long_and_repeated(names):
    """Each name twice, the long value last (what QueryDict.get returns)."""
    return [pair for name in dict.fromkeys(names) for pair in ((name, "1"), (name, LONG))]


VARIANTS = {"nul": _nul, "bad": _bad_utf8, "long": _long_and_repeated}
PATH_KINDS = {"nul": NUL, "bad": BAD_UTF8, "long": LONG}


@dataclass(frozen=True)
class Plan:
    path: tuple = ()
    query: tuple = ()
    body: tuple = ()


EVERYTHING = Plan(
    path=("nul", "bad", "long"), query=("nul", "bad", "long"), body=("nul", "bad", "long")
)
# NUL and a query that is not UTF-8 are refused by the middleware before any view (the
# visitor proves it on every pattern); what reaches a view is %FF in a form (U+FFFD),
# and long and repeated values.
REACHED = Plan(path=("bad", "long"), query=("long",), body=("bad", "long"))
ELSEWHERE = Plan(path=("long",), body=("long",))
TURNED_AWAY = Plan(path=("long",))


def _plan(pattern, role: str, reached: bool, fresh: bool) -> Plan | None:
    if pattern.is_admin and role != "administrator":
        # Everyone else is sent to the admin's login before any input is read.
        return TURNED_AWAY if role == "visitor" else None
    if role == "visitor":
        return EVERYTHING
    return REACHED if reached and fresh else ELSEWHERE


def _defaults(pattern) -> dict:
    return {
        name: "1" if converter == "int" else "x" for name, converter in pattern.converters.items()
    }


# Forms already swept, by any role: (route, field names). A public page that every role
# sees alike is swept once.
SWEPT: set = set()


def _form_key(route, forms) -> tuple:
    return (route, tuple(sorted({(f.method, n) for f in forms for n, _ in f.fields})))


def run_sweep(client, login, *, role: str, swept: set = SWEPT, only=None) -> Sweep:
    """Every pattern as `role`, with what _plan says: everything for the visitor; for a
    role, the pages it reaches in full (once per form, across roles), long values in the
    path and the body everywhere else."""
    sweep = Sweep(client, login)
    patterns = [p for p in every_pattern() if only is None or only(p)]
    sweep.crawl([p for p in patterns if _plan(p, role, False, False)])
    for pattern in patterns:
        path, kwargs = sweep.pages.get(pattern.route, (None, {}))
        forms = sweep.forms.get(pattern.route, [])
        key = _form_key(pattern.route, forms)
        plan = _plan(pattern, role, reached=path is not None, fresh=key not in swept)
        if plan is None:
            continue
        if path is not None:
            swept.add(key)
        values = {**_defaults(pattern), **{k: quote(str(v), safe="") for k, v in kwargs.items()}}
        path = path or pattern.path(values)
        sweep.hostile_paths(pattern, values, [PATH_KINDS[kind] for kind in plan.path])
        sweep.hostile_queries(path, forms, plan.query)
        sweep.hostile_forms(path, forms, plan.body, pattern=pattern)
    return sweep


# --- The world: the demo data, and one user of each role --------------------------------


@pytest.fixture(scope="module")
def demo_users(django_db_setup, django_db_blocker):
    """The demo data set in a transaction that is rolled back after this module."""
    with django_db_blocker.unblock(), transaction.atomic():
        if not Administration.objects.exists():  # a transactional test flushed it
            reference_data.load()
        call_command("load_demo_data", allow_production=True, stdout=io.StringIO())
        users = {
            "entrepreneur": User.objects.filter(
                organisation_memberships__isnull=False,
                role_assignments__isnull=True,
                administration_memberships__isnull=True,
            ).first(),
            "civil_servant": User.objects.filter(administration_memberships__isnull=False).first(),
            **{
                role.value: User.objects.filter(role_assignments__role=role).first()
                for role in (
                    Role.CONTACT_OFFICER,
                    Role.COUNCIL_MEMBER,
                    Role.COUNCIL_SECRETARY,
                    Role.ADMINISTRATOR,
                )
            },
        }
        for user in users.values():
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                with_totp(user)
        yield {role: user.pk for role, user in users.items() if user is not None}
        transaction.set_rollback(True)


@pytest.mark.parametrize("role", ROLES)
def test_no_hostile_input_gives_a_500(demo_users, db, role, settings):
    settings.PORTAL_RATE_LIMITS = {
        action: (10**9, period) for action, (_, period) in settings.PORTAL_RATE_LIMITS.items()
    }
    client = Client()
    if role == "visitor":

        def login():
            return None

    else:
        assert role in demo_users, f"the demo data has no {role}"
        user = User.objects.get(pk=demo_users[role])

        def login():
            client.force_login(user)

    login()
    started = time.monotonic()
    quiet = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in quiet]
    for logger in quiet:
        logger.setLevel(logging.CRITICAL)
    try:
        sweep = run_sweep(client, login, role=role)
    finally:
        for logger, level in zip(quiet, levels, strict=True):
            logger.setLevel(level)
    elapsed = time.monotonic() - started
    print(f"{role}: {len(sweep.pages)} pages, {sweep.requests} requests, {elapsed:.1f} s")
    assert len(sweep.pages) >= 5, "the sweep reached almost no pages"
    assert not sweep.failures, "\n".join(sweep.failures[:50])


def test_the_sweep_finds_a_view_that_breaks_on_hostile_input(db, settings):
    settings.ROOT_URLCONF = "tests.hostile_input_urls"
    sweep = run_sweep(
        Client(),
        lambda: None,
        role="visitor",
        swept=set(),
        only=lambda pattern: pattern.route.startswith("fragile/"),
    )
    assert any(failure.endswith("ValueError") for failure in sweep.failures), sweep.failures
