import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("language", ["da", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    assert po.exists()
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", str(po)],
            capture_output=True,
            text=True,
            check=True,
        )
        entries = [line for line in result.stdout.splitlines() if line.startswith("msgid ")]
        # The header entry (msgid "") is the only one allowed.
        assert entries in ([], ['msgid ""']), f"{language} {flag}: {result.stdout[:2000]}"


def test_root_is_danish_and_en_is_english(client, db):
    danish = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/en/")
    assert danish.status_code == english.status_code == 200
    assert '<html lang="da"' in danish.content.decode()
    assert '<html lang="en"' in english.content.decode()


def test_language_switch_keeps_the_user_on_the_same_page(client, db):
    content = client.get(reverse("portal:privacy")).content.decode()
    assert 'href="/en/privacy/"' in content
    english = client.get("/en/privacy/").content.decode()
    assert f'href="{reverse("portal:privacy")}"' in english


def test_urls_are_translated(client, db):
    assert reverse("portal:privacy") == "/privatlivspolitik/"
    assert client.get("/en/privacy/").status_code == 200


def test_main_navigation_links_only_to_pages_that_exist(client, db):
    content = client.get("/").content.decode()
    assert reverse("portal:contact") in content


def test_english_catalogue_translates_every_string_to_itself():
    import polib

    catalogue = polib.pofile(str(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    wrong = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and not entry.msgid_plural and entry.msgstr != entry.msgid
    ]
    assert wrong == []


def test_a_logged_in_user_s_language_is_remembered_for_e_mails(client, entrepreneur):
    from portal.models import User

    assert entrepreneur.language == "da"
    client.force_login(entrepreneur)
    client.get("/en/")
    assert User.objects.get(pk=entrepreneur.pk).language == "en"
    client.get("/")
    assert User.objects.get(pk=entrepreneur.pk).language == "da"


def test_reading_a_page_costs_no_write_when_the_language_is_unchanged(client, entrepreneur):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(entrepreneur)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
