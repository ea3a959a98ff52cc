"""A user's data: the export (GDPR art. 15) holds every object that refers to the user,
found by introspection, and deleting an account hands over what must outlive it."""

import json
from datetime import UTC, datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from advisory.models import (
    AgendaItem,
    ConflictOfInterest,
    CouncilMembership,
    Decision,
    FollowUp,
    Meeting,
    MeetingEvent,
    Outcome,
    ProgressUpdate,
    Proposal,
    ProposalEvent,
    Review,
)
from challenges.models import (
    Challenge,
    ChallengeEvent,
    ResponseEvent,
    ResponseMessage,
    Status,
)
from enquiries.models import EnquiryAccess, EnquiryEvent, EnquiryRouting
from organisations.models import OrganisationInvitation
from portal import services
from portal.models import AdministrationMembership, OutgoingEmail, Role, RoleAssignment, User
from solutions.models import Solution, SolutionEvent
from tests.factories import (
    ChallengeFactory,
    EnquiryFactory,
    OrganisationFactory,
    ResponseFactory,
    administration,
    civil_servant,
    member_of,
    with_totp,
)


def user_foreign_keys() -> set[str]:
    """Every `app.Model.field` that points at the user model, the many-to-many tables too."""
    user_model = get_user_model()
    return {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is user_model
    }


def stamp(n: int) -> datetime:
    """A moment no other row has, to find an object without free text in the export."""
    return datetime(2020, 1, n, n, n, n, tzinfo=UTC)


def at(queryset, field, n):
    queryset.update(**{field: stamp(n)})
    return stamp(n).isoformat()


class Objects:
    """One object per user foreign key, each made with `user` in that field and returning
    the text that must appear in the export. A new model that refers to the user needs a
    maker here and an `export_user_data` hook in its app."""

    def __init__(self, user: User):
        self.user = user
        self.colleague = with_totp(civil_servant("BIF"))
        self.organisation = OrganisationFactory(name="Markørens Virksomhed ApS")
        member_of(self.organisation, self.colleague)

    def challenge(self, **fields):
        return ChallengeFactory(**{"contact_person": self.colleague, **fields})

    def admin_LogEntry_user(self):
        LogEntry.objects.create(
            user=self.user,
            content_type=ContentType.objects.get_for_model(Challenge),
            object_id="1",
            object_repr="Markør i administrationsloggen",
            action_flag=CHANGE,
            change_message="",
        )
        return "Markør i administrationsloggen"

    def account_EmailAddress_user(self):
        EmailAddress.objects.create(user=self.user, email="markoer.adresse@example.org")
        return "markoer.adresse@example.org"

    def mfa_Authenticator_user(self):
        return at(Authenticator.objects.filter(user=self.user), "created_at", 1)

    def socialaccount_SocialAccount_user(self):
        SocialAccount.objects.create(user=self.user, provider="kommunen", uid="markoer-uid-42")
        return "markoer-uid-42"

    def portal_User_groups_user(self):
        self.user.groups.add(Group.objects.create(name="Markørgruppen"))
        return "Markørgruppen"

    def portal_User_user_permissions_user(self):
        self.user.user_permissions.add(Permission.objects.get(codename="delete_replytemplate"))
        return "delete_replytemplate"

    def portal_AdministrationMembership_user(self):
        AdministrationMembership.objects.filter(user=self.user).update(job_title="Markørtitel")
        return "Markørtitel"

    def portal_RoleAssignment_user(self):
        RoleAssignment.objects.create(user=self.user, role=Role.COUNCIL_SECRETARY)
        return at(RoleAssignment.objects.filter(user=self.user), "created_at", 2)

    def organisations_OrganisationMembership_user(self):
        member_of(OrganisationFactory(cvr="12345674"), self.user)
        return "12345674"

    def organisations_OrganisationInvitation_invited_by(self):
        OrganisationInvitation.objects.create(
            organisation=self.organisation, email="inviteret@example.org", invited_by=self.user
        )
        return "inviteret@example.org"

    def challenges_Challenge_contact_person(self):
        self.challenge(contact_person=self.user, title="Markør: kontaktperson")
        return "Markør: kontaktperson"

    def challenges_Challenge_created_by(self):
        challenge = self.challenge(title="Markør: skrevet af brugeren", status=Status.DRAFT)
        Challenge.objects.filter(pk=challenge.pk).update(created_by=self.user)
        return "Markør: skrevet af brugeren"

    def challenges_ChallengeEvent_actor(self):
        event = ChallengeEvent.objects.create(
            challenge=self.challenge(), actor=self.user, kind=ChallengeEvent.Kind.EDITED
        )
        return at(ChallengeEvent.objects.filter(pk=event.pk), "created_at", 3)

    def challenges_Response_submitted_by(self):
        mine = OrganisationFactory()
        member_of(mine, self.user)
        ResponseFactory(
            challenge=self.challenge(),
            organisation=mine,
            submitted_by=self.user,
            message="Markør: brugerens svar",
        )
        return "Markør: brugerens svar"

    def challenges_ResponseMessage_author(self):
        response = ResponseFactory(challenge=self.challenge(), organisation=self.organisation)
        ResponseMessage.objects.create(
            response=response, author=self.user, body="Markør: brugerens besked"
        )
        return "Markør: brugerens besked"

    def enquiries_Enquiry_user(self):
        EnquiryFactory(user=self.user, message="Markør: brugerens henvendelse")
        return "Markør: brugerens henvendelse"

    def enquiries_Enquiry_handler(self):
        return EnquiryFactory(handler=self.user).reference

    def enquiries_EnquiryEvent_actor(self):
        event = EnquiryEvent.objects.create(
            enquiry=EnquiryFactory(), actor=self.user, kind=EnquiryEvent.Kind.NOTE
        )
        return at(EnquiryEvent.objects.filter(pk=event.pk), "created_at", 4)

    def _routing(self, **fields):
        return EnquiryRouting.objects.create(
            enquiry=EnquiryFactory(), administration=administration("BIF"), role="lead", **fields
        )

    def enquiries_EnquiryRouting_routed_by(self):
        routing = self._routing(routed_by=self.user)
        return at(EnquiryRouting.objects.filter(pk=routing.pk), "routed_at", 5)

    def enquiries_EnquiryRouting_confirmed_by(self):
        routing = self._routing(confirmed_by=self.user)
        return at(EnquiryRouting.objects.filter(pk=routing.pk), "confirmed_at", 6)

    def enquiries_EnquiryAccess_user(self):
        access = EnquiryAccess.objects.create(enquiry=EnquiryFactory(), user=self.user)
        return at(EnquiryAccess.objects.filter(pk=access.pk), "accessed_at", 7)

    def challenges_ResponseEvent_actor(self):
        response = ResponseFactory(challenge=self.challenge(), organisation=self.organisation)
        event = ResponseEvent.objects.create(
            response=response, actor=self.user, kind=ResponseEvent.Kind.EDITED
        )
        return at(ResponseEvent.objects.filter(pk=event.pk), "created_at", 8)

    def _solution(self, **fields):
        return Solution.objects.create(
            organisation=self.organisation,
            title=fields.pop("title", "En løsning"),
            summary="Kort om løsningen",
            description="Beskrivelse",
            problem="Problemet",
            **fields,
        )

    def solutions_Solution_created_by(self):
        self._solution(title="Markør: brugerens løsning", created_by=self.user)
        return "Markør: brugerens løsning"

    def solutions_SolutionEvent_actor(self):
        event = SolutionEvent.objects.create(
            solution=self._solution(), actor=self.user, kind=SolutionEvent.Kind.EDITED
        )
        return at(SolutionEvent.objects.filter(pk=event.pk), "created_at", 9)

    def _proposal(self, **fields):
        return Proposal.objects.create(
            title=fields.pop("title", "Et forslag"),
            what="Hvad",
            why="Hvorfor",
            expected_effect="Effekt",
            **fields,
        )

    def _item(self, title):
        starts = stamp(20)
        meeting = Meeting.objects.create(
            title="Et møde", starts_at=starts, ends_at=starts, place="Rådhuset"
        )
        return AgendaItem.objects.create(meeting=meeting, number=1, title=title)

    def advisory_Proposal_submitter(self):
        self._proposal(title="Markør: brugerens forslag", submitter=self.user)
        return "Markør: brugerens forslag"

    def advisory_ProposalEvent_actor(self):
        ProposalEvent.objects.create(
            proposal=self._proposal(),
            actor=self.user,
            kind=ProposalEvent.Kind.NOTE,
            body="Markør: brugerens skridt i et forslag",
        )
        return "Markør: brugerens skridt i et forslag"

    def advisory_MeetingEvent_actor(self):
        meeting = self._item("Punkt").meeting
        MeetingEvent.objects.create(meeting=meeting, actor=self.user, note="Markør: mødeskridt")
        return "Markør: mødeskridt"

    def advisory_Review_member(self):
        Review.objects.create(
            proposal=self._proposal(),
            member=self.user,
            social_impact=4,
            feasibility=3,
            economic_sustainability=2,
            comment="Markør: brugerens vurdering",
        )
        return "Markør: brugerens vurdering"

    def advisory_ConflictOfInterest_member(self):
        ConflictOfInterest.objects.create(
            proposal=self._proposal(), member=self.user, reason="Markør: inhabil"
        )
        return "Markør: inhabil"

    def advisory_CouncilMembership_user(self):
        CouncilMembership.objects.create(
            user=self.user,
            seat="politician",
            affiliation="Markør: parti",
            term_start=stamp(10).date(),
        )
        return "Markør: parti"

    def advisory_Decision_recorded_by(self):
        Decision.objects.create(
            item=self._item("Markør: beslutning optaget"),
            outcome=Outcome.RECOMMENDED,
            minutes="Referat",
            recorded_by=self.user,
        )
        return "Markør: beslutning optaget"

    def advisory_Decision_not_participating_user(self):
        decision = Decision.objects.create(
            item=self._item("Markør: deltog ikke"), outcome=Outcome.DEFERRED, minutes="Referat"
        )
        decision.not_participating.add(self.user)
        return "Markør: deltog ikke"

    def _follow_up(self, **fields):
        return FollowUp.objects.create(
            proposal=self._proposal(),
            administration=administration("BIF"),
            due=stamp(11).date(),
            **fields,
        )

    def advisory_FollowUp_answered_by(self):
        self._follow_up(answered_by=self.user, reasons="Markør: forvaltningens svar")
        return "Markør: forvaltningens svar"

    def advisory_ProgressUpdate_author(self):
        ProgressUpdate.objects.create(
            follow_up=self._follow_up(), author=self.user, body="Markør: fremdrift"
        )
        return "Markør: fremdrift"

    def _suggestion(self, **fields):
        from matching.models import Suggestion
        from tests.solutions.conftest import make_solution

        solution = make_solution(self.colleague, self.organisation, title="Markørens løsning")
        return Suggestion.objects.create(
            challenge=self.challenge(), solution=solution, score=1, **fields
        )

    def matching_Suggestion_dismissed_by(self):
        from matching.models import Suggestion

        suggestion = self._suggestion(dismissed_by=self.user)
        return at(Suggestion.objects.filter(pk=suggestion.pk), "dismissed_at", 21)

    def matching_Invitation_invited_by(self):
        from matching.models import Invitation

        invitation = Invitation.objects.create(
            challenge=self.challenge(title="Markør: inviteret til udfordringen"),
            organisation=self.organisation,
            invited_by=self.user,
        )
        return invitation.challenge.title

    def matching_OverviewVisit_user(self):
        from matching.models import OverviewVisit

        OverviewVisit.objects.create(user=self.user, last_seen_at=stamp(22))
        return stamp(22).isoformat()

    def following_Subscription_user(self):
        from following.models import Kind, Subscription

        Subscription.objects.create(user=self.user, kind=Kind.CHALLENGE_SEARCH, query="q=markoer")
        return "q=markoer"

    def following_Follower_user(self):
        from following.models import Follower

        Follower.objects.create(user=self.user, digest_until=stamp(13))
        return stamp(13).isoformat()

    def following_Digest_user(self):
        from following.models import Digest

        digest = Digest.objects.create(
            user=self.user, period="2020-W01", window_start=stamp(1), window_end=stamp(2), items=1
        )
        return at(Digest.objects.filter(pk=digest.pk), "created_at", 14)

    def following_Notice_user(self):
        from following.models import Kind, Notice

        notice = Notice.objects.create(
            user=self.user, kind=Kind.FITTING_CHALLENGES, challenge=self.challenge()
        )
        return at(Notice.objects.filter(pk=notice.pk), "created_at", 15)

    def advisory_LedgerEntry_actor(self):
        from advisory.models import EntryKind, LedgerEntry
        from tests.pool.conftest import make_pool

        LedgerEntry.objects.create(
            pool=make_pool(year=2031),
            kind=EntryKind.CONTRIBUTION,
            amount=1_234_500,
            actor=self.user,
            reason="Markør: brugerens indbetaling",
            payer_administration=administration("BIF"),
        )
        return "Markør: brugerens indbetaling"

    def advisory_Grant_decided_by(self):
        from advisory.models import Grant
        from tests.pool.conftest import make_application, make_pool

        pool = make_pool(year=2032)
        application = make_application(pool, 7_654_300, title="Markør: bevilget af brugeren")
        Grant.objects.create(
            application=application,
            pool=pool,
            amount=7_654_300,
            report_due=stamp(12).date(),
            decided_by=self.user,
        )
        return "Markør: bevilget af brugeren"

    def _report(self, year: int, text: str):
        from advisory.models import FinalReport, Grant
        from tests.pool.conftest import make_application, make_pool

        pool = make_pool(year=year)
        application = make_application(pool, 100_000, title=f"Bevilling {year}")
        grant = Grant.objects.create(
            application=application, pool=pool, amount=100_000, report_due=stamp(13).date()
        )
        return FinalReport.objects.create(grant=grant, what_was_done=text)

    def advisory_FinalReport_submitted_by(self):
        report = self._report(2033, "Markør: rapport indsendt af brugeren")
        report.submitted_by = self.user
        report.save()
        return "Markør: rapport indsendt af brugeren"

    def advisory_FinalReport_decided_by(self):
        report = self._report(2034, "Markør: rapport afgjort af brugeren")
        report.decided_by = self.user
        report.save()
        return "Markør: rapport afgjort af brugeren"

    def advisory_ReportEvent_actor(self):
        report = self._report(2035, "")
        report.events.create(actor=self.user, to_status="draft", body="Markør: rapportens trin")
        return "Markør: rapportens trin"

    def advisory_ReportAttachment_uploaded_by(self):
        report = self._report(2036, "")
        report.attachments.create(
            file="pool-reports/x",
            original_name="markoer-rapport.pdf",
            size=1,
            uploaded_by=self.user,
        )
        return "markoer-rapport.pdf"

    def advisory_LocalPoolSecretary_user(self):
        from advisory.models import LocalPoolSecretary
        from portal.models import LocalCommitteeArea

        area = LocalCommitteeArea.objects.get(slug="valby")
        LocalPoolSecretary.objects.create(user=self.user, area=area)
        return area.name

    def advisory_PoolEvent_actor(self):
        from advisory.models import Pool, PoolEvent

        pool = Pool.objects.create(
            year=1999, rules_text="Regler", maximum_grant=100, fast_track_limit=10
        )
        marker = "Markør: puljens regler ændret af brugeren"
        PoolEvent.objects.create(
            pool=pool,
            kind=PoolEvent.Kind.CHANGED,
            actor=self.user,
            changes={"rules_text": ["", marker]},
        )
        return marker


def maker_name(foreign_key: str) -> str:
    return foreign_key.replace(".", "_")


def test_every_foreign_key_to_the_user_has_a_maker():
    missing = sorted(fk for fk in user_foreign_keys() if not hasattr(Objects, maker_name(fk)))
    assert not missing, (
        f"{missing} refer to the user: export them in the app's hooks.export_user_data "
        "and add a maker to tests/test_privacy.py"
    )


@pytest.fixture
def servant(db):
    return with_totp(civil_servant("BIF", email="markoer@example.org"))


def test_the_export_holds_every_object_that_refers_to_the_user(client, servant):
    objects = Objects(servant)
    expected = {fk: getattr(objects, maker_name(fk))() for fk in sorted(user_foreign_keys())}
    client.force_login(servant)
    response = client.get(reverse("portal:account_export"))
    assert response.status_code == 200
    export = json.dumps(response.json(), ensure_ascii=False)
    missing = {fk: text for fk, text in expected.items() if text not in export}
    assert not missing, f"not in the export: {missing}"


def test_the_export_holds_invitations_and_e_mails_to_the_users_address(client, outsider):
    OrganisationInvitation.objects.create(
        organisation=OrganisationFactory(name="Inviterende ApS"), email=outsider.email.upper()
    )
    OutgoingEmail.objects.create(
        to=[outsider.email], subject="Markør: din kvittering", body_text=""
    )
    client.force_login(outsider)
    data = client.get(reverse("portal:account_export")).json()
    assert data["organisation_invitations_received"][0]["organisation"] == "Inviterende ApS"
    assert data["emails_to_you"][0]["subject"] == "Markør: din kvittering"


def test_the_export_leaves_out_the_text_of_internal_notes(client, servant):
    EnquiryEvent.objects.create(
        enquiry=EnquiryFactory(), actor=servant, kind=EnquiryEvent.Kind.NOTE, body="Intern note"
    )
    client.force_login(servant)
    data = client.get(reverse("portal:account_export")).json()
    assert data["enquiry_actions"][0]["kind"] == "note"
    assert "Intern note" not in json.dumps(data, ensure_ascii=False)


def test_the_export_holds_the_enquirers_own_timeline(client, outsider):
    enquiry = EnquiryFactory(user=outsider)
    EnquiryEvent.objects.create(
        enquiry=enquiry, kind=EnquiryEvent.Kind.MESSAGE, is_public=True, body="Svar til dig"
    )
    EnquiryEvent.objects.create(enquiry=enquiry, kind=EnquiryEvent.Kind.NOTE, body="Kun internt")
    client.force_login(outsider)
    [exported] = client.get(reverse("portal:account_export")).json()["enquiries"]
    assert exported["reference"] == enquiry.reference
    assert [event["text"] for event in exported["timeline"]] == ["", "Svar til dig"]


class TestDeletion:
    def test_a_colleague_takes_over_the_challenges_of_a_leaving_contact_person(
        self, client, servant
    ):
        colleague = civil_servant("BIF", email="kollega@example.org")
        challenge = ChallengeFactory(contact_person=servant)
        client.force_login(servant)
        response = client.post(reverse("portal:account_delete"), {"confirm_email": servant.email})
        assert response.status_code == 302
        assert not User.objects.filter(pk=servant.pk).exists()
        challenge.refresh_from_db()
        assert challenge.contact_person == colleague
        assert challenge.events.filter(changed_fields=["contact_person"]).exists()

    def test_the_deletion_is_refused_when_no_colleague_can_take_over(self, client, servant):
        ChallengeFactory(contact_person=servant, title="Ingen kan overtage")
        client.force_login(servant)
        response = client.post(reverse("portal:account_delete"), {"confirm_email": servant.email})
        assert response.status_code == 200
        assert "Ingen kan overtage" in response.content.decode()
        assert User.objects.filter(pk=servant.pk).exists()
        assert "_auth_user_id" in client.session

    def test_a_colleague_in_a_co_owner_takes_over_when_the_owner_has_none(self, servant):
        in_co_owner = civil_servant("SOF")
        challenge = ChallengeFactory(contact_person=servant, co_owners=[administration("SOF")])
        services.user_delete_account(actor=servant, user=servant)
        challenge.refresh_from_db()
        assert challenge.contact_person == in_co_owner

    def test_a_colleague_in_the_owner_comes_before_one_in_a_co_owner(self, servant):
        in_owner = civil_servant("BIF")
        civil_servant("SOF")
        challenge = ChallengeFactory(contact_person=servant, co_owners=[administration("SOF")])
        services.user_delete_account(actor=servant, user=servant)
        challenge.refresh_from_db()
        assert challenge.contact_person == in_owner

    def test_an_administrator_deleting_in_the_admin_goes_through_the_hooks(
        self, client, administrator, organisation, entrepreneur, colleague
    ):
        client.force_login(administrator)
        url = reverse("admin:portal_user_delete", args=[entrepreneur.pk])
        response = client.post(url, {"post": "yes"})
        assert response.status_code == 302
        assert not User.objects.filter(pk=entrepreneur.pk).exists()
        assert organisation.memberships.get(user=colleague).role == "admin"

    def test_the_admin_refuses_to_delete_a_challenges_contact_person(
        self, client, administrator, servant
    ):
        civil_servant("BIF")
        ChallengeFactory(contact_person=servant, title="Beskyttet udfordring")
        client.force_login(administrator)
        response = client.post(
            reverse("admin:portal_user_delete", args=[servant.pk]), {"post": "yes"}
        )
        assert response.status_code == 200
        # Challenges are never deleted in the admin (they are closed and archived through
        # their services), so the admin names the challenge as something it may not delete.
        assert "Kan ikke slette bruger" in response.content.decode()
        assert "udfordring" in response.content.decode()
        assert User.objects.filter(pk=servant.pk).exists()

    def test_nobody_deletes_another_users_account(self, servant, outsider):
        with pytest.raises(PermissionDenied):
            services.user_delete_account(actor=outsider, user=servant)
        with pytest.raises(PermissionDenied):
            services.user_export_data(actor=outsider, user=servant)
        assert User.objects.filter(pk=servant.pk).exists()
