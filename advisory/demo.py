"""Demo data of the council: 11 current members (entrepreneurs and politicians) and two
former ones, three past meetings with published minutes, one upcoming meeting with a
published agenda, proposals in every status, and three recommendations whose answers are
in different states. Every step goes through the services; past meetings are then moved
back in time."""

from datetime import date, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.base import ContentFile
from django.utils import timezone

from advisory import pool_demo, services
from advisory.models import (
    FollowUp,
    Meeting,
    MeetingEvent,
    Outcome,
    Position,
    Proposal,
    ProposalEvent,
    Seat,
    Verdict,
)
from portal.models import Administration, User

DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105  (published demo secret)

# (e-mail, first name, last name, position, seat, affiliation, term start, term end)
MEMBERS = [
    (
        "peter.madsen@demo.example",
        "Peter",
        "Madsen",
        Position.CHAIR,
        Seat.ENTREPRENEUR,
        "Café Kompetencen",
        date(2024, 1, 1),
        None,
    ),
    (
        "hanne.berg@demo.example",
        "Hanne",
        "Berg",
        Position.VICE_CHAIR,
        Seat.POLITICIAN,
        "Socialdemokratiet",
        date(2024, 1, 1),
        None,
    ),
    (
        "ali.yousef@demo.example",
        "Ali",
        "Yousef",
        Position.MEMBER,
        Seat.ENTREPRENEUR,
        "Cykelværkstedet Nordvest",
        date(2024, 1, 1),
        None,
    ),
    (
        "karin.thomsen@demo.example",
        "Karin",
        "Thomsen",
        Position.MEMBER,
        Seat.ENTREPRENEUR,
        "Grøn Genbrug Amager",
        date(2024, 1, 1),
        None,
    ),
    (
        "morten.lund@demo.example",
        "Morten",
        "Lund",
        Position.MEMBER,
        Seat.POLITICIAN,
        "Enhedslisten",
        date(2024, 1, 1),
        None,
    ),
    (
        "signe.holm@demo.example",
        "Signe",
        "Holm",
        Position.MEMBER,
        Seat.POLITICIAN,
        "Det Konservative Folkeparti",
        date(2024, 1, 1),
        None,
    ),
    (
        "jakob.krogh@demo.example",
        "Jakob",
        "Krogh",
        Position.MEMBER,
        Seat.ENTREPRENEUR,
        "Madfællesskabet Nordvest",
        date(2024, 1, 1),
        None,
    ),
    (
        "fatima.ahmadi@demo.example",
        "Fatima",
        "Ahmadi",
        Position.MEMBER,
        Seat.ENTREPRENEUR,
        "Syværkstedet Tingbjerg",
        date(2025, 1, 1),
        None,
    ),
    (
        "rasmus.vinther@demo.example",
        "Rasmus",
        "Vinther",
        Position.MEMBER,
        Seat.POLITICIAN,
        "Venstre",
        date(2024, 1, 1),
        None,
    ),
    (
        "lise.dahl@demo.example",
        "Lise",
        "Dahl",
        Position.MEMBER,
        Seat.OTHER,
        "Dansk Socialøkonomisk Forum",
        date(2024, 1, 1),
        None,
    ),
    (
        "omar.said@demo.example",
        "Omar",
        "Said",
        Position.MEMBER,
        Seat.ENTREPRENEUR,
        "Job & Kaffe",
        date(2025, 1, 1),
        None,
    ),
    # Former members.
    (
        "bente.frost@demo.example",
        "Bente",
        "Frost",
        Position.CHAIR,
        Seat.POLITICIAN,
        "Radikale Venstre",
        date(2022, 1, 1),
        date(2023, 12, 31),
    ),
    (
        "niels.skov@demo.example",
        "Niels",
        "Skov",
        Position.MEMBER,
        Seat.ENTREPRENEUR,
        "Bybi",
        date(2022, 1, 1),
        date(2023, 12, 31),
    ),
]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SCORES = {"social_impact": 4, "feasibility": 4, "economic_sustainability": 3}

# (title, what, why, effect, administrations)
PROPOSALS = [
    (
        "Flere reserverede kontrakter",
        "Kommunen reserverer hvert år mindst ti kontrakter til socialøkonomiske virksomheder.",
        "Reserverede kontrakter giver job til mennesker langt fra arbejdsmarkedet.",
        "50 flere i job om året.",
        ["ØKF", "BIF"],
    ),
    (
        "Tomme lokaler til socialøkonomi",
        "Kommunen udlåner tomme lokaler om formiddagen til socialøkonomiske virksomheder.",
        "Mange virksomheder mangler køkkener og værksteder.",
        "20 nye aktiviteter i lokalområderne.",
        ["KFF", "BUF"],
    ),
    (
        "Sociale klausuler i byggeri",
        "Alle byggeprojekter over 10 mio. kr. får en social klausul om praktikpladser.",
        "Praktik giver unge en vej ind på arbejdsmarkedet.",
        "100 praktikpladser om året.",
        ["TMF"],
    ),
    (
        "Én indgang for fleksjob",
        "Jobcentret får én kontaktperson for socialøkonomiske virksomheder.",
        "Virksomhederne bruger for lang tid på at finde den rette.",
        "Kortere sagsbehandling.",
        ["BIF"],
    ),
    (
        "Genbrug i kommunens indkøb",
        "Kommunen køber brugte møbler fra socialøkonomiske genbrugsværksteder.",
        "Det sparer CO2 og skaber job.",
        "Halvdelen af møblerne genbrugt i 2028.",
        ["ØKF", "TMF"],
    ),
    (
        "Madordning med lokale køkkener",
        "Ældreplejen køber frokost fra lokale socialøkonomiske køkkener.",
        "Bedre mad og flere job i nærområdet.",
        "300 måltider om dagen.",
        ["SUF"],
    ),
    (
        "Mentorordning for nye iværksættere",
        "Erfarne socialøkonomiske iværksættere bliver mentorer for nye.",
        "Mange nye virksomheder lukker i det første år.",
        "Færre lukninger.",
        ["ØKF"],
    ),
    (
        "Klippekort til juridisk rådgivning",
        "Nye virksomheder får et klippekort til fem timers juridisk rådgivning.",
        "Selskabsform og kontrakter er svære.",
        "Flere registrerede socialøkonomiske virksomheder.",
        ["ØKF"],
    ),
    (
        "Måling af social effekt",
        "Kommunen og virksomhederne aftaler fælles mål for social effekt.",
        "Det gør effekten synlig og sammenlignelig.",
        "Én fælles standard.",
        ["SOF", "BIF"],
    ),
    (
        "Lokale helte i bydelene",
        "Lokaludvalgene udpeger hvert år en lokal socialøkonomisk helt.",
        "Synlighed skaber nye samarbejder.",
        "Tolv lokale helte om året.",
        ["KFF"],
    ),
    (
        "Byhaver på kommunale arealer",
        "Socialøkonomiske virksomheder kan drive byhaver på ubrugte arealer.",
        "Det skaber grønne job og fællesskab.",
        "Ti nye byhaver.",
        ["TMF"],
    ),
    (
        "Cykelreparation på skoler",
        "Skolerne køber cykelreparation fra socialøkonomiske værksteder.",
        "Unge lærer et håndværk.",
        "30 skoler med i 2027.",
        ["BUF"],
    ),
    (
        "Fælles kantine i rådhuset",
        "Rådhusets kantine drives af en socialøkonomisk virksomhed.",
        "Et synligt eksempel for hele kommunen.",
        "15 job.",
        ["ØKF"],
    ),
]


def _member_user(context, email, first, last) -> User:
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            email=email, password=context.password, first_name=first, last_name=last
        )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    context.note_user(f"council_{first.lower()}", email, True, created)
    return user


def _members(context, secretary):
    users = []
    for email, first, last, position, seat, affiliation, start, end in MEMBERS:
        user = _member_user(context, email, first, last)
        services.membership_add(
            actor=secretary,
            user=user,
            position=position,
            seat=seat,
            affiliation=affiliation,
            term_start=start,
            term_end=end,
        )
        if end is None:
            users.append(user)
    services.revoke_roles_of_former_members()
    return users


def _proposal(submitter, index) -> Proposal:
    title, what, why, effect, codes = PROPOSALS[index]
    return services.proposal_create(
        actor=submitter,
        data={"title": title, "what": what, "why": why, "expected_effect": effect},
        administrations=Administration.objects.filter(code__in=codes),
        attachments=[ContentFile(PDF, name="baggrund.pdf")],
    )


def _to_review(proposal, secretary) -> Proposal:
    services.proposal_submit(proposal=proposal, actor=proposal.submitter)
    services.proposal_start_screening(proposal=proposal, actor=secretary)
    return services.proposal_accept_for_review(proposal=proposal, actor=secretary)


def _reviews(proposal, members, conflicted=None):
    for member in members:
        if member == conflicted:
            services.conflict_declare(
                proposal=proposal,
                actor=member,
                reason="Jeg sidder i bestyrelsen for forslagsstillerens virksomhed.",
            )
        else:
            services.review_submit(
                proposal=proposal,
                actor=member,
                scores=SCORES,
                comment="Et godt og realistisk forslag.",
            )


def _meeting(secretary, title, days_from_now, place="Københavns Rådhus, udvalgsværelse 3"):
    starts = (timezone.localtime() + timedelta(days=30)).replace(
        hour=16, minute=0, second=0, microsecond=0
    )
    meeting = services.meeting_create(
        actor=secretary,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place=place,
    )
    meeting.shift = timedelta(days=days_from_now - 30)
    return meeting


def _move(meeting):
    """Dates as if the meeting happened `days_from_now` days from today."""
    shift = meeting.shift
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at + shift,
        ends_at=meeting.ends_at + shift,
        agenda_published_at=meeting.starts_at + shift - timedelta(days=7),
        minutes_published_at=meeting.starts_at + shift + timedelta(days=5)
        if meeting.minutes_published_at
        else None,
    )
    MeetingEvent.objects.filter(meeting=meeting).update(created_at=meeting.starts_at + shift)


def _decide_meeting(meeting, secretary, decisions):
    """decisions: (item, outcome, minutes, administrations)."""
    services.meeting_publish_agenda(meeting=meeting, actor=secretary)
    services.meeting_mark_held(meeting=meeting, actor=secretary)
    for item, outcome, minutes, codes in decisions:
        services.decision_record(
            item=item,
            actor=secretary,
            outcome=outcome,
            minutes=minutes,
            responsible_administrations=Administration.objects.filter(code__in=codes),
            answer_working_days=20,
        )
    meeting.refresh_from_db()
    services.meeting_publish_minutes(
        meeting=meeting,
        actor=secretary,
        summary="Alle medlemmer var til stede, bortset fra de noterede afbud.",
    )


def _past_meetings(secretary, members, entrepreneurs):
    recommendations = []
    for number, (days, indexes) in enumerate(
        ((-150, (0, 1)), (-90, (2, 3)), (-40, (4, 5))), start=1
    ):
        meeting = _meeting(secretary, f"Rådsmøde {number}", days)
        decisions = [
            (
                services.agenda_item_add(
                    meeting=meeting, actor=secretary, title="Godkendelse af dagsorden"
                ),
                Outcome.NOTED,
                "Dagsordenen blev godkendt.",
                [],
            )
        ]
        for position, index in enumerate(indexes):
            proposal = _to_review(_proposal(entrepreneurs[index % 2], index), secretary)
            _reviews(proposal, members, conflicted=members[2] if position == 0 else None)
            item = services.agenda_item_add(
                meeting=meeting, actor=secretary, title="", proposal=proposal, is_closed=False
            )
            item.papers.create(
                title="Sagsfremstilling",
                file=ContentFile(PDF, name="sag.pdf"),
                original_name="sagsfremstilling.pdf",
                size=len(PDF),
            )
            outcome = (
                Outcome.RECOMMENDED
                if position == 0
                else (Outcome.NOT_RECOMMENDED if number == 2 else Outcome.DEFERRED)
            )
            codes = [a.code for a in proposal.administrations.all()]
            decisions.append(
                (
                    item,
                    outcome,
                    "Rådet drøftede forslaget og besluttede som anført.",
                    codes if outcome == Outcome.RECOMMENDED else [],
                )
            )
            if outcome == Outcome.RECOMMENDED:
                recommendations.append(proposal)
        closed = services.agenda_item_add(
            meeting=meeting, actor=secretary, title="Personsag", is_closed=True
        )
        decisions.append((closed, Outcome.NOTED, "Drøftet for lukkede døre.", []))
        _decide_meeting(meeting, secretary, decisions)
        _move(meeting)
    return recommendations


def _answers(recommendations, servants):
    """One accepted with progress, one partly accepted, one still awaited and overdue."""
    first, second, third = recommendations
    follow_up = FollowUp.objects.filter(proposal=first).first()
    services.follow_up_answer(
        follow_up=follow_up,
        actor=servants[follow_up.administration.code],
        verdict=Verdict.ACCEPTED,
        reasons="Vi indarbejder det i indkøbspolitikken fra næste år.",
    )
    services.progress_add(
        follow_up=follow_up,
        actor=servants[follow_up.administration.code],
        body="De første fire kontrakter er reserveret.",
    )
    for follow_up in FollowUp.objects.filter(proposal=second):
        if follow_up.administration.code in servants:
            services.follow_up_answer(
                follow_up=follow_up,
                actor=servants[follow_up.administration.code],
                verdict=Verdict.PARTLY_ACCEPTED,
                reasons="Vi gør det i de byggeprojekter, hvor det er muligt.",
            )
    FollowUp.objects.filter(proposal=third).update(due=timezone.localdate() - timedelta(days=3))


def _open_proposals(secretary, members, entrepreneurs, upcoming):
    """The upcoming meeting's agenda, and a proposal in every other status."""
    statuses = {}
    on_agenda = _to_review(_proposal(entrepreneurs[0], 6), secretary)
    _reviews(on_agenda, members[:6], conflicted=members[0])
    item = services.agenda_item_add(meeting=upcoming, actor=secretary, title="", proposal=on_agenda)
    item.papers.create(
        title="Sagsfremstilling",
        file=ContentFile(PDF, name="sag.pdf"),
        original_name="sagsfremstilling.pdf",
        size=len(PDF),
    )
    services.agenda_item_add(
        meeting=upcoming,
        actor=secretary,
        title="Orientering fra sekretariatet",
        description="Status på rådets arbejde.",
    )
    services.meeting_publish_agenda(meeting=upcoming, actor=secretary)
    in_review = _to_review(_proposal(entrepreneurs[1], 7), secretary)
    _reviews(in_review, members[1:4])
    statuses["draft"] = _proposal(entrepreneurs[0], 8)
    submitted = _proposal(entrepreneurs[1], 9)
    services.proposal_submit(proposal=submitted, actor=submitted.submitter)
    screening = _proposal(entrepreneurs[0], 10)
    services.proposal_submit(proposal=screening, actor=screening.submitter)
    services.proposal_start_screening(proposal=screening, actor=secretary)
    waiting = _proposal(entrepreneurs[1], 11)
    services.proposal_submit(proposal=waiting, actor=waiting.submitter)
    services.proposal_ask_for_information(
        proposal=waiting,
        actor=secretary,
        question="Hvor mange måltider om dagen kan køkkenerne levere?",
    )
    returned = _proposal(entrepreneurs[0], 12)
    services.proposal_submit(proposal=returned, actor=returned.submitter)
    services.proposal_return(
        proposal=returned,
        actor=secretary,
        reason="Kantinens drift ligger uden for rådets kommissorium.",
    )
    withdrawn = _proposal(entrepreneurs[1], 3)
    services.proposal_withdraw(
        proposal=withdrawn, actor=withdrawn.submitter, reason="Vi venter til næste år."
    )


def load(context):
    _load_council(context)
    pool_demo.load(context)  # the pools, after the council (their applications are proposals)


def _load_council(context):
    if Proposal.objects.exists() or Meeting.objects.exists():
        return  # loaded before
    users = context.users
    secretary = users["council_secretary"]
    members = _members(context, secretary)
    entrepreneurs = [users["entrepreneur"], users["entrepreneur2"]]
    recommendations = _past_meetings(secretary, members, entrepreneurs)
    servants = {
        "ØKF": secretary,
        "BIF": users["civil_servant_bif"],
        "TMF": users["civil_servant_tmf"],
        "KFF": users["civil_servant_kff"],
        "SUF": users["civil_servant_suf"],
    }
    _answers(recommendations, servants)
    upcoming = _meeting(secretary, "Rådsmøde 4", 21, place="Københavns Rådhus, Festsalen")
    _open_proposals(secretary, members, entrepreneurs, upcoming)
    ProposalEvent.objects.filter(created_at__gt=timezone.now()).update(created_at=timezone.now())
