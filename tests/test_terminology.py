"""Issue 9.16 (portal and allauth parts): both catalogues, and allauth's own strings on the
account and two-factor pages, follow docs/terminology.md; error summaries do not run on."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, UserFactory, with_totp

ROOT = Path(__file__).resolve().parent.parent
ALLAUTH = next((ROOT / ".venv" / "lib").glob("python3*/site-packages/allauth"))
USED = re.compile(r"templates/(account|mfa)/|account/(forms|views|adapter|utils)\.py|mfa/")
NOT_DANISH = re.compile(
    r"(?<![(\w])password|to-faktor|tofaktor|succesfuldt|med success|(?<![-\w])[Ee]mail(?!\w*\)s)|"
    r"godkendelsesapp|Log på",
)
NOT_ENGLISH = re.compile(
    r"\bSign [Ii]n\b|\bSign [Oo]ut\b|\bsigned in\b|(?<![-\w(%{])[Ee]mail\b(?!\)s)"
)


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in {"script", "style", "svg"}

    def handle_endtag(self, tag):
        self._skip -= tag in {"script", "style", "svg"}

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _text(response) -> str:
    parser = VisibleText()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.parts).split())


def _allauth_entries():
    catalogue = polib.pofile(str(ALLAUTH / "locale" / "da" / "LC_MESSAGES" / "django.po"))
    for entry in catalogue:
        files = [name for name, _ in entry.occurrences]
        used = any(USED.search(f) for f in files) and "headless" not in " ".join(files)
        if used and not entry.obsolete and not entry.msgid_plural:
            yield entry


def test_allauths_strings_follow_the_danish_terms():
    wrong = []
    with translation.override("da"):
        for entry in _allauth_entries():
            if entry.msgctxt:
                text = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                text = translation.gettext(entry.msgid)
            if NOT_DANISH.search(text):
                wrong.append(f"{entry.msgid!r} → {text!r}")
    assert not wrong, "\n".join(wrong)


def test_allauths_strings_follow_the_english_terms():
    wrong = []
    with translation.override("en"):
        for entry in _allauth_entries():
            text = translation.gettext(entry.msgid) if not entry.msgctxt else entry.msgid
            if NOT_ENGLISH.search(text):
                wrong.append(f"{entry.msgid!r} → {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", ["da", "en"])
def test_our_catalogues_follow_the_terms(language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    pattern = NOT_DANISH if language == "da" else NOT_ENGLISH
    wrong = [e.msgid for e in catalogue if not e.obsolete and pattern.search(e.msgstr or "")]
    assert not wrong


def test_the_danish_login_page_and_message_use_the_terms(client, db):
    page = _text(client.get(reverse("account_login")))
    assert "Log ind" in page and "Adgangskode" in page
    assert not NOT_DANISH.search(page), NOT_DANISH.search(page)
    user = UserFactory(email="ord@example.org")
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )
    assert "Du er logget ind som" in _text(response)


def test_the_english_login_page_says_log_in(client, db):
    with translation.override("en"):
        url = reverse("account_login")
    page = _text(client.get(url))
    assert "Log in" in page
    assert not NOT_ENGLISH.search(page), NOT_ENGLISH.search(page)


def test_the_two_factor_pages_say_totrinsbekraeftelse(client, db):
    user = with_totp(UserFactory(email="to@example.org"))
    client.force_login(user)
    page = _text(client.get(reverse("mfa_index")))
    assert "Totrinsbekræftelse" in page
    assert not NOT_DANISH.search(page), NOT_DANISH.search(page)


def test_an_error_summary_does_not_run_on_after_a_sentence_label(client, db):
    response = client.post(reverse("enquiries:create"), {"name": "Anna"})
    summary = (
        response.content.decode().split('class="alert-text nobullet-list"')[1].split("</ul>")[0]
    )
    assert ".:" not in summary
    assert "E-mail" in summary or "e-mail" in summary
