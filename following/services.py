"""Writes of following: follow and stop, preferences, one-click unsubscribe, the digest.

The digest goes out at most once per user and period: `digest_send` locks the user's
`Follower` row, checks that no `Digest` exists for the period, and writes the `Digest`
row, the e-mail in the outbox, the delivered notices and the new watermark in one
transaction. A second run finds the row and sends nothing; a run that dies half-way has
committed the users it finished and nothing of the one it was working on, so the next run
sends exactly the missing ones.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext

from challenges.models import Challenge
from following import rules, searches, tokens
from following.models import (
    STANDING_KINDS,
    Delivery,
    Digest,
    Follower,
    Frequency,
    Kind,
    Notice,
    Subscription,
)
from portal.mail import PageLink, send_templated_email
from portal.models import OutgoingEmail, User
from solutions.models import Solution

NEVER = "never"
# Items published this close to a run are left to the next digest, so that a change
# still being committed when the digest reads is never skipped.
SETTLE = timedelta(minutes=2)
WEEKLY_DIGEST_DAY = 0  # Monday


# --- Following and stopping -----------------------------------------------------------


def _follower(user: User) -> Follower:
    follower, _created = Follower.objects.get_or_create(user=user)
    return follower


@transaction.atomic
def search_follow(*, actor: User, kind: str, params: QueryDict) -> Subscription:
    """Follow a search of the challenge or solution overview; the same search twice is
    one subscription. Only what the overview understands is stored."""
    if kind not in searches.KINDS or not rules.can_follow_kind(actor, kind):
        raise PermissionDenied
    query = searches.normalise(kind, params)
    _follower(actor)
    subscription, _created = Subscription.objects.get_or_create(
        user=actor, kind=kind, query=query, defaults={"delivery": Delivery.DIGEST}
    )
    return subscription


def _drop(subscriptions: QuerySet[Subscription]) -> int:
    """Delete the subscriptions and the notices that waited for them."""
    rows = list(subscriptions.values_list("user_id", "kind"))
    for user_id, kind in rows:
        Notice.objects.filter(
            user_id=user_id, kind=kind, sent_at__isnull=True, digest__isnull=True
        ).delete()
    deleted, _per_model = subscriptions.delete()
    return len(rows) if deleted else 0


@transaction.atomic
def subscription_stop(*, actor: User, subscription: Subscription) -> None:
    """Stop following one thing (the user's own only)."""
    locked = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
    if locked is None:
        return
    if not rules.can_change(actor, locked):
        raise PermissionDenied
    _drop(Subscription.objects.filter(pk=locked.pk))


@transaction.atomic
def preferences_update(*, actor: User, frequency: str, deliveries: dict[str, str]) -> None:
    """How often the digest comes, and for each standing interest: immediately, in the
    digest or never."""
    if not rules.can_follow(actor) or frequency not in Frequency.values:
        raise PermissionDenied
    follower = _follower(actor)
    follower = Follower.objects.select_for_update().get(pk=follower.pk)
    if follower.frequency != frequency:
        follower.frequency = frequency
        follower.save(update_fields=["frequency"])
    for kind, delivery in deliveries.items():
        if kind not in STANDING_KINDS or not rules.can_follow_kind(actor, kind):
            raise PermissionDenied
        if delivery == NEVER:
            _drop(Subscription.objects.filter(user=actor, kind=kind))
        elif delivery in Delivery.values:
            Subscription.objects.update_or_create(
                user=actor, kind=kind, query="", defaults={"delivery": delivery}
            )
        else:
            raise PermissionDenied


# --- One-click unsubscribe ------------------------------------------------------------


@dataclass
class Unsubscription:
    """What a genuine token stops: the user's digest as a whole, or one subscription."""

    user: User
    target: str
    subscriptions: list[Subscription]

    @property
    def is_digest(self) -> bool:
        return self.target == tokens.DIGEST


def _targets(user_id: int, target: str) -> QuerySet[Subscription]:
    mine = Subscription.objects.filter(user_id=user_id)
    if target == tokens.DIGEST:
        return mine.in_digest()
    return mine.filter(pk=int(target[1:]))


def unsubscription_for(token: str) -> Unsubscription | None:
    """What the token stops (an empty list when already stopped); None when the token is
    not genuine or its user is gone."""
    found = tokens.read(token)
    if found is None:
        return None
    user_id, target = found
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    return Unsubscription(user, target, list(_targets(user_id, target)))


@transaction.atomic
def unsubscribe(*, token: str) -> Unsubscription | None:
    """Stop what a genuine token names, for its own user only (the token is the proof,
    no login needed). Using it again changes nothing."""
    unsubscription = unsubscription_for(token)
    if unsubscription is not None:
        _drop(_targets(unsubscription.user.pk, unsubscription.target))
    return unsubscription


def site_url(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def unsubscribe_headers(token: str) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe (the URL in the active language)."""
    url = site_url(reverse("following:unsubscribe", args=[token]))
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# --- The digest ------------------------------------------------------------------------


@dataclass
class Section:
    """One part of a digest or notification: what is followed, and what is new in it."""

    kind: str
    heading: str
    items: list[dict[str, Any]]
    parts: list[tuple[str, str]] = field(default_factory=list)
    subscription: Subscription | None = None
    more_url: str = ""

    @cached_property
    def stop_url(self) -> str:
        if self.subscription is None:
            return ""
        return site_url(
            reverse("following:unsubscribe", args=[tokens.for_subscription(self.subscription)])
        )


def _challenge_item(challenge: Challenge, note: str = "") -> dict[str, Any]:
    return {
        "title": challenge.title,
        "summary": challenge.summary,
        "by": challenge.owner.name,
        "note": note,
        "url": str(PageLink("challenges:detail", [challenge.pk], site_url)),
    }


def _solution_item(solution: Solution, note: str = "") -> dict[str, Any]:
    return {
        "title": solution.title,
        "summary": solution.summary,
        "by": solution.organisation.name,
        "note": note,
        "url": str(PageLink("solutions:detail", [solution.pk], site_url)),
    }


def _notice_item(kind: str, notice: Notice) -> tuple[tuple, dict[str, Any]] | None:
    """(what it is about, the item) of a notice whose things are still public."""
    challenge, solution = notice.challenge, notice.solution
    if kind == Kind.AREA_SOLUTIONS:
        if solution is None or not solution.is_public:
            return None
        return ("s", solution.pk), _solution_item(solution)
    if challenge is None or solution is None or not challenge.is_open_for_responses:
        return None
    if kind == Kind.FITTING_CHALLENGES:
        note = gettext("Suggested for your solution “%(title)s”") % {"title": solution.title}
        return ("c", challenge.pk), _challenge_item(challenge, note)
    if not solution.is_public:
        return None
    note = gettext("Suggested for your challenge “%(title)s”") % {"title": challenge.title}
    return ("p", challenge.pk, solution.pk), _solution_item(solution, note)


def notice_items(kind: str, notices: Iterable[Notice]) -> list[dict[str, Any]]:
    """The items of a standing interest's notices that are still public (each once),
    in the active language."""
    items: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for notice in notices:
        found = _notice_item(kind, notice)
        if found is not None and found[0] not in seen:
            seen.add(found[0])
            items.append(found[1])
    return items


class DigestRun:
    """What one run of the digest task shares between users: saved searches' results per
    window and the words for searches per language."""

    def __init__(self, cutoff: datetime):
        self.cutoff = cutoff
        self._results: dict[tuple, list] = {}
        self._describers: dict[str, searches.Describer] = {}
        self._items: dict[tuple, dict[str, Any]] = {}

    def item(self, found: Challenge | Solution) -> dict[str, Any]:
        """A search result as an e-mail shows it, made once per language."""
        key = (translation.get_language(), type(found).__name__, found.pk)
        if key not in self._items:
            if isinstance(found, Challenge):
                self._items[key] = _challenge_item(found)
            else:
                self._items[key] = _solution_item(found)
        return self._items[key]

    def results(self, kind: str, query: str, start: datetime) -> list:
        key = (kind, query, start)
        if key not in self._results:
            self._results[key] = searches.new_items(kind, query, start, self.cutoff)
        return self._results[key]

    def describer(self) -> searches.Describer:
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language not in self._describers:
            self._describers[language] = searches.Describer()
        return self._describers[language]


def _search_sections(
    follower: Follower, subscriptions: list[Subscription], run: DigestRun, seen: set
) -> list[Section]:
    sections = []
    for subscription in subscriptions:
        if not subscription.is_search or subscription.delivery != Delivery.DIGEST:
            continue
        start = max(follower.digest_until, subscription.created_at)
        if start >= run.cutoff:
            continue
        is_challenge = subscription.kind == Kind.CHALLENGE_SEARCH
        items = []
        for item in run.results(subscription.kind, subscription.query, start):
            key = ("c" if is_challenge else "s", item.pk)
            if key not in seen:
                seen.add(key)
                items.append(run.item(item))
        if items:
            list_url = reverse(searches.KINDS[subscription.kind].list_url_name)
            query = f"?{subscription.query}" if subscription.query else ""
            sections.append(
                Section(
                    kind=subscription.kind,
                    heading=str(Kind(subscription.kind).label),
                    items=items,
                    parts=run.describer().parts(subscription.kind, subscription.query),
                    subscription=subscription,
                    more_url=site_url(list_url + query),
                )
            )
    return sections


def _notice_sections(notices: list[Notice], subscriptions: list[Subscription]) -> list[Section]:
    by_kind = {s.kind: s for s in subscriptions if not s.is_search}
    sections = []
    for kind in STANDING_KINDS:
        items = notice_items(kind, [n for n in notices if n.kind == kind])
        if items:
            sections.append(
                Section(
                    kind=kind,
                    heading=str(Kind(kind).label),
                    items=items,
                    subscription=by_kind.get(kind),
                )
            )
    return sections


def waiting_notices(user_id: int) -> list[Notice]:
    return list(
        Notice.objects.filter(user_id=user_id, sent_at__isnull=True, digest__isnull=True)
        .select_related("challenge__owner", "solution__organisation")
        .order_by("created_at", "pk")
    )


def _send_digest_email(user: User, sections: list[Section], count: int) -> OutgoingEmail:
    token = tokens.for_digest(user.pk)
    with translation.override(user.language):
        headers = unsubscribe_headers(token)
    return send_templated_email(
        to=user.email,
        template_prefix="following/email/digest",
        context={
            "sections": sections,
            "count": count,
            "following_url": PageLink("following:page", [], site_url),
            "unsubscribe_url": PageLink("following:unsubscribe", [token], site_url),
        },
        language=user.language,
        headers=headers,
    )


def digest_send(*, user_id: int, period: str, run: DigestRun) -> Digest | None:
    """The user's digest for the period, if none was sent for it and something is new."""
    with transaction.atomic():
        follower = (
            Follower.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(user_id=user_id, user__is_active=True)
            .exclude(Exists(Digest.objects.filter(user_id=OuterRef("user_id"), period=period)))
            .first()
        )
        if follower is None:
            return None
        user = follower.user
        subscriptions = list(Subscription.objects.filter(user_id=user_id))
        # Notices are written only for standing interests (and dropped with them).
        standing = any(not subscription.is_search for subscription in subscriptions)
        notices = waiting_notices(user_id) if standing else []
        with translation.override(user.language):
            seen: set = set()
            sections = _search_sections(follower, subscriptions, run, seen)
            sections += _notice_sections(notices, subscriptions)
        count = sum(len(section.items) for section in sections)
        if not count:
            return None
        digest = Digest.objects.create(
            user_id=user_id,
            period=period,
            window_start=follower.digest_until,
            window_end=run.cutoff,
            items=count,
            email=_send_digest_email(user, sections, count),
        )
        if notices:
            Notice.objects.filter(pk__in=[n.pk for n in notices]).update(digest=digest)
        follower.digest_until = max(follower.digest_until, run.cutoff)
        follower.save(update_fields=["digest_until"])
        return digest


def period_of(frequency: str, day: date) -> str:
    if frequency == Frequency.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def due_followers(frequency: str, period: str) -> list[int]:
    """The users with that frequency who follow something for the digest (or have notices
    waiting) and have had no digest for the period yet (one query)."""
    waiting = Notice.objects.filter(
        user_id=OuterRef("user_id"), sent_at__isnull=True, digest__isnull=True
    )
    return list(
        Follower.objects.filter(frequency=frequency, user__is_active=True)
        .filter(
            Q(Exists(Subscription.objects.in_digest().filter(user_id=OuterRef("user_id"))))
            | Q(Exists(waiting))
        )
        .exclude(Exists(Digest.objects.filter(user_id=OuterRef("user_id"), period=period)))
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def digests_send(*, now: datetime | None = None) -> int:
    """Every due digest: the daily ones every day, the weekly ones on Mondays. Returns the
    number of digests sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    run = DigestRun(cutoff=now - SETTLE)
    periods = {Frequency.DAILY: period_of(Frequency.DAILY, today)}
    if today.weekday() == WEEKLY_DIGEST_DAY:
        periods[Frequency.WEEKLY] = period_of(Frequency.WEEKLY, today)
    sent = 0
    for frequency, period in periods.items():
        for user_id in due_followers(frequency, period):
            try:
                digest = digest_send(user_id=user_id, period=period, run=run)
            except IntegrityError:
                continue  # another run sent this user's digest for the period meanwhile
            if digest is not None:
                sent += 1
    return sent
