"""The challenge overview: models, transitions, permissions, forms and pages."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from challenges import services
from challenges.models import Challenge, ChallengeEvent, Collaboration, Status
from portal.models import Administration
from tests.challenge_helpers import make_challenge
from tests.factories import civil_servant, with_totp
from tests.helpers import query_counts


@pytest.fixture
def civil_servant_sof(db):
    return with_totp(civil_servant("SOF", email="sof@example.org"))


class TestTransitions:
    def test_a_new_challenge_is_a_draft_with_a_history_entry(self, civil_servant_bif):
        challenge = make_challenge(civil_servant_bif, status=Status.DRAFT)
        assert challenge.status == Status.DRAFT
        assert challenge.events.get().kind == ChallengeEvent.Kind.CREATED

    def test_publishing_records_who_and_when(self, civil_servant_bif):
        challenge = make_challenge(civil_servant_bif)
        assert challenge.published_at is not None
        event = challenge.events.filter(kind=ChallengeEvent.Kind.STATUS).get()
        assert (event.from_status, event.to_status, event.actor) == (
            "draft",
            "published",
            civil_servant_bif,
        )

    @pytest.mark.parametrize(
        ("start", "target"),
        [
            (Status.DRAFT, Status.SOLVED),
            (Status.DRAFT, Status.ARCHIVED),
            (Status.PUBLISHED, Status.DRAFT),
            (Status.PUBLISHED, Status.ARCHIVED),
            (Status.SOLVED, Status.PUBLISHED),
            (Status.ARCHIVED, Status.PUBLISHED),
        ],
    )
    def test_illegal_transitions_are_refused(self, civil_servant_bif, start, target):
        challenge = make_challenge(civil_servant_bif, status=start)
        with pytest.raises(ValidationError):
            services.challenge_change_status(
                user=civil_servant_bif, challenge=challenge, to_status=target
            )
        challenge.refresh_from_db()
        assert challenge.status == start

    def test_unknown_target_status_is_refused(self, civil_servant_bif):
        challenge = make_challenge(civil_servant_bif)
        with pytest.raises(ValidationError):
            services.challenge_change_status(
                user=civil_servant_bif, challenge=challenge, to_status="bogus"
            )

    def test_a_draft_past_its_deadline_cannot_be_published(self, civil_servant_bif):
        challenge = make_challenge(civil_servant_bif, status=Status.DRAFT)
        Challenge.objects.filter(pk=challenge.pk).update(
            deadline=timezone.localdate() - timedelta(days=1)
        )
        with pytest.raises(ValidationError):
            services.challenge_publish(user=civil_servant_bif, challenge=challenge)

    def test_published_challenge_past_its_deadline_shows_as_closed_for_responses(
        self, civil_servant_bif
    ):
        challenge = make_challenge(civil_servant_bif)
        Challenge.objects.filter(pk=challenge.pk).update(
            deadline=timezone.localdate() - timedelta(days=1)
        )
        challenge.refresh_from_db()
        assert not challenge.is_open_for_responses
        assert str(challenge.public_status_label) == "Lukket for svar"

    def test_the_contact_person_must_work_in_an_owner_administration(
        self, civil_servant_bif, civil_servant_tmf
    ):
        with pytest.raises(ValidationError):
            services.challenge_create(
                user=civil_servant_bif,
                data={
                    "title": "T",
                    "summary": "S",
                    "description": "D",
                    "owner": Administration.objects.get(code="BIF"),
                    "contact_person": civil_servant_tmf,
                    "collaboration": Collaboration.PILOT,
                    "deadline": timezone.localdate() + timedelta(days=5),
                },
            )

    def test_edits_record_the_changed_fields(self, civil_servant_bif):
        challenge = make_challenge(civil_servant_bif)
        services.challenge_update(
            user=civil_servant_bif,
            challenge=challenge,
            data={"title": "Ny titel", "summary": challenge.summary},
        )
        event = challenge.events.filter(kind=ChallengeEvent.Kind.EDITED).get()
        assert event.changed_fields == ["title"]


PERSONAS = [
    "visitor",
    "entrepreneur",
    "owner",
    "co_owner",
    "other_administration",
    "contact_officer",
    "council_member",
]


@pytest.fixture
def people(
    request,
    civil_servant_bif,
    civil_servant_tmf,
    civil_servant_sof,
    entrepreneur,
    contact_officer,
    council_member,
):
    return {
        "visitor": None,
        "entrepreneur": entrepreneur,
        "owner": civil_servant_bif,
        "co_owner": civil_servant_sof,
        "other_administration": civil_servant_tmf,
        "contact_officer": contact_officer,
        "council_member": council_member,
    }


def _client_as(client, people, persona):
    if people[persona] is not None:
        client.force_login(people[persona])
    return client


MANAGERS = {"owner", "co_owner"}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", list(Status))
def test_permission_matrix_for_viewing_and_changing(client, people, persona, status):
    challenge = make_challenge(people["owner"], status=status, co_owners=["SOF"])
    client = _client_as(client, people, persona)
    is_public = status in {Status.PUBLISHED, Status.IN_DIALOGUE, Status.SOLVED, Status.CLOSED}
    may_manage = persona in MANAGERS

    detail = client.get(challenge.get_absolute_url())
    assert detail.status_code == (200 if is_public or may_manage else 404)

    if persona == "visitor":
        refused = 302  # to the login page
    elif persona == "entrepreneur":
        refused = 403  # not a staff member at all
    else:
        refused = 403 if is_public else 404

    edit = client.get(reverse("challenges:edit", args=[challenge.pk]))
    assert edit.status_code == (200 if may_manage else refused)
    if refused == 302:
        assert reverse("account_login") in edit["Location"]

    targets = sorted(challenge.allowed_transitions())
    if targets:
        response = client.post(
            reverse("challenges:transition", args=[challenge.pk]), {"to": targets[0]}
        )
        challenge.refresh_from_db()
        if may_manage:
            assert challenge.status == targets[0]
        else:
            assert challenge.status == status
            assert response.status_code == refused
            if refused == 302:
                assert reverse("account_login") in response["Location"]


def test_drafts_never_appear_in_the_overview_or_the_feed(client, civil_servant_bif):
    draft = make_challenge(civil_servant_bif, status=Status.DRAFT, title="Hemmeligt udkast")
    published = make_challenge(civil_servant_bif, title="Offentlig udfordring")
    content = client.get(reverse("challenges:list")).content.decode()
    assert published.title in content and draft.title not in content
    feed = client.get(reverse("challenges:feed")).content.decode()
    assert published.title in feed and draft.title not in feed


def test_archived_challenges_leave_the_overview(client, civil_servant_bif):
    archived = make_challenge(civil_servant_bif, status=Status.ARCHIVED, title="Arkiveret sag")
    assert archived.title not in client.get(reverse("challenges:list")).content.decode()


def test_a_published_change_is_visible_to_visitors_at_once(client, civil_servant_bif):
    challenge = make_challenge(civil_servant_bif, status=Status.DRAFT, title="Lige udgivet")
    assert "Lige udgivet" not in client.get(reverse("challenges:list")).content.decode()
    services.challenge_publish(user=civil_servant_bif, challenge=challenge)
    assert "Lige udgivet" in client.get(reverse("challenges:list")).content.decode()


class TestForms:
    url = staticmethod(lambda: reverse("challenges:create"))

    def _data(self, user, **overrides):
        data = {
            "title": "Cykelværksted i Sydhavnen",
            "summary": "Vi søger et cykelværksted.",
            "description": "Beskrivelse.",
            "owner": Administration.objects.get(code="BIF").pk,
            "contact_person": user.pk,
            "collaboration": "pilot",
            "budget": "not_set",
            "deadline": (timezone.localdate() + timedelta(days=20)).isoformat(),
        }
        data.update(overrides)
        return data

    def test_civil_servant_creates_a_draft(self, client, civil_servant_bif):
        client.force_login(civil_servant_bif)
        response = client.post(self.url(), self._data(civil_servant_bif))
        challenge = Challenge.objects.get()
        assert response.status_code == 302
        assert challenge.status == Status.DRAFT
        assert challenge.created_by == civil_servant_bif

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"deadline": "2020-01-01"}, "Fristen kan ikke ligge i fortiden"),
            ({"owner": ""}, "Dette felt er påkrævet"),
            ({"title": "x" * 100_000}, "må højst have 200 tegn"),
            ({"deadline": "ikke en dato"}, "gyldig dato"),
        ],
    )
    def test_bad_input_gets_a_message_and_keeps_the_input(
        self, client, civil_servant_bif, overrides, message
    ):
        client.force_login(civil_servant_bif)
        response = client.post(self.url(), self._data(civil_servant_bif, **overrides))
        assert response.status_code == 200
        content = response.content.decode()
        assert message in content
        assert "Cykelværksted i Sydhavnen" in content or "x" * 200 in content
        assert not Challenge.objects.exists()

    def test_owner_must_be_one_of_the_users_administrations(self, client, civil_servant_bif):
        client.force_login(civil_servant_bif)
        tmf = Administration.objects.get(code="TMF")
        response = client.post(self.url(), self._data(civil_servant_bif, owner=tmf.pk))
        assert response.status_code == 200
        assert not Challenge.objects.exists()

    def test_script_in_fields_is_escaped(self, client, civil_servant_bif):
        challenge = make_challenge(civil_servant_bif, title="<script>alert(1)</script>")
        for url in [
            challenge.get_absolute_url(),
            reverse("challenges:list"),
            reverse("challenges:feed"),
        ]:
            content = client.get(url).content.decode()
            assert "<script>alert(1)</script>" not in content


class TestOverview:
    @pytest.mark.parametrize(
        "params",
        [
            {"administration": "nope"},
            {"sdg": "99"},
            {"sort": "<script>"},
            {"page": "9999"},
            {"page": "-1"},
            {"state": "maybe"},
            {"q": "x" * 5000},
            {"q": "'; DROP TABLE challenges_challenge; --"},
            {"q": "&|!()<>:*"},
        ],
    )
    def test_odd_parameters_give_a_sensible_page(self, client, civil_servant_bif, params):
        make_challenge(civil_servant_bif)
        response = client.get(reverse("challenges:list"), params)
        assert response.status_code == 200

    def test_filters_combine_and_show_as_removable_tags(
        self, client, civil_servant_bif, civil_servant_tmf
    ):
        make_challenge(civil_servant_bif, title="BIF pilot", collaboration=Collaboration.PILOT)
        make_challenge(civil_servant_bif, title="BIF lokaler", collaboration=Collaboration.PREMISES)
        make_challenge(
            civil_servant_tmf,
            owner_code="TMF",
            title="TMF pilot",
            collaboration=Collaboration.PILOT,
        )
        response = client.get(
            reverse("challenges:list"), {"administration": "bif", "collaboration": "pilot"}
        )
        content = response.content.decode()
        assert "BIF pilot" in content
        assert "BIF lokaler" not in content and "TMF pilot" not in content
        assert "?collaboration=pilot" in content  # the tag removing the administration
        assert "?administration=bif" in content  # the tag removing the kind

    def test_open_and_closed_filter(self, client, civil_servant_bif):
        make_challenge(civil_servant_bif, title="Stadig åben")
        closed = make_challenge(civil_servant_bif, title="Nu lukket")
        services.challenge_close(user=civil_servant_bif, challenge=closed)
        open_page = client.get(reverse("challenges:list"), {"state": "open"}).content.decode()
        closed_page = client.get(reverse("challenges:list"), {"state": "closed"}).content.decode()
        assert "Stadig åben" in open_page and "Nu lukket" not in open_page
        assert "Nu lukket" in closed_page and "Stadig åben" not in closed_page

    def test_sort_by_deadline(self, client, civil_servant_bif):
        today = timezone.localdate()
        make_challenge(civil_servant_bif, title="Senere frist", deadline=today + timedelta(days=60))
        make_challenge(civil_servant_bif, title="Snarlig frist", deadline=today + timedelta(days=3))
        content = client.get(reverse("challenges:list"), {"sort": "deadline"}).content.decode()
        assert content.index("Snarlig frist") < content.index("Senere frist")

    def test_empty_state_when_nothing_matches(self, client, civil_servant_bif):
        make_challenge(civil_servant_bif)
        content = client.get(reverse("challenges:list"), {"q": "zzzyyyxxx"}).content.decode()
        assert "Ingen udfordringer matcher din søgning" in content

    def test_twenty_per_page_with_a_count(self, client, civil_servant_bif):
        for n in range(23):
            make_challenge(civil_servant_bif, title=f"Udfordring nummer {n}")
        first = client.get(reverse("challenges:list"))
        assert len(first.context["page_obj"].object_list) == 20
        assert "23 udfordringer" in first.content.decode()
        second = client.get(reverse("challenges:list"), {"page": 2})
        assert len(second.context["page_obj"].object_list) == 3

    @pytest.mark.parametrize(
        "query", ["", "?q=udfordring&administration=bif"], ids=["plain", "search"]
    )
    def test_query_count_is_equal_at_two_sizes(self, client, civil_servant_bif, query):
        made = iter(range(1000))

        def grow(n):
            for _ in range(n):
                title = f"Udfordring {next(made)}"
                make_challenge(civil_servant_bif, title=title, co_owners=["SOF"])

        # Two sizes that both fill more than one page (a single page needs no separate count).
        small, large = query_counts(client, reverse("challenges:list") + query, grow, (30, 60))
        assert small == large


def test_detail_query_count_is_equal_at_two_sizes(client, civil_servant_bif):
    challenge = make_challenge(civil_servant_bif)
    made = iter(range(1000))

    def grow(n):
        for _ in range(n):
            services.challenge_update(
                user=civil_servant_bif, challenge=challenge, data={"title": f"Titel {next(made)}"}
            )

    client.force_login(civil_servant_bif)
    small, large = query_counts(client, challenge.get_absolute_url(), grow, (1, 50))
    assert small == large
