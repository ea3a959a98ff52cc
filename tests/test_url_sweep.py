"""Every named URL as an anonymous visitor, in both languages: no 500, no private data,
valid HTML with `lang` set, and the security headers on every page."""

import html5lib
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from organisations.models import OrganisationInvitation
from tests.factories import OrganisationFactory, UserFactory, member_of

PRIVATE_EMAIL = "private.person@example.org"
SKIP_NAMESPACES = {"admin"}  # the admin has its own tests; it redirects anonymous users


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace in SKIP_NAMESPACES:
                continue
            yield from _named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


@pytest.fixture
def world(db):
    organisation = OrganisationFactory(name="Åben Café ApS")
    member = member_of(organisation, UserFactory(email=PRIVATE_EMAIL, first_name="Hemmelig"))
    invitation = OrganisationInvitation.objects.create(
        organisation=organisation, email="invited.secret@example.org", invited_by=member
    )
    return {
        "slug": organisation.slug,
        "token": invitation.token,
        "membership_id": organisation.memberships.get().pk,
        "invitation_id": invitation.pk,
    }


def _kwargs_for(pattern, world):
    converters = pattern.pattern.converters
    values = {}
    for name in converters:
        if name in world:
            values[name] = world[name]
        elif name == "key":
            values[name] = "invalid-key"
        elif name == "uidb36":
            values[name] = "zz"
        else:
            values[name] = "1"
    return values


def _validate_html(content: bytes, language: str):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(content)
    assert document.get("lang") == language


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_named_url_as_anonymous_visitor(client, world, language):
    checked = 0
    for name, pattern in _named_patterns():
        kwargs = _kwargs_for(pattern, world)
        with translation.override(language):
            try:
                url = reverse(name, kwargs=kwargs)
            except Exception:
                continue
        response = client.get(url)
        assert response.status_code < 500, f"{name} {url} gave {response.status_code}"
        assert response.status_code in {200, 301, 302, 401, 403, 404, 405}, f"{name} {url}"
        checked += 1
        if response.status_code in {200, 401, 403, 404} and response["Content-Type"].startswith(
            "text/html"
        ):
            content = response.content
            assert PRIVATE_EMAIL.encode() not in content, f"{name} shows a member's e-mail"
            assert b"invited.secret@example.org" not in content, f"{name} shows an invitation"
            try:
                _validate_html(content, language)
            except Exception as error:
                raise AssertionError(f"{name} {url}: invalid HTML: {error}") from error
            assert "Content-Security-Policy" in response.headers
            assert (
                "nonce-" in response.headers["Content-Security-Policy"] or b"<script" not in content
            )
            assert response.headers["X-Frame-Options"] == "DENY"
            assert response.headers["Referrer-Policy"] == "same-origin"
    assert checked > 20


def test_unknown_page_gets_the_styled_404_in_danish(client, db):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()
    _validate_html(response.content, "da")


def test_unknown_english_page_gets_the_english_404(client, db):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    _validate_html(response.content, "en")


def test_a_bad_host_header_gets_the_styled_400_page(client, db):
    response = client.get("/", HTTP_HOST="evil.example.org")
    assert response.status_code == 400
    assert "Ugyldig forespørgsel" in response.content.decode()
