"""Request middleware of the portal.

- `HostileInputMiddleware` refuses, in one place for every view, what no page can store or
  mean: a NUL byte in the path (404) or in a query-string value or name (400 with the
  styled page), and a query string that is not UTF-8 (400); a cookie with a NUL is
  dropped. PostgreSQL text cannot hold NUL, so without this every lookup of such a value
  was a 500. A NUL in a posted form is the form's to refuse: Django's CharField refuses it
  with a message at the field and keeps the rest of what the user typed (every POST is read
  through a form; the hostile-input sweep checks that none gives a 500). Invalid UTF-8 in a
  form body becomes U+FFFD (Django's decoding), which is harmless.
- `RememberLanguageMiddleware` remembers the language a logged-in user reads the portal
  in, so that e-mails to them (portal.mail.send_templated_email_to_users) go out in it.
"""

from importlib import import_module
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from portal.models import User, supported_language

NUL = "\x00"


def _has_nul(data) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def _query_string_is_utf8(query_string: str) -> bool:
    try:
        unquote_to_bytes(query_string.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _drop_hostile_cookies(request) -> None:
    """A cookie with a NUL was never set by us: forget it (a NUL session key would reach
    the session table). The session store is made again, before anything has read it."""
    hostile = [name for name, value in request.COOKIES.items() if NUL in name + value]
    if not hostile:
        return
    for name in hostile:
        del request.COOKIES[name]
    if settings.SESSION_COOKIE_NAME in hostile:
        request.session = import_module(settings.SESSION_ENGINE).SessionStore(None)


class HostileInputMiddleware:
    """After AuthenticationMiddleware (the 400 page shows the user menu), before CSRF
    reads the form: a value the database cannot hold never reaches a view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _drop_hostile_cookies(request)
        if NUL in request.path_info or NUL in request.path:
            raise Http404
        if self._refused(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)

    @staticmethod
    def _refused(request) -> bool:
        if not _query_string_is_utf8(request.META.get("QUERY_STRING", "")):
            return True
        return _has_nul(request.GET)


class RememberLanguageMiddleware:
    """After LocaleMiddleware and AuthenticationMiddleware. Writes only when the language
    changes, which is once per switch: an ordinary request costs one comparison."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        language = supported_language(getattr(request, "LANGUAGE_CODE", None))
        if user.is_authenticated and language and language != user.language:
            User.objects.filter(pk=user.pk).update(language=language)
            user.language = language
        return self.get_response(request)
