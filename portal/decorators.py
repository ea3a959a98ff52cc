from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from portal import rules


def staff_member_required(view):
    """Staff pages: a staff role, and two-factor authentication set up first."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not rules.holds_staff_role(user):
            raise PermissionDenied
        if not rules.has_two_factor(user):
            messages.warning(
                request,
                _(
                    "Staff pages require two-factor authentication. Set up an authenticator "
                    "app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return view(request, *args, **kwargs)

    return wrapper
