from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import rules


class PortalAdminSite(admin.AdminSite):
    """The Django admin for administrators only, behind two-factor authentication."""

    site_header = gettext_lazy("Portal administration")
    site_title = gettext_lazy("Portal administration")
    index_title = gettext_lazy("Reference data, users and roles")

    def has_permission(self, request):
        return rules.can_open_admin(request.user)

    def login(self, request, extra_context=None):
        user = request.user
        if not user.is_authenticated:
            next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
            return redirect_to_login(next_url)
        if not rules.is_administrator(user):
            raise PermissionDenied
        messages.warning(
            request,
            _("The administration requires two-factor authentication. Set it up to continue."),
        )
        return redirect("mfa_activate_totp")
