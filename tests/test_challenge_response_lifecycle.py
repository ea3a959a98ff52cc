"""The response lifecycle as both sides meet it: a confirmation before accepting, declining
and withdrawing; edit and withdraw until shortlisted; messages in every open status and
after acceptance; one change for a double submit; the responder's name for the owners; each
e-mail in its recipient's language with a full link. Pages are read in English unless a
test says otherwise."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from challenges import services
from challenges.models import Challenge, ResponseEvent, ResponseMessage, ResponseStatus
from tests.challenge_helpers import make_challenge, response_in, submit
from tests.factories import UserFactory, member_of


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def challenge(civil_servant_bif):
    return make_challenge(civil_servant_bif)


@pytest.fixture
def response(challenge, entrepreneur, organisation):
    return submit(entrepreneur, challenge, organisation)


def _button_classes(content, value):
    """The class attribute of the decision button for `value` on the response page."""
    button = re.search(
        rf'<button[^>]*\bname="to"\s+value="{re.escape(value)}"\s+class="([^"]*)"', content
    )
    assert button, f"no decision button for {value}"
    return button.group(1)


class TestConfirmation:
    def test_accept_is_not_the_primary_button(self, client, civil_servant_bif, response):
        client.force_login(civil_servant_bif)
        content = client.get(en("challenges:response", response.pk)).content.decode()
        assert "button-primary" not in _button_classes(content, "accepted")
        assert "button-primary" not in _button_classes(content, "declined")
        assert "button-primary" in _button_classes(content, "in_dialogue")

    @pytest.mark.parametrize(
        ("target", "button"),
        [("accepted", "Yes, accept the response"), ("declined", "Yes, decline the response")],
    )
    def test_accepting_and_declining_ask_first_and_keep_the_message(
        self,
        client,
        civil_servant_bif,
        response,
        mailoutbox,
        django_capture_on_commit_callbacks,
        target,
        button,
    ):
        client.force_login(civil_servant_bif)
        url = en("challenges:response_transition", response.pk)
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(url, {"to": target, "message": "Tak for jeres svar"})
        assert page.status_code == 200
        content = page.content.decode()
        assert button in content and "Tak for jeres svar" in content
        assert 'name="confirmed" value="yes"' in content
        response.refresh_from_db()
        assert response.status == ResponseStatus.SUBMITTED
        assert mailoutbox == [] and not ResponseMessage.objects.exists()

        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(
                url, {"to": target, "message": "Tak for jeres svar", "confirmed": "yes"}
            )
        assert page.status_code == 302
        response.refresh_from_db()
        assert response.status == target
        assert len(mailoutbox) == 1 and "Tak for jeres svar" in mailoutbox[0].body

    def test_shortlisting_needs_no_confirmation(self, client, civil_servant_bif, response):
        client.force_login(civil_servant_bif)
        page = client.post(en("challenges:response_transition", response.pk), {"to": "shortlisted"})
        assert page.status_code == 302
        response.refresh_from_db()
        assert response.status == ResponseStatus.SHORTLISTED


class TestDoubleSubmit:
    def test_a_decision_sent_twice_is_made_once(
        self,
        client,
        civil_servant_bif,
        response,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        client.force_login(civil_servant_bif)
        url = en("challenges:response_transition", response.pk)
        for _n in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                page = client.post(url, {"to": "accepted", "confirmed": "yes"})
            assert page.status_code == 302
        assert ResponseEvent.objects.filter(kind="status").count() == 1
        assert ResponseMessage.objects.count() == 1
        assert len(mailoutbox) == 1

    def test_a_message_sent_twice_is_stored_and_mailed_once(
        self, client, entrepreneur, response, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(entrepreneur)
        url = en("challenges:response_message", response.pk)
        for _n in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                assert client.post(url, {"body": "Hvornår kan vi mødes?"}).status_code == 302
        assert ResponseMessage.objects.filter(body="Hvornår kan vi mødes?").count() == 1
        assert len(mailoutbox) == 1
        # The same words later, or from the other side, are a new message.
        ResponseMessage.objects.update(created_at=timezone.now() - timedelta(minutes=5))
        client.post(url, {"body": "Hvornår kan vi mødes?"})
        assert ResponseMessage.objects.filter(body="Hvornår kan vi mødes?").count() == 2


class TestTheOrganisationsSide:
    def test_the_entrepreneur_writes_before_the_owners_open_a_dialogue(
        self,
        client,
        entrepreneur,
        civil_servant_bif,
        response,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        client.force_login(entrepreneur)
        assert (
            "Write a message" in client.get(en("challenges:response", response.pk)).content.decode()
        )
        with django_capture_on_commit_callbacks(execute=True):
            client.post(en("challenges:response_message", response.pk), {"body": "Et spørgsmål"})
        assert mailoutbox[-1].to == [civil_servant_bif.email]
        assert "Et spørgsmål" in mailoutbox[-1].body

    def test_the_entrepreneur_edits_until_shortlisted_and_the_contact_person_is_told(
        self,
        client,
        entrepreneur,
        colleague,
        civil_servant_bif,
        response,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        client.force_login(colleague)  # any member of the organisation
        url = en("challenges:response_edit", response.pk)
        page = client.get(url)
        assert page.status_code == 200
        assert "Vi kan drive kantinen." in page.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(url, {"message": "Vi kan drive kantinen fra maj.", "offer": ""})
        assert page.status_code == 302
        response.refresh_from_db()
        assert (response.message, response.offer) == ("Vi kan drive kantinen fra maj.", "")
        event = response.events.last()
        assert (event.kind, event.actor, set(event.changed_fields)) == (
            "edited",
            colleague,
            {"message", "offer"},
        )
        email = mailoutbox[-1]
        assert email.to == [civil_servant_bif.email]
        assert "Vi kan drive kantinen fra maj." in email.body
        assert "har ændret sit svar" in email.subject  # the contact person reads Danish
        with translation.override("da"):
            link = reverse("challenges:response", args=[response.pk])
        assert f"http://testserver{link}" in email.body

        services.response_change_status(
            user=civil_servant_bif, response=response, to_status="shortlisted"
        )
        page = client.post(url, {"message": "For sent", "offer": ""}, follow=True)
        assert "can no longer be changed" in page.content.decode()
        response.refresh_from_db()
        assert response.message == "Vi kan drive kantinen fra maj."
        assert (
            "Edit the response"
            not in client.get(en("challenges:response", response.pk)).content.decode()
        )

    def test_an_empty_edit_keeps_what_was_typed_with_a_message(
        self, client, entrepreneur, response
    ):
        client.force_login(entrepreneur)
        page = client.post(en("challenges:response_edit", response.pk), {"offer": "Nyt tilbud"})
        assert page.status_code == 200
        assert "message" in page.context["form"].errors
        assert "Nyt tilbud" in page.content.decode()

    def test_withdrawing_asks_first_then_tells_the_contact_person_and_ends_the_thread(
        self,
        client,
        entrepreneur,
        civil_servant_bif,
        response,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        client.force_login(entrepreneur)
        url = en("challenges:response_withdraw", response.pk)
        page = client.get(url)
        assert page.status_code == 200
        assert "Yes, withdraw the response" in page.content.decode()
        response.refresh_from_db()
        assert response.status == ResponseStatus.SUBMITTED
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(url, {"message": "Vi har ikke kapacitet", "confirmed": "yes"})
        assert page.status_code == 302
        response.refresh_from_db()
        assert response.status == ResponseStatus.WITHDRAWN
        assert mailoutbox[-1].to == [civil_servant_bif.email]
        assert "Vi har ikke kapacitet" in mailoutbox[-1].body
        content = client.get(en("challenges:response", response.pk)).content.decode()
        assert "Write a message" not in content and "Withdrawn" in content
        page = client.post(en("challenges:response_message", response.pk), {"body": "Hej"})
        assert page.status_code == 302
        assert not ResponseMessage.objects.filter(body="Hej").exists()


def test_both_sides_write_after_acceptance(
    client, entrepreneur, civil_servant_bif, challenge, organisation
):
    response = response_in(ResponseStatus.ACCEPTED, challenge, entrepreneur, organisation)
    for user, body in [(entrepreneur, "Vi starter mandag"), (civil_servant_bif, "Godt")]:
        client.force_login(user)
        assert (
            "Write a message" in client.get(en("challenges:response", response.pk)).content.decode()
        )
        client.post(en("challenges:response_message", response.pk), {"body": body})
    assert list(response.messages.values_list("body", flat=True)) == ["Vi starter mandag", "Godt"]


@pytest.mark.parametrize("status", ["declined", "withdrawn"])
def test_no_messages_after_a_response_is_declined_or_withdrawn(
    entrepreneur, challenge, organisation, status
):
    from django.core.exceptions import ValidationError

    response = response_in(status, challenge, entrepreneur, organisation)
    with pytest.raises(ValidationError):
        services.response_post_message(user=entrepreneur, response=response, body="Hej")


def test_the_owners_see_who_responded_and_for_which_organisation(
    client, civil_servant_bif, challenge, organisation
):
    person = member_of(organisation, UserFactory(first_name="Birgitte", last_name="Holm"))
    response = submit(person, challenge, organisation)
    client.force_login(civil_servant_bif)
    for url in [en("challenges:response", response.pk), challenge.get_absolute_url()]:
        content = client.get(url).content.decode()
        assert "Birgitte Holm" in content and organisation.name in content, url


def test_the_history_shows_each_change_with_who_and_when(
    client, entrepreneur, civil_servant_bif, response
):
    services.response_update(user=entrepreneur, response=response, data={"offer": "Catering"})
    services.response_change_status(
        user=civil_servant_bif, response=response, to_status="in_dialogue"
    )
    client.force_login(entrepreneur)
    content = client.get(en("challenges:response", response.pk)).content.decode()
    history = content[content.index('id="history-heading"') :]
    assert history.index("Submitted") < history.index("Edited") < history.index("In dialogue")
    assert civil_servant_bif.display_name in history


def test_status_emails_go_out_in_each_recipients_language(
    entrepreneur,
    civil_servant_bif,
    response,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    entrepreneur.language = "en"
    entrepreneur.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        services.response_change_status(
            user=civil_servant_bif,
            response=response,
            to_status="shortlisted",
            url_builder=lambda path: f"https://portal.example{path}",
        )
    email = mailoutbox[-1]
    assert "Shortlisted" in email.subject
    assert f"https://portal.example{en('challenges:response', response.pk)}" in email.body


# Pages and words (issue 9, point 16)


def test_new_challenge_is_offered_only_to_those_who_may_create(
    client, council_member, civil_servant_bif
):
    client.force_login(council_member)
    page = client.get(en("challenges:mine"))
    assert page.status_code == 200
    assert en("challenges:create") not in page.content.decode()
    assert client.get(en("challenges:create")).status_code == 403
    client.force_login(civil_servant_bif)
    assert en("challenges:create") in client.get(en("challenges:mine")).content.decode()


def test_a_visitor_sees_open_for_responses_not_published(client, challenge):
    for url in [reverse("challenges:list"), challenge.get_absolute_url()]:
        content = client.get(url).content.decode()
        assert '<span class="badge badge-success">Åben for svar</span>' in content, url
        assert 'badge">Offentliggjort<' not in content
        assert 'badge-success">Offentliggjort<' not in content


def test_danish_words_for_owners_and_shortlisting(client, civil_servant_bif, challenge, response):
    client.force_login(civil_servant_bif)
    content = client.get(challenge.get_absolute_url()).content.decode()
    assert "<dt>Ansvarlig forvaltning</dt>" in content
    assert "Ejer" not in content
    content = client.get(reverse("challenges:response", args=[response.pk])).content.decode()
    assert ">Udvælg svaret<" in content
    assert "listen over mulige" not in content


# One home for "open for responses"


@pytest.mark.parametrize("status", ["draft", "published", "in_dialogue", "solved", "closed"])
@pytest.mark.parametrize("days", [-1, 0, 5])
def test_open_for_responses_agrees_in_python_the_queryset_and_the_overview(
    client, civil_servant_bif, status, days
):
    challenge = make_challenge(civil_servant_bif, status=status)
    Challenge.objects.filter(pk=challenge.pk).update(
        deadline=timezone.localdate() + timedelta(days=days)
    )
    challenge.refresh_from_db()
    expected = status == "published" and days >= 0
    assert challenge.is_open_for_responses == expected
    assert Challenge.objects.open_for_responses().filter(pk=challenge.pk).exists() == expected
    assert Challenge.objects.closed_for_responses().filter(pk=challenge.pk).exists() != expected
    if challenge.is_public:
        open_list = client.get(reverse("challenges:list"), {"state": "open"}).context["page_obj"]
        assert (challenge in list(open_list)) == expected
        soon = client.get(reverse("challenges:list"), {"deadline": "14"}).context["page_obj"]
        assert (challenge in list(soon)) == expected


def test_a_council_member_in_an_administration_is_a_civil_servant_too(client, council_member):
    from portal.models import Administration, AdministrationMembership

    AdministrationMembership.objects.create(
        user=council_member, administration=Administration.objects.get(code="KFF")
    )
    client.force_login(council_member)
    assert en("challenges:create") in client.get(en("challenges:mine")).content.decode()


# Query counts: the same at two sizes


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # the first page read remembers the reader's language (one write)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_response_page_reads_as_many_queries_for_a_long_history(
    client, entrepreneur, civil_servant_bif, response
):
    url = en("challenges:response", response.pk)
    counts = {}
    for size in (1, 20):
        while response.messages.count() < size:
            n = response.messages.count()
            author = entrepreneur if n % 2 else civil_servant_bif
            services.response_post_message(user=author, response=response, body=f"Besked {n}")
            services.response_update(user=entrepreneur, response=response, data={"offer": f"{n}"})
        counts[size] = {}
        for user in (entrepreneur, civil_servant_bif):
            client.force_login(user)
            counts[size][user.pk] = _queries(client, url)
    assert counts[1] == counts[20]


def test_the_challenge_page_reads_as_many_queries_for_many_responses(
    client, civil_servant_bif, challenge
):
    from tests.factories import OrganisationFactory

    client.force_login(civil_servant_bif)
    counts = []
    for size in (1, 15):
        while challenge.responses.count() < size:
            organisation = OrganisationFactory()
            submit(member_of(organisation), challenge, organisation)
        counts.append(_queries(client, challenge.get_absolute_url()))
    assert counts[0] == counts[1]


# Two requests at the same moment (real transactions, one connection each)


def test_two_owners_accepting_at_the_same_moment_make_one_change(
    django_db_setup, django_db_blocker
):
    """Real commits on two connections. Not a transactional test: those empty every table
    afterwards (the reference data too, for every later test on a reused database), so
    this one removes exactly the rows it made."""
    import threading

    from django.db import connection

    from challenges.models import Challenge
    from organisations.models import Organisation
    from portal.models import OutgoingEmail, SearchWord, User
    from tests.factories import OrganisationFactory, civil_servant, with_totp

    with django_db_blocker.unblock():
        words = set(SearchWord.objects.values_list("word", flat=True))
        last_email = OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first()
        emails = OutgoingEmail.objects.filter(pk__gt=last_email or 0)
        race = ["owner.race@example.org", "colleague.race@example.org", "member.race@example.org"]
        organisation = None
        try:
            owner = with_totp(civil_servant("BIF", email=race[0]))
            colleague = with_totp(civil_servant("BIF", email=race[1]))
            organisation = OrganisationFactory()
            member = member_of(organisation, UserFactory(email=race[2]))
            response = submit(member, make_challenge(owner), organisation)
            mailed = emails.count()
            start, errors = threading.Barrier(2), []

            def accept(user):
                try:
                    start.wait()
                    services.response_change_status(
                        user=user, response=response, to_status="accepted"
                    )
                except Exception as error:
                    errors.append(error)
                finally:
                    connection.close()

            threads = [threading.Thread(target=accept, args=(u,)) for u in (owner, colleague)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert errors == []
            assert ResponseEvent.objects.filter(response=response, kind="status").count() == 1
            assert response.messages.filter(to_status="accepted").count() == 1
            assert emails.count() == mailed + 1
        finally:
            Challenge.objects.filter(contact_person__email__in=race).delete()
            if organisation is not None:
                Organisation.objects.filter(pk=organisation.pk).delete()
            User.objects.filter(email__in=race).delete()
            emails.delete()
            SearchWord.objects.exclude(word__in=words).delete()
