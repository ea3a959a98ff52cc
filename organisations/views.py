from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations import rules, services
from organisations.forms import InvitationForm, OrganisationForm
from organisations.models import (
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
)
from portal.ratelimit import allow

PAGE_SIZE = 20


def organisation_list(request):
    organisations = Organisation.objects.order_by("name", "pk")
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/list.html", {"page_obj": page})


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related("districts", "sdgs"), slug=slug
    )
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "can_edit": rules.can_edit(request.user, organisation),
            "can_manage_members": rules.can_manage_members(request.user, organisation),
        },
    )


@login_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_register(
            user=request.user, data=dict(form.cleaned_data)
        )
        messages.success(request, _("The organisation has been registered."))
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": None})


@login_required
def organisation_edit(request, slug):
    organisation = rules.get_organisation_for_edit(request.user, slug)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            actor=request.user, organisation=organisation, data=dict(form.cleaned_data)
        )
        messages.success(request, _("The organisation's profile has been saved."))
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})


@login_required
def organisation_members(request, slug):
    organisation = rules.get_organisation_for_member_management(request.user, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not allow("organisation_invite", f"user:{request.user.pk}"):
            form.add_error(
                None, _("You have sent many invitations in a short time. Try again later.")
            )
        else:
            try:
                services.invitation_send(
                    organisation=organisation,
                    email=form.cleaned_data["email"],
                    invited_by=request.user,
                    accept_url_builder=request.build_absolute_uri,
                )
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(
                    request,
                    _("The invitation has been sent to %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("organisations:members", slug=organisation.slug)
    memberships = organisation.memberships.select_related("user").order_by("user__email")
    invitations = organisation.invitations.open().select_related("invited_by")
    return render(
        request,
        "organisations/members.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "invitations": invitations,
            "form": form,
        },
    )


@login_required
@require_POST
def membership_remove(request, slug, membership_id):
    organisation = rules.get_organisation_for_member_management(request.user, slug)
    membership = get_object_or_404(
        OrganisationMembership, pk=membership_id, organisation=organisation
    )
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("%(member)s is no longer a member.") % {"member": membership.user}
        )
    return redirect("organisations:members", slug=organisation.slug)


@login_required
@require_POST
def invitation_revoke(request, slug, invitation_id):
    organisation = rules.get_organisation_for_member_management(request.user, slug)
    invitation = get_object_or_404(
        OrganisationInvitation, pk=invitation_id, organisation=organisation
    )
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation has been withdrawn."))
    return redirect("organisations:members", slug=organisation.slug)


@login_required
def invitation_accept(request, token):
    invitation = get_object_or_404(
        OrganisationInvitation.objects.select_related("organisation", "invited_by"), token=token
    )
    error = None
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as validation_error:
            error = validation_error.messages[0]
        else:
            messages.success(
                request,
                _("You are now a member of %(organisation)s.")
                % {"organisation": invitation.organisation},
            )
            return redirect(invitation.organisation)
    return render(
        request, "organisations/invitation.html", {"invitation": invitation, "error": error}
    )
