"""Issue 9.17 (portal parts): a favicon on every page (SVG, PNG and /favicon.ico, never a
404), the portal's mark in the header, and administrations on the front page that are
real links to the challenge overview filtered on them."""

import re

import pytest
from django.contrib.staticfiles import finders

from challenges.models import Challenge
from portal.models import Administration
from tests.challenge_helpers import make_challenge

pytestmark = pytest.mark.django_db


def _icon_links(content: str) -> list[str]:
    return re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', content)


@pytest.mark.parametrize("url", ["/", "/udfordringer/", "/kontakt/", "/konto/login/", "/en/"])
def test_every_page_names_icons_that_exist(client, url):
    content = client.get(url).content.decode()
    icons = _icon_links(content)
    assert any(icon.endswith(".svg") for icon in icons)
    assert any(icon.endswith(".png") for icon in icons)
    for icon in icons:
        assert finders.find(icon.removeprefix("/static/")), icon


def test_favicon_ico_at_the_root_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")


def test_the_header_shows_the_portal_mark(client):
    content = client.get("/").content.decode()
    header = content.split('<header class="header">')[1].split("</header>")[0]
    assert 'class="portal-mark"' in header and "portal-mark.svg" in header


def test_administrations_on_the_front_page_link_to_their_challenges(client, civil_servant_bif):
    bif = Administration.objects.get(code="BIF")
    make_challenge(civil_servant_bif, title="Kantinen på rådhuset")
    content = client.get("/").content.decode()
    links = re.findall(r'href="(/udfordringer/\?administration=[^"]+)"', content)
    assert len(links) == Administration.objects.count()
    listing = client.get(f"/udfordringer/?administration={bif.slug}").content.decode()
    assert "Kantinen på rådhuset" in listing
    other = Administration.objects.exclude(pk=bif.pk).first()
    assert (
        "Kantinen" not in client.get(f"/udfordringer/?administration={other.slug}").content.decode()
    )
    assert Challenge.objects.count() == 1
