from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.utils import timezone

from challenges import services as challenge_services
from challenges.models import Challenge, Collaboration, Response, ResponseStatus, Status
from enquiries.domain import new_status_token, next_reference
from enquiries.models import Enquiry, EnquiryEvent, Topic
from enquiries.models import Status as EnquiryStatus
from organisations.models import LegalForm, MembershipRole, Organisation, OrganisationMembership
from portal.models import Administration, AdministrationMembership, RoleAssignment, User
from portal.workdays import add_working_days

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


def administration(code: str) -> Administration:
    return Administration.objects.get(code=code)


class ChallengeFactory(factory.django.DjangoModelFactory):
    """A challenge made through `challenges.services` (so its filter arrays, search lexicon
    and history are right), taken to `status` (published by default) by its transitions.
    The contact person is a new civil servant of the owner with two-factor on, unless given;
    `co_owners`, `districts` and `sdgs` take lists."""

    class Meta:
        model = Challenge

    title = factory.Sequence(lambda n: f"Job til ledige i kantine nummer {n}")
    summary = "Vi søger en virksomhed, der kan drive kantinen med ledige."
    description = "Kantinen på rådhuset skal drives af ledige borgere."
    owner = factory.LazyFunction(lambda: administration("BIF"))
    contact_person = factory.LazyAttribute(lambda o: with_totp(civil_servant(o.owner.code)))
    collaboration = Collaboration.EMPLOYMENT
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    status = Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, status=Status.PUBLISHED, **data):
        user = data["contact_person"]
        data.setdefault("co_owners", [])
        challenge = challenge_services.challenge_create(user=user, data=data)
        if status != Status.DRAFT:
            challenge_services.challenge_publish(user=user, challenge=challenge)
        if status not in {Status.DRAFT, Status.PUBLISHED}:
            if status == Status.ARCHIVED:
                challenge_services.challenge_close(user=user, challenge=challenge)
            challenge_services.challenge_change_status(
                user=user, challenge=challenge, to_status=status
            )
        challenge.refresh_from_db()
        return challenge


class ResponseFactory(factory.django.DjangoModelFactory):
    """An organisation's response submitted through `challenges.services` by a member
    (a new administrator of the organisation unless `submitted_by` is given), then taken
    to `status` by the challenge's contact person."""

    class Meta:
        model = Response

    challenge = factory.SubFactory(ChallengeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    submitted_by = factory.LazyAttribute(lambda o: member_of(o.organisation))
    message = "Vi kan drive kantinen med fem ledige borgere."
    offer = "Kantinedrift"
    status = ResponseStatus.SUBMITTED

    @classmethod
    def _create(cls, model_class, *args, status=ResponseStatus.SUBMITTED, **data):
        response = challenge_services.response_submit(user=data.pop("submitted_by"), **data)
        if status != ResponseStatus.SUBMITTED:
            challenge_services.response_change_status(
                user=response.challenge.contact_person, response=response, to_status=status
            )
        response.refresh_from_db()
        return response


class EnquiryFactory(factory.django.DjangoModelFactory):
    """A received enquiry as the public form stores it (reference number, deadlines, the
    received event), written directly; the private status token is on `.status_token`.
    For the journey itself, use the services."""

    class Meta:
        model = Enquiry

    name = factory.Faker("name", locale="da_DK")
    email = factory.Sequence(lambda n: f"enquirer{n}@example.org")
    organisation_name = "Kaffe og Kompetencer ApS"
    topic = factory.LazyFunction(lambda: Topic.objects.get(slug="premises"))
    message = "Vi søger et køkken på Nørrebro."
    language = "da"
    status = EnquiryStatus.RECEIVED
    created_at = factory.LazyFunction(timezone.now)
    consent_given_at = factory.SelfAttribute("created_at")
    reference = factory.LazyAttribute(lambda o: next_reference(o.created_at.year))
    triage_due = factory.LazyAttribute(
        lambda o: add_working_days(
            timezone.localdate(o.created_at), settings.ENQUIRY_TRIAGE_WORKING_DAYS
        )
    )
    answer_due = factory.LazyAttribute(
        lambda o: add_working_days(
            timezone.localdate(o.created_at), settings.ENQUIRY_ANSWER_WORKING_DAYS
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **data):
        token, token_hash = new_status_token()
        enquiry = model_class.objects.create(*args, status_token_hash=token_hash, **data)
        EnquiryEvent.objects.create(
            enquiry=enquiry,
            kind=EnquiryEvent.Kind.RECEIVED,
            is_public=True,
            created_at=enquiry.created_at,
        )
        enquiry.status_token = token
        return enquiry
