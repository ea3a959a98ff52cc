"""Remembers the language a logged-in user reads the portal in, so that e-mails to them
(portal.mail.send_templated_email_to_users) go out in that language."""

from portal.models import User, supported_language


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
