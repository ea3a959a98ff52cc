"""Fixed-window rate limits on the shared cache, for forms that send e-mail.

Limits live in settings.PORTAL_RATE_LIMITS as action → (count, seconds). allauth's own
limits cover login, sign-up and password reset.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def allow(action: str, *keys: str) -> bool:
    """Count one attempt for each key; False when any key is over its limit."""
    limit, period = settings.PORTAL_RATE_LIMITS[action]
    window = int(time.time() // period)
    allowed = True
    for key in keys:
        digest = hashlib.sha256(f"{action}|{key}".encode()).hexdigest()[:32]
        cache_key = f"ratelimit:{digest}:{window}"
        cache.add(cache_key, 0, timeout=period)
        try:
            count = cache.incr(cache_key)
        except ValueError:
            cache.set(cache_key, 1, timeout=period)
            count = 1
        if count > limit:
            allowed = False
    return allowed
