"""Standing interests when something happens: notices, and e-mails for "immediately".

`matching.tasks.refresh_suggestions` asks for `suggested_before` before it refreshes an
item's suggestions and calls `suggestions_refreshed` after (the refresh runs on commit of
every publication and change). The pairs that were not there before are new: each becomes a
`Notice` for the members of the solution's organisation who follow "challenges that fit"
and the civil servants of the challenge's administrations who follow "suggested
solutions"; a newly published solution becomes one for the civil servants who follow "new
solutions in my administration's areas and goals" (sharing an area or a goal with one of
their administration's public challenges). Notices are unique per user and thing, so a
refresh that runs twice tells no one twice. Who chose "immediately" gets an e-mail at once
(through the outbox, in their language, with one-click unsubscribe); the rest wait for the
digest.
"""

from collections import defaultdict

from django.db import connection, transaction
from django.utils import timezone, translation

from challenges.models import PUBLIC_STATUSES, Challenge
from following import tokens
from following.models import Delivery, Kind, Notice, Subscription
from following.services import Section, notice_items, site_url, unsubscribe_headers
from matching.models import Suggestion
from organisations.models import OrganisationMembership
from portal.mail import PageLink, send_templated_email
from portal.models import AdministrationMembership, User
from solutions.models import Solution

CHALLENGE = "challenge"
SOLUTION = "solution"


def _columns(kind: str) -> tuple[str, str]:
    return ("challenge_id", "solution_id") if kind == CHALLENGE else ("solution_id", "challenge_id")


def suggested_before(kind: str, pk: int) -> set[int]:
    """The other side's items already paired with this one (dismissed ones included)."""
    own, other = _columns(kind)
    return set(Suggestion.objects.filter(**{own: pk}).values_list(other, flat=True))


def _subscribers(kind: str) -> set[int]:
    """The ids of everyone who follows the standing interest."""
    return set(Subscription.objects.filter(kind=kind).values_list("user_id", flat=True))


def _pair_notices(pairs: list[tuple[int, int]]) -> list[tuple[int, str, int | None, int | None]]:
    """(user, kind, challenge, solution) for the followers of the new pairs' two sides."""
    notices: list[tuple[int, str, int | None, int | None]] = []
    fitting = _subscribers(Kind.FITTING_CHALLENGES)
    if fitting:
        solution_org = dict(
            Solution.objects.filter(pk__in={s for _c, s in pairs}).values_list(
                "pk", "organisation_id"
            )
        )
        members = defaultdict(set)
        for organisation_id, user_id in OrganisationMembership.objects.filter(
            user_id__in=fitting, organisation_id__in=set(solution_org.values())
        ).values_list("organisation_id", "user_id"):
            members[organisation_id].add(user_id)
        for challenge_id, solution_id in pairs:
            for user_id in members[solution_org.get(solution_id)]:
                notices.append((user_id, Kind.FITTING_CHALLENGES, challenge_id, solution_id))
    suggested = _subscribers(Kind.SUGGESTED_SOLUTIONS)
    if suggested:
        owners = dict(
            Challenge.objects.filter(pk__in={c for c, _s in pairs}).values_list(
                "pk", "administration_ids"
            )
        )
        staff = defaultdict(set)
        concerned = {a for ids in owners.values() for a in ids}
        for administration_id, user_id in AdministrationMembership.objects.filter(
            user_id__in=suggested, administration_id__in=concerned
        ).values_list("administration_id", "user_id"):
            staff[administration_id].add(user_id)
        for challenge_id, solution_id in pairs:
            users = set().union(*(staff[a] for a in owners.get(challenge_id, [])))
            for user_id in users:
                notices.append((user_id, Kind.SUGGESTED_SOLUTIONS, challenge_id, solution_id))
    return notices


_AREA_FOLLOWERS = """
SELECT DISTINCT s.user_id
FROM following_subscription s
JOIN portal_administrationmembership m ON m.user_id = s.user_id
WHERE s.kind = %s AND s.created_at <= %s AND m.administration_id IN (
    SELECT DISTINCT unnest(c.administration_ids) FROM challenges_challenge c
    WHERE c.status = ANY(%s::text[])
    AND (c.district_ids && %s::integer[] OR c.sdg_ids && %s::integer[])
)
"""


def _area_notices(solution_id: int) -> list[tuple[int, str, int | None, int | None]]:
    """The civil servants who follow their administration's areas and goals, for a
    published solution that shares an area or a goal with one of its public challenges."""
    solution = (
        Solution.objects.published()
        .filter(pk=solution_id)
        .values("published_at", "district_ids", "sdg_ids")
        .first()
    )
    if solution is None or not (solution["district_ids"] or solution["sdg_ids"]):
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            _AREA_FOLLOWERS,
            [
                Kind.AREA_SOLUTIONS.value,
                solution["published_at"],
                [str(status) for status in PUBLIC_STATUSES],
                solution["district_ids"],
                solution["sdg_ids"],
            ],
        )
        user_ids = [row[0] for row in cursor.fetchall()]
    return [(user_id, Kind.AREA_SOLUTIONS, None, solution_id) for user_id in user_ids]


_INSERT = """
INSERT INTO following_notice (user_id, kind, challenge_id, solution_id, created_at)
SELECT * FROM unnest(%s::integer[], %s::text[], %s::integer[], %s::integer[], %s::timestamptz[])
ON CONFLICT DO NOTHING
RETURNING id
"""


def _record(rows) -> list[int]:
    """Insert the notices that are not there yet; the ids of those that are new."""
    rows = list(dict.fromkeys(rows))
    if not rows:
        return []
    now = timezone.now()
    columns = list(zip(*rows, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(
            _INSERT,
            [
                list(columns[0]),
                [str(k) for k in columns[1]],
                list(columns[2]),
                list(columns[3]),
                [now] * len(rows),
            ],
        )
        return [row[0] for row in cursor.fetchall()]


def _send_at_once(notice_ids: list[int]) -> int:
    """E-mail the new notices of those who chose "immediately": one e-mail per user and
    interest. Returns the number of e-mails queued."""
    notices = list(
        Notice.objects.filter(pk__in=notice_ids)
        .select_related("challenge__owner", "solution__organisation", "user")
        .order_by("pk")
    )
    immediate = Subscription.objects.filter(
        delivery=Delivery.IMMEDIATELY, user_id__in={n.user_id for n in notices}
    )
    wanted = {(s.user_id, s.kind): s for s in immediate}
    groups: dict[tuple[int, str], list[Notice]] = defaultdict(list)
    for notice in notices:
        if (notice.user_id, notice.kind) in wanted:
            groups[(notice.user_id, notice.kind)].append(notice)
    sent = 0
    for (user_id, kind), group in groups.items():
        user: User = group[0].user
        subscription = wanted[(user_id, kind)]
        with translation.override(user.language):
            items = notice_items(kind, group)
            if items and user.is_active:
                token = tokens.for_subscription(subscription)
                section = Section(
                    kind=kind, heading=str(Kind(kind).label), items=items, subscription=None
                )
                send_templated_email(
                    to=user.email,
                    template_prefix="following/email/notice",
                    context={
                        "section": section,
                        "count": len(items),
                        "following_url": PageLink("following:page", [], site_url),
                        "unsubscribe_url": PageLink("following:unsubscribe", [token], site_url),
                    },
                    language=user.language,
                    headers=unsubscribe_headers(token),
                )
                sent += 1
        Notice.objects.filter(pk__in=[n.pk for n in group]).update(sent_at=timezone.now())
    return sent


@transaction.atomic
def suggestions_refreshed(*, kind: str, pk: int, before: set[int]) -> int:
    """After an item's suggestions were refreshed: notices for the new pairs (and for a
    newly published solution), e-mails for those who want them at once. Returns the number
    of notices written."""
    own, other = _columns(kind)
    new_pairs = [
        (challenge_id, solution_id)
        for challenge_id, solution_id in Suggestion.objects.filter(
            **{own: pk}, dismissed_at__isnull=True
        )
        .exclude(**{f"{other}__in": before})
        .values_list("challenge_id", "solution_id")
    ]
    rows = _pair_notices(new_pairs) if new_pairs else []
    if kind == SOLUTION and Subscription.objects.filter(kind=Kind.AREA_SOLUTIONS).exists():
        rows += _area_notices(pk)
    new_ids = _record(rows)
    if new_ids:
        _send_at_once(new_ids)
    return len(new_ids)
