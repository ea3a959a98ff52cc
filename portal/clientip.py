"""The client's address, for rate limits and logs, correct behind a reverse proxy.

`X-Forwarded-For` is believed only when the request comes from a trusted proxy
(settings.TRUSTED_PROXIES: addresses or networks, from the environment variable of the
same name; none by default). The header is read from the right: each address that is
itself a trusted proxy is a hop, the first one that is not is the client. Without a
trusted proxy in front, the header is whatever the visitor wrote and is ignored.

`TrustedProxyMiddleware` (first in MIDDLEWARE) removes the `X-Forwarded-*` headers of
requests that do not come from a trusted proxy, so SECURE_PROXY_SSL_HEADER
(`X-Forwarded-Proto`: secure cookies, HSTS, the HTTPS redirect and the CSRF origin
check) is believed only from the proxy too.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in trusted)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(address: str) -> bool:
    parsed = _address(address)
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    return parsed is not None and any(parsed in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: REMOTE_ADDR, or from a trusted proxy the nearest address in
    X-Forwarded-For that is not a trusted proxy itself."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if _address(hop) is None:
            break  # not an address: the header was tampered with beyond this point
        if not is_trusted_proxy(hop):
            return str(_address(hop))
        remote = hop
    return remote


class TrustedProxyMiddleware:
    """Before SecurityMiddleware: a request that did not come through a trusted proxy
    loses its X-Forwarded-* headers, so nothing downstream can be told it was HTTPS or
    came from elsewhere by the visitor themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
