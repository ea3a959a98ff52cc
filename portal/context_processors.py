from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal import rules

# The main navigation, in order. An entry appears once its page exists (its URL name
# resolves), so later issues only add their URL; no link ever leads to a missing page.
MAIN_NAVIGATION = [
    ("challenges:list", _("Challenges")),
    ("solutions:list", _("Solutions")),
    ("organisations:list", _("Organisations")),
    ("areas:list", _("Local areas")),
    ("enquiries:create", _("Contact")),
    ("advisory:council", _("The council")),
]


@lru_cache(maxsize=8)
def _navigation_urls(language: str | None) -> tuple[tuple[str, str, object], ...]:
    """(url name, URL, label) of each main navigation entry whose page exists, per
    language: the URLconf does not change while the process runs."""
    entries = []
    for url_name, label in MAIN_NAVIGATION:
        try:
            entries.append((url_name, reverse(url_name), label))
        except NoReverseMatch:
            continue
    return tuple(entries)


@lru_cache(maxsize=4096)
def _view_of(path: str, language: str | None) -> tuple[str, str]:
    """(namespace, view name) of a path, or two empty strings; kept per process like the
    translated links (the URLconf does not change while it runs)."""
    try:
        current = resolve(path)
    except Resolver404:
        return "", ""
    return current.namespace, current.view_name


def _navigation(request):
    current_namespace, current_name = _view_of(request.path_info, translation.get_language())
    items = []
    for url_name, url, label in _navigation_urls(translation.get_language()):
        namespace = url_name.split(":")[0]
        active = current_name == url_name or (
            namespace != "portal" and current_namespace == namespace
        )
        items.append({"label": label, "url": url, "active": active})
    # Requests refused before the authentication middleware (a bad Host header) have no user.
    user = getattr(request, "user", None)
    if user is not None and rules.holds_staff_role(user):
        items.append(
            {
                "label": _("Staff"),
                "url": reverse("portal:staff_overview"),
                "active": current_name == "portal:staff_overview",
            }
        )
    return items


@lru_cache(maxsize=4096)
def _translated_url(path: str, language: str, current: str | None, active: str | None) -> str:
    """The same page in another language (its home page where the page has no twin).
    Depends only on the path and the languages (the active one resolves the path), so
    it is kept per process; the table is bounded, and a path that was not kept is
    simply translated again."""
    url = translate_url(path, language)
    if url == path and language != current:
        with translation.override(language):
            url = reverse("portal:home")
    return url


def _language_links(request):
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    path = request.get_full_path()
    active = translation.get_language()
    return [
        {
            "code": code,
            "label": label,
            "url": _translated_url(path, code, current, active),
            "current": code == current,
        }
        for code, label in (("da", "Dansk"), ("en", "English"))
    ]


def portal(request):
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_nav": _navigation(request),
        "language_links": _language_links(request),
    }


@receiver(setting_changed)
def _forget_urls(*, setting, **kwargs):
    """Tests that swap the URLconf or the languages get fresh navigation links."""
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:
        _navigation_urls.cache_clear()
        _translated_url.cache_clear()
        _view_of.cache_clear()
