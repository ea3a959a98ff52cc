"""Following's part of the work overview and of the user's data export (portal.hooks)."""

from django.utils.translation import gettext_lazy as _

from following.models import Digest, Follower, Notice, Subscription
from portal.hooks import Part


def work_overview(request) -> list[Part]:
    """ "You follow": how many things, and the link to the page (one query)."""
    count = Subscription.objects.of(request.user).count()
    return [
        Part(
            key="following",
            heading=_("You follow"),
            template="following/includes/overview_part.html",
            context={"count": count},
            order=90,
        )
    ]


def profile_parts(user) -> list[Part]:
    """E-mails about what the user follows: a link to the page (no query)."""
    return [
        Part(
            key="following",
            heading=_("E-mails about what you follow"),
            template="following/includes/profile_part.html",
            order=30,
        )
    ]


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_user_data(user) -> dict:
    """What the user follows, their digest settings, the digests and notices sent."""
    follower = Follower.objects.filter(user=user).first()
    return {
        "following": {
            "digest": (
                {"frequency": follower.frequency, "told_up_to": _when(follower.digest_until)}
                if follower
                else None
            ),
            "subscriptions": [
                {
                    "kind": s.kind,
                    "search": s.query,
                    "delivery": s.delivery,
                    "created_at": _when(s.created_at),
                }
                for s in Subscription.objects.of(user)
            ],
            "digests": [
                {"period": d.period, "items": d.items, "created_at": _when(d.created_at)}
                for d in Digest.objects.filter(user=user).order_by("created_at")
            ],
            "notices": [
                {
                    "kind": n.kind,
                    "challenge": n.challenge_id,
                    "solution": n.solution_id,
                    "created_at": _when(n.created_at),
                    "sent_at": _when(n.sent_at),
                }
                for n in Notice.objects.filter(user=user).order_by("created_at")
            ],
        }
    }
