"""The following page, following a search from an overview, and stopping: each user sees
and changes only their own subscriptions (404 otherwise); hostile query strings are stored
as the overview understands them and replayed safely; bad input is told at the field."""

from itertools import count

import pytest
from django.urls import reverse

from following.models import Delivery, Follower, Kind, Subscription
from portal.models import OutgoingEmail
from tests.factories import UserFactory
from tests.following.conftest import at, challenge_in, follow, run_digests
from tests.helpers import query_counts

HOSTILE = (
    "?q=%3Cscript%3Ealert(1)%3C/script%3E+%27%3B+DROP+TABLE+x%3B--"
    "&district=nowhere&district=noerrebro&district=noerrebro"
    "&sdg=99&sort=%3Bdrop&page=-1&evil=%3Cb%3E&collaboration=pilot%27"
)


def follow_url(slug="challenges"):
    return reverse("following:follow", args=[slug])


def test_a_visitor_is_sent_to_log_in_and_back(client, db):
    response = client.get(follow_url() + "?district=noerrebro")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get(reverse("following:page")).status_code == 302


def test_the_overviews_link_to_follow_their_search(client, db):
    response = client.get(reverse("challenges:list") + "?district=noerrebro&q=ældre")
    assert f'href="{follow_url()}?district=noerrebro&amp;q=%C3%A6ldre"' in response.content.decode()
    response = client.get(reverse("solutions:list"))
    assert f'href="{follow_url("solutions")}"' in response.content.decode()


def test_following_a_search_stores_what_the_overview_understands(client, entrepreneur):
    client.force_login(entrepreneur)
    page = client.get(follow_url() + "?district=noerrebro&sort=deadline&page=3&utm=x")
    assert page.status_code == 200
    assert "Nørrebro" in page.content.decode()
    response = client.post(follow_url(), {"query": "district=noerrebro&sort=deadline&page=3"})
    assert response.status_code == 302
    (subscription,) = Subscription.objects.filter(user=entrepreneur)
    assert (subscription.kind, subscription.query) == (Kind.CHALLENGE_SEARCH, "district=noerrebro")
    assert subscription.delivery == Delivery.DIGEST
    assert Follower.objects.filter(user=entrepreneur).exists()
    client.post(follow_url(), {"query": "district=noerrebro"})
    assert Subscription.objects.filter(user=entrepreneur).count() == 1  # the same search once


def test_a_hostile_query_string_is_stored_and_replayed_safely(client, entrepreneur):
    client.force_login(entrepreneur)
    page = client.get(follow_url() + HOSTILE)
    assert page.status_code == 200
    content = page.content.decode()
    assert "<script>alert(1)" not in content and "&lt;script&gt;alert(1)" in content
    query = page.context["form"].initial["query"]
    assert client.post(follow_url(), {"query": query}).status_code == 302
    stored = Subscription.objects.get(user=entrepreneur).query
    assert stored == (
        "q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E+%27%3B+DROP+TABLE+x%3B--&district=noerrebro"
    )
    # Replayed by the page and the digest: escaped, and only the Nørrebro challenge found.
    following = client.get(reverse("following:page")).content.decode()
    assert "<script>alert(1)" not in following and "&lt;script&gt;alert(1)" in following
    Subscription.objects.filter(user=entrepreneur).update(created_at=at(-48))
    Follower.objects.filter(user=entrepreneur).update(digest_until=at(-48))
    challenge_in("noerrebro", at(-3), summary="<script>alert(1)</script> '; DROP TABLE x;--")
    assert run_digests(at(0)) == 0  # the words are searched for, as words: no match


def test_a_hostile_search_is_replayed_as_words(client, entrepreneur):
    sql = "ensomhed'); DROP TABLE following_subscription;--"
    client.force_login(entrepreneur)
    query = client.get(follow_url(), {"q": sql, "district": "noerrebro"}).context["form"]
    client.post(follow_url(), {"query": query.initial["query"]})
    Subscription.objects.filter(user=entrepreneur).update(created_at=at(-48))
    Follower.objects.filter(user=entrepreneur).update(digest_until=at(-48))
    found = challenge_in("noerrebro", at(-3), title="Ny udfordring", summary=sql)
    challenge_in("valby", at(-3), title="Et andet sted", summary=sql)
    challenge_in("noerrebro", at(-3), title="Uden ordene")
    assert run_digests(at(0)) == 1
    (digest,) = OutgoingEmail.objects.filter(to=[entrepreneur.email])
    assert found.title in digest.body_text
    assert "Et andet sted" not in digest.body_text and "Uden ordene" not in digest.body_text
    assert "&#x27;); DROP TABLE" in digest.body_html or "&#39;); DROP TABLE" in digest.body_html


@pytest.mark.parametrize(
    "query",
    ["district=noerrebro\x00", "q=" + "x" * 10_000],
)
def test_bad_input_is_told_at_the_field(client, entrepreneur, query):
    client.force_login(entrepreneur)
    response = client.post(follow_url(), {"query": query})
    assert response.status_code == 200
    assert response.context["form"].errors["query"]
    assert not Subscription.objects.filter(user=entrepreneur).exists()


def test_an_unknown_overview_is_404(client, entrepreneur):
    client.force_login(entrepreneur)
    assert client.get(follow_url("organisations")).status_code == 404
    assert client.post(follow_url("nothing"), {"query": ""}).status_code == 404


def test_the_page_shows_only_the_users_own_subscriptions(client, entrepreneur):
    follow(entrepreneur, "district=noerrebro")
    other = UserFactory(email="bo@example.org")
    follow(other, "district=valby")
    client.force_login(entrepreneur)
    content = client.get(reverse("following:page")).content.decode()
    assert "Nørrebro" in content and "Valby" not in content


def test_stopping_someone_elses_subscription_is_404(client, entrepreneur):
    other = UserFactory(email="bo@example.org")
    theirs = follow(other, "district=valby")
    client.force_login(entrepreneur)
    response = client.post(reverse("following:stop", args=[theirs.pk]))
    assert response.status_code == 404
    assert Subscription.objects.filter(pk=theirs.pk).exists()
    assert client.post(reverse("following:stop", args=[999_999])).status_code == 404


def test_stopping_ones_own_subscription(client, entrepreneur):
    mine = follow(entrepreneur, "district=noerrebro")
    client.force_login(entrepreneur)
    assert client.get(reverse("following:stop", args=[mine.pk])).status_code == 405
    response = client.post(reverse("following:stop", args=[mine.pk]))
    assert response.status_code == 302
    assert not Subscription.objects.filter(pk=mine.pk).exists()


def test_an_entrepreneur_chooses_how_often_and_how(client, entrepreneur):
    client.force_login(entrepreneur)
    page = client.get(reverse("following:page"))
    form = page.context["form"]
    assert list(form.fields) == ["frequency", Kind.FITTING_CHALLENGES]
    response = client.post(
        reverse("following:page"),
        {
            "frequency": "weekly",
            Kind.FITTING_CHALLENGES: "immediately",
            Kind.AREA_SOLUTIONS: "digest",  # not theirs to choose: ignored
        },
    )
    assert response.status_code == 302
    assert Follower.objects.get(user=entrepreneur).frequency == "weekly"
    assert list(Subscription.objects.filter(user=entrepreneur).values_list("kind", "delivery")) == [
        (Kind.FITTING_CHALLENGES, Delivery.IMMEDIATELY)
    ]
    client.post(
        reverse("following:page"), {"frequency": "weekly", Kind.FITTING_CHALLENGES: "never"}
    )
    assert not Subscription.objects.filter(user=entrepreneur).exists()


def test_a_civil_servant_may_follow_the_administrations_interests(client, civil_servant_bif):
    client.force_login(civil_servant_bif)
    form = client.get(reverse("following:page")).context["form"]
    assert list(form.fields) == [
        "frequency",
        Kind.SUGGESTED_SOLUTIONS,
        Kind.AREA_SOLUTIONS,
    ]


@pytest.mark.parametrize(
    "data",
    [
        {"frequency": "hourly", Kind.FITTING_CHALLENGES: "digest"},
        {"frequency": "daily", Kind.FITTING_CHALLENGES: "sometimes"},
        {"frequency": "daily\x00", Kind.FITTING_CHALLENGES: "x" * 10_000},
        {},
    ],
)
def test_bad_choices_are_told_at_the_field_and_change_nothing(client, entrepreneur, data):
    client.force_login(entrepreneur)
    response = client.post(reverse("following:page"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "form-error" in response.content.decode()
    assert not Subscription.objects.filter(user=entrepreneur).exists()


def test_the_work_overview_shows_what_the_user_follows(client, entrepreneur):
    client.force_login(entrepreneur)
    content = client.get(reverse("matching:overview")).content.decode()
    assert "Du følger" in content and reverse("following:page") in content
    follow(entrepreneur, "district=noerrebro")
    follow(entrepreneur, "district=valby")
    content = client.get(reverse("matching:overview")).content.decode()
    assert "Du følger 2 søgninger og interesser." in content


def test_the_page_makes_as_many_queries_with_many_searches_as_with_one(client, entrepreneur):
    client.force_login(entrepreneur)
    areas = ["noerrebro", "valby", "vesterbro", "amager-vest", "bispebjerg"]
    numbers = count()

    def grow(n):
        for _ in range(n):
            i = next(numbers)
            kind = Kind.CHALLENGE_SEARCH if i % 2 else Kind.SOLUTION_SEARCH
            follow(entrepreneur, f"district={areas[i % 5]}&q=ord{i}", kind)

    counts = query_counts(client, reverse("following:page"), grow, sizes=(2, 12))
    assert counts[0] == counts[1]


def test_the_profile_links_to_what_the_user_follows(client, entrepreneur):
    client.force_login(entrepreneur)
    content = client.get(reverse("portal:profile")).content.decode()
    assert "E-mails om det, du følger" in content
    assert f'href="{reverse("following:page")}"' in content
