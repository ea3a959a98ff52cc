from django.conf import settings
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


def _navigation(request):
    try:
        current = resolve(request.path_info)
        current_namespace = current.namespace
        current_name = current.view_name
    except Resolver404:
        current_namespace = current_name = ""
    items = []
    for url_name, label in MAIN_NAVIGATION:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
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


def _language_links(request):
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    links = []
    for code, label in (("da", "Dansk"), ("en", "English")):
        url = translate_url(request.get_full_path(), code)
        if url == request.get_full_path() and code != current:
            with translation.override(code):
                url = reverse("portal:home")
        links.append({"code": code, "label": label, "url": url, "current": code == current})
    return links


def portal(request):
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_nav": _navigation(request),
        "language_links": _language_links(request),
    }
