import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from organisations.models import LegalForm, MembershipRole, Organisation, OrganisationMembership
from portal.models import Administration, AdministrationMembership, RoleAssignment, User

PASSWORD = "correct-horse-battery-staple"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def valid_cvr(n: int) -> str:
    """The n-th of an endless series of distinct CVR numbers that pass the modulus-11 check."""
    for base in (2_000_000 + 2 * n, 2_000_000 + 2 * n + 1):
        digits = str(base)
        remainder = sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS[:7], strict=True)) % 11
        check = (11 - remainder) % 11
        if check < 10:
            return digits + str(check)
    raise AssertionError("unreachable: one of two neighbours always has a check digit")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        self.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def with_totp(user):
    TOTP.activate(user, TOTP_SECRET)
    return user


def civil_servant(code: str, **kwargs) -> User:
    user = UserFactory(**kwargs)
    AdministrationMembership.objects.create(
        user=user, administration=Administration.objects.get(code=code)
    )
    return user


def with_role(user, role):
    RoleAssignment.objects.create(user=user, role=role)
    return user


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Socialøkonomisk Virksomhed {n} ApS")
    slug = factory.Sequence(lambda n: f"virksomhed-{n}")
    cvr = factory.Sequence(valid_cvr)
    legal_form = LegalForm.APS
    purpose = "Beskæftigelse af mennesker på kanten af arbejdsmarkedet."


def member_of(organisation, user=None, role=MembershipRole.ADMIN):
    user = user or UserFactory()
    OrganisationMembership.objects.create(organisation=organisation, user=user, role=role)
    return user
