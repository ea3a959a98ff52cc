"""Writes of matchmaking: refreshing suggestions, inviting, dismissing."""

import re
from collections.abc import Callable
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges import rules as challenge_rules
from challenges.models import Challenge
from matching import scoring
from matching.models import Invitation, Suggestion
from portal.caching import bump_content_version
from portal.mail import PageLink, send_templated_email_to_users
from portal.models import LocalCommitteeArea, SustainableDevelopmentGoal, User
from solutions.models import Solution

CHALLENGE = "challenge"
SOLUTION = "solution"
SIDES = {CHALLENGE: scoring.CHALLENGE, SOLUTION: scoring.SOLUTION}
SHOWN_WORDS = 5
WORD = re.compile(r"\w{4,}")
# The content version of the pages that show suggestions (portal.caching): every refresh
# and dismissal bumps it.
CONTENT_NAMESPACE = "matching"


class InvitationLink(PageLink):
    """The response form for the invitation's challenge with its organisation and solution
    proposed, in the e-mail's language."""

    def __init__(
        self, invitation: Invitation, absolute: Callable[[str], str] | None = None
    ) -> None:
        super().__init__("challenges:respond", [invitation.challenge_id], absolute)
        self.query = invitation.respond_query()

    def __str__(self) -> str:
        path = f"{reverse(self.viewname, args=self.args)}?{self.query}"
        return self.absolute(path) if self.absolute else path


def schedule_refresh(kind: str, pk: int) -> None:
    """Refresh the item's suggestions once the current transaction has committed."""
    from matching.tasks import refresh_suggestions

    transaction.on_commit(partial(refresh_suggestions.enqueue, kind, pk))


def _item_text(kind: str, pk: int) -> str:
    """The words of the item that was refreshed (one query)."""
    row: tuple[str, ...] | None
    if kind == CHALLENGE:
        row = Challenge.objects.filter(pk=pk).values_list("title", "summary", "description").first()
    else:
        row = (
            Solution.objects.filter(pk=pk)
            .values_list("title", "summary", "problem", "description")
            .first()
        )
    return " ".join(row or ())


def _word_for_lexeme(text: str) -> dict[str, str]:
    """The first word of `text` for each Danish stem it has (one query)."""
    words = list(dict.fromkeys(WORD.findall(text.lower())))
    if not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, l FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, n), "
            "unnest(tsvector_to_array(to_tsvector('danish', w))) l ORDER BY n",
            [words],
        )
        found: dict[str, str] = {}
        for word, lexeme in cursor.fetchall():
            found.setdefault(lexeme, word)
        return found


def _names(model: type[SustainableDevelopmentGoal | LocalCommitteeArea]) -> dict[int, dict]:
    return {
        row["pk"]: row for row in model.objects.values("pk", "name_da", "name_en", *_extra(model))
    }


def _extra(model: type[SustainableDevelopmentGoal | LocalCommitteeArea]) -> list[str]:
    return ["number"] if model is SustainableDevelopmentGoal else []


def _reasons(pair: scoring.Scored, sdgs: dict, districts: dict, words: dict) -> dict:
    shared_words = sorted(
        (words[lexeme] for lexeme in pair.lexemes if lexeme in words),
        key=list(words.values()).index,
    )
    return {
        "sdgs": sorted(
            (
                {"number": sdgs[i]["number"], "da": sdgs[i]["name_da"], "en": sdgs[i]["name_en"]}
                for i in pair.sdg_ids
                if i in sdgs
            ),
            key=lambda goal: goal["number"],
        ),
        "districts": sorted(
            (
                {"da": districts[i]["name_da"], "en": districts[i]["name_en"]}
                for i in pair.district_ids
                if i in districts
            ),
            key=lambda area: area["da"],
        ),
        "target_groups": sorted(pair.target_groups),
        "collaborations": sorted(pair.collaborations),
        "words": shared_words[:SHOWN_WORDS],
    }


def suggestions_refresh(*, kind: str, pk: int) -> int:
    """Score the item against the other side and store the pairs worth keeping; an item
    that is not public loses its rows (dismissals are kept). Five queries, whatever the
    number of items."""
    side = SIDES[kind]
    pairs = scoring.score_pairs(side, pk)
    own = {side.me_column: pk}
    with transaction.atomic():
        bump_content_version(CONTENT_NAMESPACE)  # the challenge and solution pages
        stale = Suggestion.objects.filter(**own, dismissed_at__isnull=True)
        if not pairs:
            stale.delete()
            return 0
        sdgs = _names(SustainableDevelopmentGoal)
        districts = _names(LocalCommitteeArea)
        words = _word_for_lexeme(_item_text(kind, pk))
        now = timezone.now()
        rows = [
            Suggestion(
                **own,
                **{side.other_column: pair.other_id},
                score=pair.score,
                reasons=_reasons(pair, sdgs, districts, words),
                refreshed_at=now,
            )
            for pair in pairs
        ]
        stale.exclude(**{f"{side.other_column}__in": [p.other_id for p in pairs]}).delete()
        Suggestion.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["challenge", "solution"],
            update_fields=["score", "reasons", "refreshed_at"],
        )
    return len(rows)


@transaction.atomic
def suggestion_dismiss(*, user: User, suggestion: Suggestion) -> Suggestion:
    """The challenge's owners mark a suggestion as not relevant: it is kept, never shown."""
    suggestion = (
        Suggestion.objects.select_for_update().select_related("challenge").get(pk=suggestion.pk)
    )
    if not challenge_rules.can_manage(user, suggestion.challenge):
        raise PermissionDenied
    if suggestion.dismissed_at is None:
        suggestion.dismissed_at = timezone.now()
        suggestion.dismissed_by = user
        suggestion.save(update_fields=["dismissed_at", "dismissed_by"])
        bump_content_version(CONTENT_NAMESPACE)
    return suggestion


def _organisation_recipients(organisation_id: int) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, organisation_memberships__organisation_id=organisation_id
        ).order_by("email")
    )


@transaction.atomic
def suggestion_invite(
    *, user: User, suggestion: Suggestion, url_builder: Callable[[str], str] | None = None
) -> Invitation:
    """The challenge's owners invite the suggested solution's organisation to respond: one
    invitation (and one e-mail to its members, each in their language) per challenge and
    organisation, however often it is asked."""
    suggestion = (
        Suggestion.objects.select_for_update()
        .select_related("challenge", "solution__organisation")
        .get(pk=suggestion.pk)
    )
    challenge = suggestion.challenge
    if not challenge_rules.can_manage(user, challenge):
        raise PermissionDenied
    if not challenge.is_open_for_responses:
        raise ValidationError(
            _("The challenge no longer takes responses."), code="closed_for_responses"
        )
    organisation = suggestion.solution.organisation
    invitation, created = Invitation.objects.get_or_create(
        challenge=challenge,
        organisation=organisation,
        defaults={"solution": suggestion.solution, "invited_by": user},
    )
    if created:
        send_templated_email_to_users(
            users=_organisation_recipients(organisation.pk),
            template_prefix="matching/email/invitation",
            context={
                "challenge": challenge,
                "organisation": organisation,
                "solution": suggestion.solution,
                "respond_url": InvitationLink(invitation, url_builder),
                "overview_url": PageLink("matching:overview", [], url_builder),
            },
        )
    return invitation
