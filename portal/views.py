from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal import hooks, rules, services
from portal.decorators import staff_member_required
from portal.forms import AccountDeletionForm, ProfileForm
from portal.models import Administration, AdministrationMembership


def home(request):
    sections = sorted(hooks.collect_list("home_sections", request), key=lambda part: part.order)
    context = {"administrations": Administration.objects.all(), "sections": sections}
    return render(request, "portal/home.html", context)


def _page(template_stem):
    """A long prose page kept as one template per language."""

    def view(request):
        language = "en" if (get_language() or "da").startswith("en") else "da"
        return render(request, f"portal/pages/{template_stem}_{language}.html")

    view.__name__ = template_stem
    return view


accessibility = _page("accessibility")
privacy = _page("privacy")
contact = _page("contact")


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"first_name": user.first_name, "last_name": user.last_name}
    )
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(actor=user, user=user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("portal:profile")
    context = {
        "form": form,
        "administration_memberships": user.administration_memberships.select_related(
            "administration"
        ),
        "profile_parts": sorted(
            hooks.collect_list("profile_parts", user), key=lambda part: part.order
        ),
        "roles": user.role_assignments.all(),
        "has_two_factor": rules.has_two_factor(user),
        "holds_staff_role": rules.holds_staff_role(user),
    }
    return render(request, "portal/profile.html", context)


@login_required
def account_delete(request):
    user = request.user
    form = AccountDeletionForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_delete_account(actor=user, user=user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data have been deleted."))
            return redirect("portal:home")
    return render(request, "portal/account_delete.html", {"form": form})


@login_required
@require_GET
def account_export(request):
    data = services.user_export_data(actor=request.user, user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    return response


@staff_member_required
def staff_overview(request):
    memberships = (
        AdministrationMembership.objects.for_user(request.user)
        .select_related("administration")
        .order_by("administration__name_da")
    )
    colleagues = (
        AdministrationMembership.objects.filter(
            administration__in=[m.administration_id for m in memberships]
        )
        .exclude(user=request.user)
        .select_related("user", "administration")
        .order_by("administration__name_da", "user__first_name", "user__email")
    )
    context = {
        "memberships": memberships,
        "colleagues": colleagues,
        "roles": request.user.role_assignments.all(),
        "can_open_admin": rules.can_open_admin(request.user),
        "staff_links": sorted(
            hooks.collect_list("staff_links", request.user), key=lambda link: link.order
        ),
    }
    return render(request, "portal/staff_overview.html", context)


def csrf_failure(request, reason=""):
    """A styled, translated page instead of Django's technical one (settings.CSRF_FAILURE_VIEW)."""
    return render(request, "403_csrf.html", status=403)
