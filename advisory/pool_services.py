"""The pools' money. Each movement is one function: it checks through `advisory.pool_rules`
that the actor may do it, locks the pool's row first (so two movements of one pool never
interleave), writes one or more immutable ledger entries and checks the pool's figures
before it commits: nothing granted beyond what the pool has, nothing paid beyond what was
granted."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from advisory import pool_rules
from advisory import services as council_services
from advisory.models import (
    Application,
    BudgetLine,
    EntryKind,
    ExpectedImpact,
    Grant,
    GrantStatus,
    Instalment,
    Intake,
    LedgerEntry,
    Outcome,
    Pool,
    PoolEvent,
    PoolRound,
    Proposal,
    ProposalEvent,
    ProposalKind,
    ProposalStatus,
)
from advisory.pool_money import kroner
from portal.mail import PageLink
from portal.models import Administration, LocalCommitteeArea, User
from portal.transitions import check_transition
from portal.workdays import add_working_days

K = EntryKind
S = ProposalStatus


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _lock(pool: Pool) -> Pool:
    return Pool.objects.select_for_update(of=("self",)).select_related("area").get(pk=pool.pk)


def _positive(amount: int, field: str = "amount") -> None:
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise ValidationError({field: _("Enter an amount above zero.")})


def _entry(pool: Pool, kind: str, amount: int, actor: User, reason: str, **extra) -> LedgerEntry:
    return LedgerEntry.objects.create(
        pool=pool,
        kind=kind,
        amount=amount,
        actor=actor,
        reason=reason,
        booked_on=extra.pop("booked_on", None) or timezone.localdate(),
        **extra,
    )


def _check_room(pool: Pool, amount: int, field: str = "amount") -> None:
    """Refuse to commit `amount` more than the pool has left."""
    remaining = pool.figures()["remaining"]
    if amount > remaining:
        raise ValidationError(
            {
                field: _("The pool has only %(remaining)s left; %(amount)s cannot be granted.")
                % {"remaining": kroner(remaining), "amount": kroner(amount)}
            }
        )


def _check_undrawn(grant: Grant, amount: int, message: str, field: str = "amount") -> None:
    """Refuse to take `amount` out of what the grantee may still draw."""
    outstanding = grant.figures()["outstanding"]
    if amount > outstanding:
        raise ValidationError(
            {field: message % {"outstanding": kroner(outstanding), "amount": kroner(amount)}}
        )


# The pools themselves: their terms and their rounds.

# The terms a pool is created with and changed by (amounts in øre).
TERMS = (
    "rules_text",
    "maximum_grant",
    "fast_track_limit",
    "fast_track_working_days",
    "intake",
    "is_open",
)
MAX_WORKING_DAYS = 60


def _check_terms(terms: dict) -> None:
    errors = {}
    maximum, limit = terms["maximum_grant"], terms["fast_track_limit"]
    if not isinstance(maximum, int) or maximum <= 0:
        errors["maximum_grant"] = _("Enter an amount above zero.")
    if not isinstance(limit, int) or limit < 0:
        errors["fast_track_limit"] = _("Enter an amount of zero or more.")
    elif not errors and limit > maximum:
        errors["fast_track_limit"] = _(
            "The fast-track limit (%(limit)s) cannot be above the maximum grant (%(maximum)s)."
        ) % {"limit": kroner(limit), "maximum": kroner(maximum)}
    days = terms["fast_track_working_days"]
    if not isinstance(days, int) or not 1 <= days <= MAX_WORKING_DAYS:
        errors["fast_track_working_days"] = _(
            "Enter a number of working days from 1 to %(most)s."
        ) % {"most": MAX_WORKING_DAYS}
    if terms["intake"] not in Intake.values:
        errors["intake"] = _("Choose rolling intake or rounds.")
    if not str(terms["rules_text"]).strip():
        errors["rules_text"] = _("Write the pool's rules.")
    if errors:
        raise ValidationError(errors)


def _duplicate_message(year: int, area: LocalCommitteeArea | None) -> dict:
    if area is None:
        return {"year": _("There is already a city pool for %(year)s.") % {"year": year}}
    return {
        "area": _("There is already a local pool for %(area)s in %(year)s.")
        % {"area": area.name, "year": year}
    }


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


@transaction.atomic
def pool_create(*, actor: User, year: int, area: LocalCommitteeArea | None, terms: dict) -> Pool:
    """A city pool (no area) or a local pool for a year: one of each per year."""
    _require(pool_rules.can_create_pool(actor, local=area is not None))
    _check_terms(terms)
    if Pool.objects.filter(year=year, area=area).exists():
        raise ValidationError(_duplicate_message(year, area))
    try:
        with transaction.atomic():
            pool = Pool.objects.create(
                year=year, area=area, **{name: terms[name] for name in TERMS}
            )
    except IntegrityError as error:  # the same pool created at the same moment
        raise ValidationError(_duplicate_message(year, area)) from error
    PoolEvent.objects.create(
        pool=pool,
        kind=PoolEvent.Kind.CREATED,
        actor=actor,
        changes={name: [None, _plain(terms[name])] for name in TERMS},
    )
    return pool


@transaction.atomic
def pool_update(*, pool: Pool, actor: User, terms: dict) -> Pool:
    """Change a pool's terms; the history keeps what each was before."""
    pool = _lock(pool)
    _require(pool_rules.can_edit_pool(actor, pool))
    _check_terms(terms)
    changes = {
        name: [_plain(getattr(pool, name)), _plain(terms[name])]
        for name in TERMS
        if getattr(pool, name) != terms[name]
    }
    if not changes:
        return pool
    for name in changes:
        setattr(pool, name, terms[name])
    pool.save(update_fields=list(changes))
    PoolEvent.objects.create(pool=pool, kind=PoolEvent.Kind.CHANGED, actor=actor, changes=changes)
    return pool


@transaction.atomic
def round_add(*, pool: Pool, actor: User, deadline: date) -> PoolRound:
    """A new round's application deadline (today or later)."""
    pool = _lock(pool)
    _require(pool_rules.can_manage_rounds(actor, pool))
    if pool.intake != Intake.ROUNDS:
        raise ValidationError(
            {"deadline": _("This pool takes applications at any time; it has no rounds.")}
        )
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline has passed; choose a later date.")})
    if pool.rounds.filter(deadline=deadline).exists():
        raise ValidationError({"deadline": _("The pool already has a round with this deadline.")})
    pool_round = PoolRound.objects.create(pool=pool, deadline=deadline)
    PoolEvent.objects.create(
        pool=pool,
        kind=PoolEvent.Kind.ROUND_ADDED,
        actor=actor,
        changes={"deadline": [None, deadline.isoformat()]},
    )
    return pool_round


@transaction.atomic
def round_remove(*, pool_round: PoolRound, actor: User) -> None:
    """Remove a round that is still to come and has no applications."""
    pool = _lock(pool_round.pool)
    _require(pool_rules.can_manage_rounds(actor, pool))
    pool_round = PoolRound.objects.select_for_update().get(pk=pool_round.pk)
    if pool_round.deadline <= timezone.localdate():
        raise ValidationError(_("Only a round whose deadline is still to come can be removed."))
    if pool_round.applications.exists():
        raise ValidationError(
            _("Applications have been sent to this round, so it cannot be removed.")
        )
    deadline = pool_round.deadline
    pool_round.delete()
    PoolEvent.objects.create(
        pool=pool,
        kind=PoolEvent.Kind.ROUND_REMOVED,
        actor=actor,
        changes={"deadline": [deadline.isoformat(), None]},
    )


# Money in.


@transaction.atomic
def contribution_record(
    *,
    pool: Pool,
    actor: User,
    amount: int,
    reason: str,
    payer: Administration | LocalCommitteeArea,
    booked_on: date | None = None,
) -> LedgerEntry:
    """A payer (an administration or a local committee) pays into the pool."""
    pool = _lock(pool)
    _require(pool_rules.can_manage_pool(actor, pool))
    _positive(amount)
    payer_field = "payer_administration" if isinstance(payer, Administration) else "payer_area"
    return _entry(
        pool, K.CONTRIBUTION, amount, actor, reason, booked_on=booked_on, **{payer_field: payer}
    )


# Grants.


def _check_instalments(amount: int, instalments) -> None:
    total = sum(instalment_amount for _due, instalment_amount in instalments)
    if not instalments or total != amount:
        raise ValidationError(
            {
                "instalments": _(
                    "The instalments add up to %(total)s and the grant is %(amount)s: "
                    "they must be the same."
                )
                % {"total": kroner(total), "amount": kroner(amount)}
            }
        )
    if any(instalment_amount <= 0 for _due, instalment_amount in instalments):
        raise ValidationError({"instalments": _("Each instalment must be above zero.")})


def _check_grantable(application: Application, pool: Pool, amount: int) -> None:
    if amount > pool.maximum_grant:
        raise ValidationError(
            {
                "amount": _("%(maximum)s is the pool's maximum grant.")
                % {"maximum": kroner(pool.maximum_grant)}
            }
        )
    if amount > application.amount:
        raise ValidationError(
            {
                "amount": _("The application asks for %(applied)s; a grant cannot be larger.")
                % {"applied": kroner(application.amount)}
            }
        )
    proposal = application.proposal
    fast_track = application.is_fast_track and proposal.status in (S.SUBMITTED, S.SCREENING)
    recommended = proposal.status in (S.DECIDED, S.PUBLISHED) and proposal.is_recommendation
    if not (fast_track or recommended):
        raise ValidationError(
            _("Only a fast-track application or one the council has recommended can be granted.")
        )


@transaction.atomic
def grant_award(
    *,
    application: Application,
    actor: User,
    amount: int,
    conditions: str,
    instalments: list[tuple[date, int]],
    report_due: date,
) -> Grant:
    """Record the grant of a decided application (or decide a fast-track one): one grant
    per application, however often the decision is submitted."""
    pool = _lock(application.pool)
    _require(pool_rules.can_record_grant(actor, application))
    existing = Grant.objects.filter(application=application).first()
    if existing is not None:
        return existing
    _positive(amount)
    _check_grantable(application, pool, amount)
    _check_instalments(amount, instalments)
    _check_room(pool, amount)
    grant = Grant.objects.create(
        application=application,
        pool=pool,
        amount=amount,
        conditions=conditions,
        report_due=report_due,
        decided_by=actor,
    )
    Instalment.objects.bulk_create(
        Instalment(grant=grant, due=due, amount=part) for due, part in instalments
    )
    _entry(pool, K.GRANT, amount, actor, _("Granted"), grant=grant)
    return grant


def _locked_grant(grant: Grant) -> tuple[Pool, Grant]:
    pool = _lock(grant.pool)
    return pool, Grant.objects.select_for_update().get(pk=grant.pk)


@transaction.atomic
def grant_change(*, grant: Grant, actor: User, new_amount: int, reason: str) -> Grant:
    """Raise or lower a grant: an entry for the difference."""
    pool, grant = _locked_grant(grant)
    _require(pool_rules.can_manage_pool(actor, pool))
    _positive(new_amount, "new_amount")
    if grant.status != GrantStatus.ACTIVE:
        raise ValidationError(_("Only an active grant can be changed."))
    if new_amount > pool.maximum_grant:
        raise ValidationError(
            {
                "new_amount": _("%(maximum)s is the pool's maximum grant.")
                % {"maximum": kroner(pool.maximum_grant)}
            }
        )
    difference = new_amount - grant.amount
    if difference == 0:
        raise ValidationError(
            {"new_amount": _("The grant is already %(amount)s.") % {"amount": kroner(new_amount)}}
        )
    if difference > 0:
        _check_room(pool, difference, "new_amount")
        _entry(pool, K.GRANT_INCREASE, difference, actor, reason, grant=grant)
    elif difference < 0:
        _check_undrawn(
            grant,
            -difference,
            _(
                "Only %(outstanding)s of the grant is not yet paid; "
                "a reduction of %(amount)s is too much."
            ),
            "new_amount",
        )
        _entry(pool, K.GRANT_DECREASE, -difference, actor, reason, grant=grant)
    grant.amount = new_amount
    grant.save(update_fields=["amount"])
    return grant


# Money out.


@transaction.atomic
def payout_record(
    *, grant: Grant, actor: User, amount: int, reason: str, booked_on: date | None = None
) -> LedgerEntry:
    """A payment to the grantee; never more than granted and not yet paid or returned."""
    pool, grant = _locked_grant(grant)
    _require(pool_rules.can_manage_pool(actor, pool))
    _positive(amount)
    if grant.status != GrantStatus.ACTIVE:
        raise ValidationError(_("Payouts can only be made on an active grant."))
    _check_undrawn(
        grant,
        amount,
        _("Only %(outstanding)s of the grant is left to pay; %(amount)s is too much."),
    )
    return _entry(pool, K.PAYOUT, amount, actor, reason, grant=grant, booked_on=booked_on)


@transaction.atomic
def grant_return_rest(*, grant: Grant, actor: User, reason: str) -> LedgerEntry | None:
    """Close the grant: what was granted and not paid goes back to the pool."""
    pool, grant = _locked_grant(grant)
    _require(pool_rules.can_manage_pool(actor, pool))
    if grant.status != GrantStatus.ACTIVE:
        raise ValidationError(_("This grant is already closed."))
    rest = grant.figures()["outstanding"]
    grant.status = GrantStatus.CLOSED
    grant.save(update_fields=["status"])
    if rest == 0:
        return None
    return _entry(pool, K.RETURN, rest, actor, reason, grant=grant)


# Corrections.


def _check_after_reversal(pool: Pool, entry: LedgerEntry) -> None:
    figures = pool.figures()
    if figures["remaining"] < 0:
        raise ValidationError(
            _("Reversing this entry would leave the pool with less than it has granted.")
        )
    if entry.grant_id is not None and entry.grant.figures()["outstanding"] < 0:
        raise ValidationError(
            _("Reversing this entry would leave the grant paid beyond what was granted.")
        )


@transaction.atomic
def entry_reverse(*, entry: LedgerEntry, actor: User, reason: str) -> LedgerEntry:
    """A correction: an entry that cancels `entry`'s effect on the pool's figures."""
    pool = _lock(entry.pool)
    _require(pool_rules.can_manage_pool(actor, pool))
    entry = LedgerEntry.objects.select_related("grant").get(pk=entry.pk)
    if entry.kind == K.REVERSAL:
        raise ValidationError(_("A reversal cannot be reversed; record the entry again."))
    if entry.kind == K.GRANT:
        raise ValidationError(
            _("A grant is not reversed; lower it or close it and return the rest.")
        )
    if LedgerEntry.objects.filter(reverses=entry).exists():
        raise ValidationError(_("This entry has already been reversed."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the entry is reversed.")})
    reversal = _entry(
        pool,
        K.REVERSAL,
        entry.amount,
        actor,
        reason,
        reverses=entry,
        grant=entry.grant,
        payer_administration_id=entry.payer_administration_id,
        payer_area_id=entry.payer_area_id,
    )
    _check_after_reversal(pool, entry)
    _sync_grant_amount(entry)
    return reversal


def _sync_grant_amount(entry: LedgerEntry) -> None:
    """A reversed increase or decrease changes the grant's current amount back."""
    if entry.kind not in (K.GRANT_INCREASE, K.GRANT_DECREASE):
        return
    grant = Grant.objects.select_for_update().get(pk=entry.grant_id)
    sign = -1 if entry.kind == K.GRANT_INCREASE else 1
    grant.amount += sign * entry.amount
    grant.save(update_fields=["amount"])


# Applications: a council proposal of kind "pool application" with what it asks for.


def _check_budget(amount: int, budget_lines: list[tuple[str, int]]) -> None:
    total = sum(line_amount for _text, line_amount in budget_lines)
    if total != amount:
        raise ValidationError(
            {
                "budget": _(
                    "The budget lines add up to %(total)s and the application to "
                    "%(amount)s: they must be the same."
                )
                % {"total": kroner(total), "amount": kroner(amount)}
            }
        )


def _check_applicable(pool: Pool, amount: int) -> PoolRound | None:
    """The pool takes applications now (it is open and, with rounds, a deadline is still
    to come); returns the round the application is sent to."""
    state = pool.intake_state()
    if not state.accepts:
        raise ValidationError({"pool": state.message})
    if amount > pool.maximum_grant:
        raise ValidationError(
            {
                "amount": _("%(maximum)s is the pool's maximum grant.")
                % {"maximum": kroner(pool.maximum_grant)}
            }
        )
    return state.round


@dataclass
class Asks:
    """What an application asks of the pool."""

    amount: int
    period_start: date
    period_end: date
    budget_lines: list[tuple[str, int]]
    impacts: list[tuple[str, Decimal, str]] = field(default_factory=list)
    goals: list = field(default_factory=list)
    areas: list = field(default_factory=list)


@transaction.atomic
def application_create(
    *, actor: User, pool: Pool, proposal_data: dict, administrations, asks: Asks, attachments=()
) -> Application:
    """A draft application: the council's proposal (title, what, why, expected effect,
    administrations) and what it asks of the pool."""
    _positive(asks.amount)
    organisation = proposal_data.get("organisation")
    _require(organisation is None or organisation.memberships.filter(user=actor).exists())
    _check_applicable(pool, asks.amount)
    _check_budget(asks.amount, asks.budget_lines)
    proposal = council_services.proposal_create(
        actor=actor,
        data={**proposal_data, "kind": ProposalKind.POOL_APPLICATION},
        administrations=administrations,
        attachments=attachments,
    )
    application = Application.objects.create(
        proposal=proposal,
        pool=pool,
        amount=asks.amount,
        period_start=asks.period_start,
        period_end=asks.period_end,
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, text=text, amount=line_amount)
        for text, line_amount in asks.budget_lines
    )
    ExpectedImpact.objects.bulk_create(
        ExpectedImpact(application=application, label=label, figure=figure, unit=unit)
        for label, figure, unit in asks.impacts
    )
    application.goals.set(asks.goals)
    application.areas.set(asks.areas)
    return application


@transaction.atomic
def application_submit(*, application: Application, actor: User) -> Application:
    """Submit through the council's flow, to the pool's next round when it has rounds
    (after the last deadline it is refused); a fast-track application gets the date by
    which the secretary has promised a decision."""
    # The pool's lock first, as every pool service takes it: a round cannot be removed
    # while an application is being sent to it.
    pool = _lock(application.pool)
    application = Application.objects.select_for_update().get(pk=application.pk)
    # The round is the one whose deadline comes next when it is sent.
    application.round = _check_applicable(pool, application.amount)
    application.save(update_fields=["round"])
    council_services.proposal_submit(proposal=application.proposal, actor=actor)
    if application.is_fast_track and application.decision_due is None:
        application.decision_due = add_working_days(
            timezone.localdate(), application.pool.fast_track_working_days
        )
        application.save(update_fields=["decision_due"])
    return application


# A fast-track application is decided by the pool's secretary alone, without the council.
FAST_TRACK_TRANSITIONS = {
    S.SUBMITTED: {S.DECIDED},
    S.SCREENING: {S.DECIDED},
}


@transaction.atomic
def application_decide_fast_track(
    *,
    application: Application,
    actor: User,
    granted: bool,
    reason: str,
    grant_terms: dict | None = None,
) -> Grant | None:
    """The secretary's decision on a fast-track application: granted (with the grant's
    amount, conditions, instalments and report date) or refused, with the reason."""
    _lock(application.pool)
    proposal = Proposal.objects.select_for_update().get(pk=application.proposal_id)
    application.proposal = proposal
    if proposal.status == S.DECIDED and hasattr(application, "grant"):
        return application.grant  # a double submit
    _require(pool_rules.can_decide_alone(actor, application))
    grant = None
    if granted:
        grant = grant_award(application=application, actor=actor, **(grant_terms or {}))
    check_transition(
        ProposalStatus,
        FAST_TRACK_TRANSITIONS,
        proposal.status,
        S.DECIDED,
        _("A proposal cannot go from %(from)s to %(to)s."),
    )
    ProposalEvent.objects.create(
        proposal=proposal,
        kind=ProposalEvent.Kind.STATUS,
        actor=actor,
        from_status=proposal.status,
        to_status=S.DECIDED,
        body=reason,
        is_public=granted,
    )
    proposal.status = S.DECIDED
    proposal.outcome = Outcome.RECOMMENDED if granted else Outcome.NOT_RECOMMENDED
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "outcome", "decided_at"])
    if proposal.submitter is not None:
        council_services.email_users(
            [proposal.submitter],
            "status_changed",
            {
                "proposal": proposal,
                "event": proposal.events.last(),
                "link": PageLink("advisory:proposal", [proposal.pk]),
            },
        )
    return grant
