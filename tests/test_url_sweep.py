"""Every named URL as an anonymous visitor, in both languages: no 500, no private data,
valid HTML with `lang` set, and the security headers on every page."""

from urllib.parse import parse_qs, urlsplit

import html5lib
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from organisations.models import OrganisationInvitation
from tests.factories import OrganisationFactory, UserFactory, member_of

PRIVATE_EMAIL = "private.person@example.org"
SKIP_NAMESPACES = {"admin"}  # the admin has its own tests; it redirects anonymous users

# The one right answer to a visitor for each URL (with the parameters of _kwargs_for).
# Every URL not named here must send the visitor to the login page and back (302).
PUBLIC = {
    "healthz",
    "readyz",
    "portal:home",
    "portal:accessibility",
    "portal:privacy",
    "portal:contact",
    "account_login",
    "account_inactive",
    "account_signup",
    "account_email_verification_sent",
    "account_confirm_email",  # says the link is invalid
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",  # says the link is invalid
    "account_reset_password_from_key_done",
    "socialaccount_login_cancelled",
    "organisations:list",
    "organisations:detail",
    "challenges:list",
    "challenges:feed",
    "enquiries:create",
    "organisations:contact",
    "solutions:list",
    "solutions:feed",
    "advisory:council",
    "advisory:decisions",
    "advisory:calendar",
    "areas:list",
    "sitesearch:search",
    "pool:register",
    "pool:grants_csv",
}
STATUS = {
    "socialaccount_login_error": 401,
    "challenges:detail": 404,  # there is no challenge 1
    "enquiries:status": 404,  # an invitation's token is no enquiry's
    "openid_connect_login": 404,  # no such provider
    "openid_connect_callback": 404,
    "enquiries:request_deletion": 405,  # POST only
    "solutions:detail": 404,  # there is no solution 1
    "solutions:image": 404,
    "advisory:meeting": 404,  # there is no meeting 1
    "advisory:paper": 404,
    "advisory:recommendation": 404,
    "areas:detail": 404,  # the organisation's slug is no area's
    "areas:feed": 404,
    "matching:invite": 405,  # POST only
    "matching:dismiss": 405,
    "following:stop": 405,  # POST only
    "following:unsubscribe": 404,  # "1" is no signed link
    "pool:grant": 404,  # there is no grant 1
    "pool:pool": 404,
    "pool:contributions_csv": 404,
    "pool:report_attachment": 404,  # a report's file may be public once published: no login
}
# Redirects elsewhere than "log in, then come back".
REDIRECTS = {
    "account_logout": "portal:home",
    "account_confirm_login_code": "account_login",
    "mfa_authenticate": "account_login",
    "socialaccount_signup": "account_login",
}


def _named_patterns(resolver=None, namespace="", groups=()):
    """(name, the names of the URL's parameters) of every named URL, with the parameters of
    the resolvers it is included under (path() converters and re_path() groups alike)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        inner_groups = (*groups, *pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace in SKIP_NAMESPACES:
                continue
            yield from _named_patterns(pattern, inner, inner_groups)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", inner_groups


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


def _kwargs_for(groups, world):
    values = {}
    for name in groups:
        if name in world:
            values[name] = world[name]
        elif name == "key":
            values[name] = "invalid-key"
        elif name == "uidb36":
            values[name] = "zz"
        elif name == "provider_id":
            values[name] = "unknown-provider"
        else:
            values[name] = "1"
    return values


def _assert_the_right_answer(name, url, response):
    expected = 200 if name in PUBLIC else STATUS.get(name, 302)
    assert response.status_code == expected, f"{name} {url}: {response.status_code}"
    if expected != 302:
        return
    location = urlsplit(response["Location"])
    if name in REDIRECTS:
        assert location.path == reverse(REDIRECTS[name]), f"{name} {url} → {location}"
    else:
        assert location.path == reverse("account_login"), f"{name} {url} → {location}"
        assert parse_qs(location.query)["next"] == [url], f"{name} {url} → {location}"


def _validate_html(content: bytes, language: str):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(content)
    assert document.get("lang") == language


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_named_url_as_anonymous_visitor(client, world, language):
    checked = 0
    for name, groups in _named_patterns():
        with translation.override(language):
            url = reverse(name, kwargs=_kwargs_for(groups, world))
        response = client.get(url)
        assert response.status_code < 500, f"{name} {url} gave {response.status_code}"
        with translation.override(language):
            _assert_the_right_answer(name, url, response)
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
