"""The predicates of following/rules.py, per role: who may follow what, and whose
subscriptions one may change."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from following import rules
from following.models import Kind
from tests.factories import UserFactory
from tests.following.conftest import follow

SEARCHES = {Kind.CHALLENGE_SEARCH, Kind.SOLUTION_SEARCH}


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("visitor", set()),
        ("outsider", SEARCHES),
        ("entrepreneur", SEARCHES | {Kind.FITTING_CHALLENGES}),
        ("civil_servant_bif", SEARCHES | {Kind.SUGGESTED_SOLUTIONS, Kind.AREA_SOLUTIONS}),
    ],
)
def test_who_may_follow_what(request, db, persona, allowed):
    user = AnonymousUser() if persona == "visitor" else request.getfixturevalue(persona)
    assert {kind for kind in Kind if rules.can_follow_kind(user, kind)} == allowed


def test_an_inactive_user_may_follow_nothing(entrepreneur):
    entrepreneur.is_active = False
    assert not any(rules.can_follow_kind(entrepreneur, kind) for kind in Kind)


def test_only_the_owner_may_change_a_subscription(entrepreneur, outsider, civil_servant_bif):
    mine = follow(entrepreneur, "district=noerrebro")
    assert rules.can_change(entrepreneur, mine)
    assert rules.get_subscription_for_change(entrepreneur, mine.pk) == mine
    for other in (outsider, civil_servant_bif, AnonymousUser()):
        assert not rules.can_change(other, mine)
        with pytest.raises(Http404):
            rules.get_subscription_for_change(other, mine.pk)


def test_a_missing_subscription_is_404(db):
    with pytest.raises(Http404):
        rules.get_subscription_for_change(UserFactory(), 123_456)
