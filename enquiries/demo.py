"""Demo enquiries to the single point of contact, one or more in every status, spread over
the last weeks so that the queue, the inbox, the deadlines and the figures show something.

Every step goes through the services (timeline, routings, e-mails to the outbox). An
enquiry is submitted as of the day it arrived, so its deadlines, and the receipt that
states them, are those of that day; the later steps' times are then spread out after it.
Links in the e-mails are absolute (DEMO_BASE_URL, the address `make run` serves).
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from enquiries import services, staff_services
from enquiries.domain import FINISHED_STATUSES, Status
from enquiries.models import Enquiry, EnquiryEvent, EnquiryRouting, Topic
from portal.env import env_str
from portal.models import Administration

DEMO_BASE_URL = env_str("DEMO_BASE_URL", "http://127.0.0.1:8000").rstrip("/")


def absolute(path: str) -> str:
    return f"{DEMO_BASE_URL}{path}"


# (days ago, topic, sender, organisation, message, steps). A sender is a demo user's key or
# (name, e-mail). Steps are (action, argument) in order; see _STEPS.
DEMO_ENQUIRIES = [
    (
        0,
        "employment",
        ("Lars Winther", "lars@kaffeogkompetencer.example"),
        "Kaffe og Kompetencer ApS",
        "Vi driver en café med seks ansatte i fleksjob og vil gerne ansætte to mere. Hvordan "
        "samarbejder vi bedst med jobcentret om at finde de rette kandidater?",
        [],
    ),
    (
        6,
        "premises",
        ("Fatima Ali", "fatima@madfaellesskab.example"),
        "Madfællesskabet Nordvest",
        "Vi søger et køkken, hvor vi kan lave mad til 40 ældre hver dag. Har kommunen lokaler "
        "på Nørrebro eller i Nordvest, som står tomme om formiddagen?",
        [],
    ),
    (
        3,
        "start",
        ("Jens Kofoed", "jens.kofoed@example.org"),
        "",
        "Jeg vil starte en socialøkonomisk virksomhed, der reparerer cykler med unge uden "
        "uddannelse. Hvilken selskabsform passer bedst, og kan I hjælpe med opstarten?",
        [("triage", None)],
    ),
    (
        4,
        "employment",
        ("Mette Skov", "mette@genbrugsvaerkstedet.example"),
        "Genbrugsværkstedet",
        "Kan vi få løntilskud til en ny medarbejder, der har været ledig i to år? Vi vil også "
        "gerne tale om praktikpladser til borgere på kontanthjælp.",
        [
            ("triage", None),
            ("route", ("BIF", ["TMF"], "Løntilskud hører under jobcentret; TMF for værkstedet.")),
        ],
    ),
    (
        4,
        "employment",
        ("Mette Skov", "mette@genbrugsvaerkstedet.example"),
        "Genbrugsværkstedet",
        "Jeg skrev tidligere i dag om løntilskud – sender det igen, da jeg ikke fik en kvittering.",
        [("duplicate", 3)],
    ),
    (
        8,
        "employment",
        ("Sara Holm", "sara@groenneruter.example"),
        "Grønne Ruter",
        "Vi vil gerne tilbyde praktik i vores cykelværksted til ledige borgere. Hvem hos "
        "jobcentret kan vi tale med om en fast aftale?",
        [("route", ("BIF", [], "")), ("take", "civil_servant_bif")],
    ),
    (
        20,
        "permits",
        ("Ole Bech", "ole@byhaver.example"),
        "Byhaver i Sydhavn",
        "Må vi bruge et hjørne af parken ved Sydhavns Plads til en byhave med højbede? Vi har "
        "frivillige klar og vil gerne i gang til foråret.",
        [("route", ("TMF", [], "Brug af parkareal.")), ("take", "civil_servant_tmf")],
    ),
    (
        10,
        "premises",
        ("Nina Dahl", "nina@kulturkoekkenet.example"),
        "Kulturkøkkenet",
        "Vi vil gerne låne et lokale på biblioteket til madlavningskurser for nytilflyttede "
        "familier en aften om ugen.",
        [
            ("route", ("KFF", [], "")),
            ("take", "civil_servant_kff"),
            (
                "ask",
                "Tak for jeres henvendelse. Hvilke ugedage passer jer, og hvor mange deltagere "
                "forventer I?",
            ),
        ],
    ),
    (
        15,
        "partnerships",
        "entrepreneur",
        "Anna Jensen ApS",
        "Vi vil gerne indgå et partnerskab med et plejecenter om besøgsvenner. Hvem skal vi "
        "henvende os til?",
        [
            ("route", ("SUF", [], "Besøgsvenner på plejecentre.")),
            ("take", "civil_servant_suf"),
            (
                "answer",
                "Tak for jeres gode idé. Kontakt plejecentrets leder direkte; vi har orienteret "
                "Plejecenter Sølund, som gerne vil høre fra jer.",
            ),
        ],
    ),
    (
        30,
        "employment",
        ("Peter Lund", "peter@vaerkstedet.example"),
        "Værkstedet på Amager",
        "Hvordan bliver vi godkendt som virksomhed, der kan have borgere i virksomhedspraktik?",
        [
            ("route", ("BIF", [], "")),
            ("take", "civil_servant_bif"),
            (
                "answer",
                "I kan blive godkendt ved at kontakte Jobcenter Københavns virksomhedsservice. "
                "Vi har sendt jeres oplysninger videre, og I bliver ringet op.",
            ),
            ("enquirer", "Tusind tak for hjælpen – de har allerede ringet."),
            ("close", "civil_servant_bif"),
        ],
    ),
    (
        45,
        "procurement",
        ("Hanne Krog", "hanne@rengoeringmedhjerte.example"),
        "Rengøring med Hjerte",
        "Hvordan kommer vi i betragtning til en reserveret kontrakt om rengøring?",
        [
            ("triage", None),
            (
                "answer",
                "Kommunen kan reservere kontrakter til socialøkonomiske virksomheder. Hold øje "
                "med udbud.dk og tilmeld jer vores leverandørdag i januar.",
            ),
            ("close", "contact_officer"),
        ],
    ),
    (
        12,
        "other",
        ("Kasper Friis", "kasper@example.org"),
        "",
        "Skal vores forening betale moms af salget i vores genbrugsbutik?",
        [
            ("triage", None),
            (
                "refer",
                "Spørgsmål om moms hører under Skattestyrelsen. Ring på 72 22 18 18 eller "
                "skriv via skat.dk.",
            ),
        ],
    ),
    (
        2,
        "other",
        ("Billige Ure", "salg@billige-ure.example"),
        "",
        "Køb billige ure nu!!! Besøg vores webshop.",
        [("spam", None)],
    ),
    (
        1,
        "funding",
        "entrepreneur",
        "Anna Jensen ApS",
        "Kan vi søge puljen til en pilot med genbrug af møbler fra kommunens institutioner?",
        [("triage", None), ("route", ("ØKF", ["BUF"], "Puljen; BUF har møblerne."))],
    ),
]


def _sender(context, sender):
    if isinstance(sender, str):
        user = context.users[sender]
        return {"name": user.display_name, "email": user.email}, user
    name, email = sender
    return {"name": name, "email": email}, None


def _perform(context, enquiry, action, argument, enquiries):
    officer = context.users["contact_officer"]
    match action:
        case "triage":
            staff_services.enquiry_triage(enquiry=enquiry, actor=officer)
        case "route":
            lead, participants, note = argument
            staff_services.enquiry_route(
                enquiry=enquiry,
                lead=Administration.objects.get(code=lead),
                participants=list(Administration.objects.filter(code__in=participants)),
                note=note,
                actor=officer,
                url_builder=absolute,
            )
        case "take":
            staff_services.enquiry_take(enquiry=enquiry, actor=context.users[argument])
        case "ask" | "answer":
            actor = enquiry.handler or officer
            to_status = Status.WAITING if action == "ask" else Status.ANSWERED
            staff_services.enquiry_reply(
                enquiry=enquiry,
                body=argument,
                actor=actor,
                to_status=to_status,
                url_builder=absolute,
            )
        case "enquirer":
            services.enquiry_reply_from_enquirer(
                enquiry=enquiry, body=argument, url_builder=absolute
            )
        case "close":
            staff_services.enquiry_close(enquiry=enquiry, actor=context.users[argument])
        case "refer":
            staff_services.enquiry_refer(
                enquiry=enquiry, to_whom=argument, actor=officer, url_builder=absolute
            )
        case "spam":
            staff_services.enquiry_mark_spam(enquiry=enquiry, actor=officer)
        case "duplicate":
            staff_services.enquiry_mark_duplicate(
                enquiry=enquiry, of=enquiries[argument], actor=officer
            )


def _arrival(days_ago: int):
    """`days_ago` days ago at 9:15, and at least half an hour ago."""
    now = timezone.now()
    arrived = timezone.localtime(now - timedelta(days=days_ago)).replace(
        hour=9, minute=15, second=0, microsecond=0
    )
    return min(arrived, now - timedelta(minutes=30))


def _spread_steps(enquiry: Enquiry, arrived) -> None:
    """Each later step followed the arrival in turn, the last one at most a day ago (the
    deadlines stay those of the day it arrived)."""
    now = timezone.now()
    events = list(enquiry.events.order_by("pk"))
    span = max(now - timedelta(days=1) - arrived, timedelta(hours=1))
    step = span / max(len(events), 1)
    for index, event in enumerate(events):
        event.created_at = arrived + step * index
    EnquiryEvent.objects.bulk_update(events, ["created_at"])
    staff_answers = [
        e.created_at
        for e in events
        if e.kind == EnquiryEvent.Kind.MESSAGE and e.is_public and not e.from_enquirer
    ]
    closing = [
        e.created_at
        for e in events
        if e.kind == EnquiryEvent.Kind.STATUS and e.to_status in FINISHED_STATUSES
    ]
    routed = [
        e.created_at
        for e in events
        if e.kind == EnquiryEvent.Kind.STATUS and e.to_status == Status.ROUTED
    ]
    Enquiry.objects.filter(pk=enquiry.pk).update(
        first_answered_at=staff_answers[0] if staff_answers else None,
        answered_at=staff_answers[-1] if staff_answers else None,
        closed_at=closing[-1] if closing else None,
    )
    if routed:
        EnquiryRouting.objects.filter(enquiry=enquiry).update(routed_at=routed[-1])


def load(context):
    if Enquiry.objects.exists():
        return  # loaded before: demo data is loaded once, then left to the users
    enquiries = []
    for days_ago, topic, sender, organisation, message, steps in DEMO_ENQUIRIES:
        person, user = _sender(context, sender)
        arrived = _arrival(days_ago)
        enquiry, _token = services.enquiry_submit(
            data={
                **person,
                "phone": "",
                "organisation_name": organisation,
                "cvr": "",
                "topic": Topic.objects.get(slug=topic),
                "message": message,
            },
            user=user,
            status_url_builder=lambda token: absolute(reverse("enquiries:status", args=[token])),
            received_at=arrived,
        )
        enquiries.append(enquiry)
        for action, argument in steps:
            enquiry.refresh_from_db()
            _perform(context, enquiry, action, argument, enquiries)
        _spread_steps(enquiry, arrived)
