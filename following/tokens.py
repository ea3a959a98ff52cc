"""Signed one-click unsubscribe links (RFC 8058): they work without logging in.

A token is the user's id and what it stops ("digest": everything the digest brings;
"s<pk>": one subscription), signed with the secret key and a salt of its own, so it can be
neither forged nor turned into a token for another user or another subscription.
"""

from django.core import signing

SALT = "following.unsubscribe"
DIGEST = "digest"
MAX_LENGTH = 200


def make(user_id: int, target: str) -> str:
    return signing.dumps({"u": user_id, "t": target}, salt=SALT)


def for_subscription(subscription) -> str:
    return make(subscription.user_id, f"s{subscription.pk}")


def for_digest(user_id: int) -> str:
    return make(user_id, DIGEST)


def read(token: str) -> tuple[int, str] | None:
    """(user id, target) of a genuine token; None for anything else."""
    if len(token) > MAX_LENGTH:
        return None
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user_id, target = data.get("u"), data.get("t")
    if not isinstance(user_id, int) or not isinstance(target, str):
        return None
    if target != DIGEST and not (target.startswith("s") and target[1:].isdigit()):
        return None
    return user_id, target
