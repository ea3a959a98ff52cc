"""Issue 14.2: behind a trusted proxy the client's address comes from X-Forwarded-For,
from anyone else the header is ignored; X-Forwarded-Proto (secure cookies, HSTS, the CSRF
origin check) is believed only from a trusted proxy."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from portal import client_ip
from portal.clientip import TrustedProxyMiddleware
from tests.factories import PASSWORD, UserFactory

PROXY = "10.0.0.2"


def _request(remote, forwarded=None, **extra):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers, **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request("192.0.2.9", "203.0.113.1")) == "192.0.2.9"


def test_from_a_trusted_proxy_the_forwarded_address_counts(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_ip(_request(PROXY, "203.0.113.1")) == "203.0.113.1"


def test_a_visitor_cannot_choose_their_address_through_the_proxy(settings):
    """nginx appends the address it saw; what the visitor wrote stays on the left."""
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.1")) == "203.0.113.1"


def test_several_trusted_hops_are_walked_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.1, 10.0.0.7")) == "203.0.113.1"


def test_a_header_that_is_not_an_address_is_not_believed(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_ip(_request(PROXY, "203.0.113.1, nonsense")) == PROXY


def test_a_direct_visitor_cannot_claim_https(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    seen = {}

    def view(request):
        seen["secure"] = request.is_secure()
        seen["ip"] = client_ip(request)

    middleware = TrustedProxyMiddleware(view)
    middleware(_request("192.0.2.9", "203.0.113.1", HTTP_X_FORWARDED_PROTO="https"))
    assert seen == {"secure": False, "ip": "192.0.2.9"}
    middleware(_request(PROXY, "203.0.113.1", HTTP_X_FORWARDED_PROTO="https"))
    assert seen == {"secure": True, "ip": "203.0.113.1"}


def test_behind_the_proxy_https_cookies_hsts_and_csrf_origin_work(db, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SESSION_COOKIE_SECURE = True
    settings.ALLOWED_HOSTS = ["portal.example"]
    user = UserFactory(email="behind@example.org")
    client = Client(
        enforce_csrf_checks=True,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.1",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_HOST="portal.example",
    )
    page = client.get(reverse("account_login"))
    assert page["Strict-Transport-Security"].startswith("max-age=3600")
    token = page.cookies["csrftoken"].value
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://portal.example",
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["secure"]


def test_rate_limits_count_each_visitor_behind_the_proxy_apart(db, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "enquiry_ip": (1, 3600)}
    for visitor in ("203.0.113.1", "203.0.113.2"):
        client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor)
        first = client.post("/kontakt/", {"name": "x"})
        assert "sendt mange henvendelser" not in first.content.decode()
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1").post("/kontakt/", {})
    assert "sendt mange henvendelser" in second.content.decode()


@pytest.mark.parametrize(
    "app", ["enquiries", "challenges", "organisations", "advisory", "solutions"]
)
def test_no_app_reads_the_address_itself(app):
    from pathlib import Path

    for source in (Path(__file__).resolve().parent.parent / app).rglob("*.py"):
        text = source.read_text()
        assert "REMOTE_ADDR" not in text and "FORWARDED" not in text.upper(), source
