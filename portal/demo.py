"""Demo users for every role (loaded by `manage.py load_demo_data`)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from portal.models import Administration, Role
from portal.services import administration_membership_add, role_grant

# A fixed, published secret: demo staff accounts are for trying the portal, never for real use.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105

# (key, e-mail, first name, last name, administrations, roles, staff?)
DEMO_USERS = [
    ("entrepreneur", "anna.jensen@demo.example", "Anna", "Jensen", [], [], False),
    ("entrepreneur2", "jonas.berg@demo.example", "Jonas", "Berg", [], [], False),
    ("civil_servant_bif", "mads.nielsen@demo.example", "Mads", "Nielsen", ["BIF"], [], True),
    ("civil_servant_tmf", "sofie.larsen@demo.example", "Sofie", "Larsen", ["TMF"], [], True),
    ("civil_servant_suf", "ida.moeller@demo.example", "Ida", "Møller", ["SUF", "SOF"], [], True),
    ("civil_servant_kff", "maja.andersen@demo.example", "Maja", "Andersen", ["KFF"], [], True),
    ("civil_servant_buf", "ahmed.hassan@demo.example", "Ahmed", "Hassan", ["BUF"], [], True),
    (
        "contact_officer",
        "karen.holm@demo.example",
        "Karen",
        "Holm",
        [],
        [Role.CONTACT_OFFICER],
        True,
    ),
    (
        "council_member",
        "peter.madsen@demo.example",
        "Peter",
        "Madsen",
        [],
        [Role.COUNCIL_MEMBER],
        True,
    ),
    (
        "council_secretary",
        "lone.christensen@demo.example",
        "Lone",
        "Christensen",
        ["ØKF"],
        [Role.COUNCIL_SECRETARY],
        True,
    ),
    (
        "administrator",
        "admin@demo.example",
        "Portal",
        "Administrator",
        [],
        [Role.ADMINISTRATOR],
        True,
    ),
]

JOB_TITLES = {
    "BIF": "Virksomhedskonsulent",
    "TMF": "Projektleder, byudvikling",
    "SUF": "Udviklingskonsulent",
    "SOF": "Socialfaglig konsulent",
    "KFF": "Konsulent, fritid og frivillighed",
    "BUF": "Specialkonsulent, skole og fritid",
    "ØKF": "Sekretariatschef, Socialt Virksomhedsråd",
}


def load(context):
    from portal.models import User

    users = {}
    for key, email, first_name, last_name, administrations, roles, staff in DEMO_USERS:
        existing = User.objects.filter(email=email).first()
        created = existing is None
        user = existing or User.objects.create_user(
            email=email, password=context.password, first_name=first_name, last_name=last_name
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        for code in administrations:
            administration_membership_add(
                actor=None,
                user=user,
                administration=Administration.objects.get(code=code),
                job_title=JOB_TITLES.get(code, ""),
            )
        for role in roles:
            role_grant(actor=None, user=user, role=role)
        if (
            staff
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
        users[key] = user
        context.note_user(key, email, staff, created)
    context.users = users
