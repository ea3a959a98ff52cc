"""Bench data for the single point of contact: 50,000 enquiries, written with COPY."""

import random
from datetime import timedelta

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from enquiries.domain import Status, hash_token
from enquiries.models import Enquiry, EnquiryEvent, EnquiryRouting, Topic
from portal.models import Administration, AdministrationMembership, Role, User

ENQUIRIES = 50_000
STATUS_TOKEN = "bench-status-link-token"  # noqa: S105  (test data)
MESSAGES = [
    "Vi søger et køkken, hvor vi kan lave mad til 40 ældre hver dag.",
    "Hvordan kan vi komme i betragtning til en reserveret kontrakt?",
    "Vi vil gerne ansætte to borgere i løntilskud. Hvem skal vi tale med?",
    "Kan vi søge puljen til en pilot med genbrug af møbler?",
    "Vi har brug for en tilladelse til at bruge et areal i parken til byhave.",
]


def bench_contact_officer() -> User:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    user, _ = User.objects.get_or_create(email="bench-contact-officer@bench.example")
    user.role_assignments.get_or_create(role=Role.CONTACT_OFFICER)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


def bench_civil_servant() -> User:
    """A BIF civil servant for the administration inbox."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    user, _ = User.objects.get_or_create(email="bench-civil-servant@bench.example")
    AdministrationMembership.objects.get_or_create(
        user=user, administration=Administration.objects.get(code="BIF")
    )
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


def populate(count: int) -> int:
    target = min(count, ENQUIRIES)
    existing = Enquiry.objects.count()
    if existing >= target:
        return 0
    rng = random.Random(4242 + existing)  # noqa: S311  (test data)
    topics = list(Topic.objects.values_list("pk", flat=True))
    administrations = list(Administration.objects.values_list("pk", flat=True))
    statuses = [Status.RECEIVED, Status.TRIAGED, Status.ROUTED, Status.IN_PROGRESS] * 2 + [
        Status.WAITING,
        Status.ANSWERED,
        Status.CLOSED,
        Status.CLOSED,
        Status.CLOSED,
        Status.CLOSED,
    ]
    now = timezone.now()
    year = timezone.localdate().year
    columns = [
        "reference",
        "name",
        "email",
        "phone",
        "organisation_name",
        "cvr",
        "topic_id",
        "message",
        "language",
        "consent_given_at",
        "status",
        "lead_administration_id",
        "status_token_hash",
        "created_at",
        "triage_due",
        "answer_due",
    ]
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY enquiries_enquiry ({', '.join(columns)}) FROM STDIN") as copy:
            for index in range(existing, target):
                created = now - timedelta(minutes=index * 7)
                status = rng.choice(statuses)
                routed = status in (Status.ROUTED, Status.IN_PROGRESS, Status.ANSWERED)
                copy.write_row(
                    (
                        f"EB-{year}-{index + 1:06d}",
                        f"Bench-person {index}",
                        f"bench{index}@bench.example",
                        "",
                        "",
                        "",
                        rng.choice(topics),
                        rng.choice(MESSAGES),
                        "da",
                        created,
                        status,
                        rng.choice(administrations) if routed else None,
                        f"bench-{index:058d}",
                        created,
                        (created + timedelta(days=2)).date(),
                        (created + timedelta(days=14)).date(),
                    )
                )
        cursor.execute(
            "INSERT INTO enquiries_enquiryevent (enquiry_id, kind, from_enquirer, is_public, "
            "from_status, to_status, body, created_at) SELECT id, %s, false, true, '', '', '', "
            "created_at FROM enquiries_enquiry e WHERE NOT EXISTS "
            "(SELECT 1 FROM enquiries_enquiryevent v WHERE v.enquiry_id = e.id)",
            [EnquiryEvent.Kind.RECEIVED],
        )
        # The lead administration's routing, as enquiry_route writes it (the inbox reads it).
        cursor.execute(
            "INSERT INTO enquiries_enquiryrouting (enquiry_id, administration_id, role, note, "
            "routed_at, confirmed_at) SELECT id, lead_administration_id, %s, '', created_at, "
            "created_at FROM enquiries_enquiry e WHERE lead_administration_id IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM enquiries_enquiryrouting r WHERE r.enquiry_id = e.id)",
            [EnquiryRouting.Role.LEAD],
        )
    return target - existing


def pages() -> list[tuple]:
    """(label, path, user to log in as)."""
    # The newest enquiry answers to a known status link.
    newest = Enquiry.objects.order_by("-created_at").first()
    Enquiry.objects.filter(pk=newest.pk).update(status_token_hash=hash_token(STATUS_TOKEN))
    officer = bench_contact_officer()
    queue = reverse("enquiries:staff_queue")
    return [
        ("enquiries: queue (contact officer)", queue, officer),
        ("enquiries: queue, overdue only", queue + "?overdue=1", officer),
        ("enquiries: queue, page 2", queue + "?page=2", officer),
        ("enquiries: queue, search 'køkken' (~20 %)", queue + "?q=k%C3%B8kken", officer),
        ("enquiries: queue, search a name", queue + "?q=Bench-person+4711", officer),
        ("enquiries: inbox (BIF civil servant)", reverse("enquiries:inbox"), bench_civil_servant()),
        ("enquiries: figures (contact officer)", reverse("enquiries:figures"), officer),
        ("enquiries: contact form (visitor)", reverse("enquiries:create")),
        ("enquiries: status page (private link)", reverse("enquiries:status", args=[STATUS_TOKEN])),
    ]
