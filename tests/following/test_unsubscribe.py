"""One-click unsubscribe (RFC 8058): a signed link that works without logging in. GET asks,
POST stops without CSRF; the link cannot be forged, cannot be turned into one for another
user, and stops nothing but what it names."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import translation

from following import tokens
from following.models import Delivery, Kind, Subscription
from following.services import preferences_update
from tests.factories import UserFactory
from tests.following.conftest import follow


@pytest.fixture
def anna(entrepreneur):
    follow(entrepreneur, "district=noerrebro")
    follow(entrepreneur, "q=ensomhed", Kind.SOLUTION_SEARCH)
    preferences_update(
        actor=entrepreneur,
        frequency="daily",
        deliveries={Kind.FITTING_CHALLENGES: Delivery.IMMEDIATELY},
    )
    return entrepreneur


@pytest.fixture
def bo(db):
    bo = UserFactory(email="bo@example.org")
    follow(bo, "district=noerrebro")
    return bo


@pytest.fixture
def one_click():
    """The mail client: no session, and CSRF checked as in production."""
    return Client(enforce_csrf_checks=True)


def url(token):
    return reverse("following:unsubscribe", args=[token])


def test_get_asks_and_changes_nothing(anna, one_click):
    search = Subscription.objects.get(user=anna, kind=Kind.CHALLENGE_SEARCH)
    response = one_click.get(url(tokens.for_subscription(search)))
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert Subscription.objects.filter(pk=search.pk).exists()


def test_one_click_post_stops_that_subscription_only(anna, bo, one_click):
    search = Subscription.objects.get(user=anna, kind=Kind.CHALLENGE_SEARCH)
    response = one_click.post(
        url(tokens.for_subscription(search)), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=search.pk).exists()
    assert Subscription.objects.filter(user=anna).count() == 2
    assert Subscription.objects.filter(user=bo).count() == 1


def test_the_digest_link_stops_the_digest_but_not_immediate_e_mails(anna, bo, one_click):
    response = one_click.post(url(tokens.for_digest(anna.pk)))
    assert response.status_code == 200
    assert list(Subscription.objects.filter(user=anna).values_list("kind", flat=True)) == [
        Kind.FITTING_CHALLENGES
    ]
    assert Subscription.objects.filter(user=bo).count() == 1


def test_using_a_link_again_changes_nothing(anna, one_click):
    search = Subscription.objects.get(user=anna, kind=Kind.CHALLENGE_SEARCH)
    token = tokens.for_subscription(search)
    one_click.post(url(token))
    follow(anna, "district=noerrebro")  # followed again: a new subscription
    response = one_click.post(url(token))
    assert response.status_code == 200
    assert Subscription.objects.filter(user=anna, kind=Kind.CHALLENGE_SEARCH).count() == 1


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # another signature
        lambda token: signing.dumps(signing.loads(token, salt=tokens.SALT), salt="other.salt"),
        lambda token: signing.dumps(
            {"u": 1, "t": "digest"}, key="not-our-secret", salt=tokens.SALT
        ),
        lambda token: "x" * 10_000,
        lambda token: "1",
    ],
)
def test_a_forged_link_is_refused_and_changes_nothing(anna, one_click, forge):
    token = forge(tokens.for_digest(anna.pk))
    assert one_click.get(url(token)).status_code == 404
    assert one_click.post(url(token)).status_code == 404
    assert Subscription.objects.filter(user=anna).count() == 3


def test_a_link_cannot_be_turned_into_one_for_another_user(anna, bo, one_click):
    bos_search = Subscription.objects.get(user=bo)
    # Anna's genuine token, edited to name Bo: the signature no longer holds.
    _value, _colon, signature = tokens.for_digest(anna.pk).rpartition(":")
    payload = signing.b64_encode(b'{"u":%d,"t":"digest"}' % bo.pk).decode()
    assert one_click.post(url(f"{payload}:{signature}")).status_code == 404
    # A genuine token of Anna's naming Bo's subscription stops nothing of Bo's.
    response = one_click.post(url(tokens.make(anna.pk, f"s{bos_search.pk}")))
    assert response.status_code == 200
    assert Subscription.objects.filter(pk=bos_search.pk).exists()
    assert Subscription.objects.filter(user=anna).count() == 3


def test_a_logged_in_other_user_cannot_use_the_link_for_themself(anna, bo, client):
    client.force_login(bo)
    search = Subscription.objects.get(user=anna, kind=Kind.CHALLENGE_SEARCH)
    client.post(url(tokens.for_subscription(search)))
    assert Subscription.objects.filter(user=bo).count() == 1
    assert not Subscription.objects.filter(pk=search.pk).exists()


def test_the_link_of_a_deleted_account_is_not_valid(anna, one_click):
    token = tokens.for_digest(anna.pk)
    anna.delete()
    assert one_click.post(url(token)).status_code == 404


def test_the_pages_say_it_in_danish_and_english(anna, one_click):
    token = tokens.for_digest(anna.pk)
    with translation.override("en"):
        english = url(token)
    assert english.startswith("/en/unsubscribe/")
    assert "Stop the e-mails" in one_click.get(english).content.decode()
    with translation.override("da"):
        danish, invalid = url(token), url("1")
    assert danish.startswith("/afmeld/")
    assert "Stop e-mailene" in one_click.get(danish).content.decode()
    assert "Linket er ikke gyldigt" in one_click.get(invalid).content.decode()
