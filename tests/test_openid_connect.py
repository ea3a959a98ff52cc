"""Signing in through OpenID Connect (the City's Entra ID, MitID Erhverv) against a small
provider of our own on a local port: allauth fetches its configuration, exchanges the code
for a token and reads the user's details, over real HTTP."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from portal.models import User
from tests.factories import civil_servant, with_totp


class _Provider(BaseHTTPRequestHandler):
    userinfo: dict = {}
    base = ""

    def _json(self, data):
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = urlparse(self.path).path
        if path.endswith("/.well-known/openid-configuration"):
            self._json(
                {
                    "issuer": self.base,
                    "authorization_endpoint": f"{self.base}/authorize",
                    "token_endpoint": f"{self.base}/token",
                    "userinfo_endpoint": f"{self.base}/userinfo",
                    "jwks_uri": f"{self.base}/jwks",
                }
            )
        elif path.endswith("/userinfo"):
            assert self.headers["Authorization"] == "Bearer access-token"
            self._json(self.userinfo)
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        if urlparse(self.path).path.endswith("/token") and form.get("code") == ["the-code"]:
            self._json({"access_token": "access-token", "token_type": "Bearer", "expires_in": 60})
        else:
            self.send_error(400)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Provider)
    _Provider.base = f"http://127.0.0.1:{server.server_address[1]}/tenant"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "entra",
                    "name": "Københavns Kommune (Entra ID)",
                    "client_id": "portal",
                    "secret": "s3cret",
                    "settings": {"server_url": _Provider.base, "oauth_pkce_enabled": True},
                }
            ]
        }
    }
    yield _Provider
    server.shutdown()


def _sign_in(client, provider, **userinfo):
    provider.userinfo = {"sub": "entra-42", "email_verified": True, **userinfo}
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": "entra"}))
    assert start.status_code == 302
    authorize = urlparse(start["Location"])
    assert authorize.path == "/tenant/authorize"
    query = parse_qs(authorize.query)
    assert query["code_challenge_method"] == ["S256"]
    callback = urlparse(query["redirect_uri"][0]).path
    return client.get(callback, {"code": "the-code", "state": query["state"][0]})


def test_a_new_person_signs_up_with_the_provider_and_comes_back(client, db, provider):
    response = _sign_in(
        client, provider, email="Jens.Jensen@kk.example", given_name="Jens", family_name="Jensen"
    )
    assert response.status_code == 302
    user = User.objects.get(email="jens.jensen@kk.example")
    assert (user.first_name, user.last_name) == ("Jens", "Jensen")
    assert EmailAddress.objects.filter(user=user, verified=True).exists()
    assert client.get(reverse("portal:profile")).status_code == 200

    client.logout()
    again = _sign_in(client, provider, email="jens.jensen@kk.example")
    assert again.status_code == 302
    assert User.objects.filter(email__iexact="jens.jensen@kk.example").count() == 1
    assert client.get(reverse("portal:profile")).status_code == 200


def test_signing_in_with_the_provider_still_asks_staff_for_their_second_factor(
    client, db, provider
):
    """Whoever has set up two-factor authentication gives the code after the provider too."""
    servant = with_totp(civil_servant("BIF", email="mads@kk.example"))
    from allauth.socialaccount.models import SocialAccount

    SocialAccount.objects.create(user=servant, provider="entra", uid="entra-42")
    response = _sign_in(client, provider, email=servant.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("portal:staff_overview")).status_code == 302  # not logged in
