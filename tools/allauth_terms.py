"""Write locale/allauth/{da,en}/LC_MESSAGES/django.po: allauth's strings on the pages our
users see (account and two-factor), worded as docs/terminology.md says.

The catalogue in locale/allauth is first in LOCALE_PATHS, so its entries win over
allauth's own; `make po` never touches it (no source file of ours holds these msgids).
Run it again after upgrading allauth: `.venv/bin/python tools/allauth_terms.py`, then
check the diff and `make mo`. Danish entries start from allauth's Danish with the terms
replaced and are then corrected by hand in DANISH below; English entries are allauth's
msgid with our terms and sentence case.
"""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ALLAUTH = next((ROOT / ".venv" / "lib").glob("python3*/site-packages/allauth"))
USED = re.compile(r"templates/(account|mfa)/|account/(forms|views|adapter|utils)\.py|mfa/")

# Danish: term replacements on allauth's translation (placeholders are left alone).
DANISH_TERMS = [
    (r"(?<![(\{%:\w-])emailadresse", "e-mailadresse"),
    (r"(?<![(\{%:\w-])Emailadresse", "E-mailadresse"),
    (r"(?<![(\{%:\w-])emailbekræf(t?)else", r"e-mailbekræftelse"),
    (r"(?<![(\{%:\w-])Emailbekræf(t?)else", r"E-mailbekræftelse"),
    (r"bekræftelsesemailen", "bekræftelsesmailen"),
    (r"Bekræftelses-email", "Bekræftelsesmail"),
    (r"(?<![(\{%:\w-])email(?![\)\}\w])", "e-mail"),
    (r"(?<![(\{%:\w-])Email(?![\)\}\w])", "E-mail"),
    (r"emailen", "e-mailadressen"),
    (r"to-faktor-autentificering", "totrinsbekræftelse"),
    (r"To-faktor-autentificering", "Totrinsbekræftelse"),
]
BAD_DANISH = re.compile(r"assword|to-faktor|succes|[Ee]mail(?!-)|utentificer venligst")

# Danish by hand: where a replacement is not enough (gender, word order, plain Danish).
DANISH = {
    "Your account has no password set up.": "Din konto har ingen adgangskode.",
    "Password Reset": "Nulstil adgangskode",
    "Password Reset Email": "E-mail om nulstilling af adgangskode",
    "Successfully signed in as %(name)s.": "Du er logget ind som %(name)s.",
    "Password successfully changed.": "Din adgangskode er ændret.",
    "Password successfully set.": "Din adgangskode er oprettet.",
    "Change Password": "Skift adgangskode",
    "Forgot Password?": "Glemt adgangskode?",
    "Forgotten your password? Enter your email address below, and we'll send you an "
    "email allowing you to reset it.": "Har du glemt din adgangskode? Skriv din "
    "e-mailadresse herunder, så sender vi dig en e-mail, hvor du kan nulstille den.",
    "Reset My Password": "Nulstil min adgangskode",
    "Please contact us if you have any trouble resetting your password.": "Kontakt os, "
    "hvis du har problemer med at nulstille din adgangskode.",
    "The password reset link was invalid, possibly because it has already been used.  "
    'Please request a <a href="%(passwd_reset_url)s">new password reset</a>.': "Linket "
    "til nulstilling af adgangskoden var ugyldigt, måske fordi det allerede er brugt. "
    'Bed om <a href="%(passwd_reset_url)s">et nyt link</a>.',
    "Your password is now changed.": "Din adgangskode er nu ændret.",
    "Set Password": "Opret adgangskode",
    "A new set of Two-Factor Authentication recovery codes has been generated.": "Der er "
    "lavet et nyt sæt gendannelseskoder til totrinsbekræftelse.",
    "Confirm Email Address": "Bekræft e-mailadresse",
    "Sign Up": "Opret en konto",
    "Signup": "Opret en konto",
    "Please reauthenticate to safeguard your account.": "Bekræft, at det er dig, for at "
    "beskytte din konto.",
}

# English: our terms and sentence case.
ENGLISH_TERMS = [
    (r"\bSign In\b|\bSign in\b", "Log in"),
    (r"\bsign in\b", "log in"),
    (r"\bSign-In\b|\bSign-in\b", "Login"),
    (r"\bsign-in\b", "login"),
    (r"\bSign Out\b|\bSign out\b", "Log out"),
    (r"\bsign out\b", "log out"),
    (r"\bsigned in\b", "logged in"),
    (r"\bsigned out\b", "logged out"),
    (r"^Sign [Uu]p$|^Signup$", "Create an account"),
    (r"(?<![(\{%:\w-])email(?![\)\}\w])", "e-mail"),
    (r"(?<![(\{%:\w-])Email(?![\)\}\w])", "E-mail"),
]
KEEP_CAPITALISED = {"QR", "ID", "TOTP"}
ENGLISH = {
    "Successfully signed in as %(name)s.": "You are logged in as %(name)s.",
    "Passkey Sign Up": "Create an account with a passkey",
    "Sign Up Closed": "Creating accounts is closed",
}


def _used(entry) -> bool:
    files = [name for name, _ in entry.occurrences]
    return any(USED.search(name) and "headless" not in name for name in files)


def _replace(text: str, terms) -> str:
    for pattern, replacement in terms:
        text = re.sub(pattern, replacement, text)
    return text


def _sentence_case(text: str) -> str:
    """'Two-Factor Authentication' → 'Two-factor authentication' (short titles only)."""
    words = text.split(" ")
    if len(words) > 6 or text.endswith((".", "?", ":")) or "%" in text:
        return text
    if not all(word[:1].isupper() for word in words if word[:1].isalpha()):
        return text

    def lower(word):
        if word in KEEP_CAPITALISED:
            return word
        return "-".join(part[:1].lower() + part[1:] for part in word.split("-"))

    first, *rest = words[0].split("-")
    head = "-".join([first, *[part[:1].lower() + part[1:] for part in rest]])
    return " ".join([head, *[lower(word) for word in words[1:]]])


def _entry(source, msgstr=None, plural=None):
    entry = polib.POEntry(msgid=source.msgid, msgctxt=source.msgctxt)
    if source.msgid_plural:
        entry.msgid_plural = source.msgid_plural
        entry.msgstr_plural = plural
    else:
        entry.msgstr = msgstr
    return entry


def _catalogue(language: str) -> polib.POFile:
    catalogue = polib.POFile(wrapwidth=79)
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": language,
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    catalogue.header = (
        f"allauth's strings worded as docs/terminology.md says ({language}); made by "
        "tools/allauth_terms.py, then checked by hand."
    )
    return catalogue


def danish(source: polib.POFile) -> polib.POFile:
    catalogue = _catalogue("da")
    for entry in source:
        if entry.obsolete or not _used(entry):
            continue
        text = entry.msgstr or " ".join(entry.msgstr_plural.values())
        if not (BAD_DANISH.search(text) or entry.msgid in DANISH):
            continue
        if entry.msgid_plural:
            plural = {k: _replace(v, DANISH_TERMS) for k, v in entry.msgstr_plural.items()}
            catalogue.append(_entry(entry, plural=plural))
        else:
            catalogue.append(_entry(entry, DANISH.get(entry.msgid) or _replace(text, DANISH_TERMS)))
    return catalogue


def english(source: polib.POFile) -> polib.POFile:
    catalogue = _catalogue("en")
    for entry in source:
        if entry.obsolete or not _used(entry):
            continue
        if entry.msgid_plural:
            singular = _replace(_sentence_case(entry.msgid), ENGLISH_TERMS)
            plural = _replace(entry.msgid_plural, ENGLISH_TERMS)
            if (singular, plural) != (entry.msgid, entry.msgid_plural):
                catalogue.append(_entry(entry, plural={0: singular, 1: plural}))
            continue
        text = ENGLISH.get(entry.msgid) or _replace(_sentence_case(entry.msgid), ENGLISH_TERMS)
        if text != entry.msgid:
            catalogue.append(_entry(entry, text))
    return catalogue


def main() -> int:
    danish_source = polib.pofile(str(ALLAUTH / "locale" / "da" / "LC_MESSAGES" / "django.po"))
    for language, catalogue in (("da", danish(danish_source)), ("en", english(danish_source))):
        target = ROOT / "locale" / "allauth" / language / "LC_MESSAGES" / "django.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(target))
        print(f"{target.relative_to(ROOT)}: {len(catalogue)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
