from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site

from portal import mail, ratelimit
from portal.clientip import client_ip


def _login_of(credentials) -> str:
    return str(credentials.get("email", credentials.get("username", ""))).lower()


class AccountAdapter(DefaultAccountAdapter):
    """allauth's hooks: the outbox for its e-mails, our client address, and login limits
    that stop brute force without letting a stranger lock an owner out (OWASP ASVS 6.3.1).

    Failed logins are limited three ways: per address (`login_failed` … `/ip` in
    ACCOUNT_RATE_LIMITS), per address and account (allauth's `key`, which here holds both),
    and per account from every address together with a much higher ceiling
    (PORTAL_RATE_LIMITS["login_failed_account"]), so guessing one account's password
    from many addresses is still slowed while its owner can sign in from their own."""

    def send_mail(self, template_prefix, email, context):
        """allauth's messages go through the outbox like every other e-mail."""
        request = self.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        mail.queue_message(self.render_mail(template_prefix, email, full_context))

    def get_client_ip(self, request) -> str:
        return client_ip(request) or "unknown"

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """allauth's `key` for failed logins: the address and the account together."""
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{self.get_client_ip(request)}|{account}"

    def pre_authenticate(self, request, **credentials) -> None:
        if ratelimit.exceeded("login_failed_account", _login_of(credentials)):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials) -> None:
        ratelimit.allow("login_failed_account", _login_of(credentials))
        super().authentication_failed(request, **credentials)
