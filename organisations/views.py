from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models.functions import Left
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from challenges.models import PUBLIC_STATUSES, Response, ResponseStatus
from organisations import rules, services
from organisations.forms import ContactForm, InvitationForm, OrganisationForm
from organisations.models import (
    Organisation,
    OrganisationInvitation,
    OrganisationMembership,
)
from organisations.overview import OrganisationOverview
from portal import client_ip
from portal.caching import cached_fragment_for, digest, short_lived
from portal.overview import overview_page
from portal.ratelimit import allow
from solutions.models import Solution

PROFILE_SOLUTIONS = 50
SUMMARY_LENGTH = 240


def overview_queryset():
    """The overview's rows: the start of the purpose, not the whole text."""
    return (
        Organisation.objects.defer("purpose", "search_vector")
        .annotate(summary_text=Left("purpose", SUMMARY_LENGTH))
        .prefetch_related("districts")
    )


def organisation_list(request):
    """The overview (portal.overview.overview_page: rendered once per query string and kept
    for a few seconds)."""
    return overview_page(
        request, OrganisationOverview, overview_queryset, "organisations/list.html"
    )


def _helped_solve(organisation):
    """Public challenges where the organisation's response was accepted."""
    return (
        Response.objects.filter(
            organisation=organisation,
            status=ResponseStatus.ACCEPTED,
            challenge__status__in=PUBLIC_STATUSES,
        )
        .select_related("challenge__owner")
        .only("challenge__title", "challenge__status", "challenge__owner__name_da")
        .order_by("-updated_at", "-pk")
    )


# A profile shows the organisation's solutions and the challenges it helped solve.
# "advisory": the achieved figures documented through the pools (pool_report_tags).
PROFILE_NAMESPACES = [services.CONTENT_NAMESPACE, "solutions", "challenges", "advisory"]


def _profile_html(organisation_id: int) -> str:
    organisation = Organisation.objects.prefetch_related("districts", "sdgs").get(
        pk=organisation_id
    )
    solutions = (
        Solution.objects.published()
        .for_organisation(organisation)
        .only("title", "summary", "published_at")
        .order_by("-published_at", "-pk")[:PROFILE_SOLUTIONS]
    )
    context = {
        "organisation": organisation,
        "solutions": solutions,
        "helped_solve": _helped_solve(organisation),
        "public_contacts": rules.public_contacts(organisation),
        "can_be_contacted": rules.can_be_contacted(organisation),
    }
    return render_to_string("organisations/includes/profile.html", context)


def _organisation_by_slug(slug: str) -> Organisation:
    """The organisation's name and slug, kept a few seconds (a popular profile costs no
    query); 404 for an unknown slug."""
    # The slug comes from the address, any length: the key holds its digest.
    found = short_lived(
        f"organisation-slug:{digest([slug])}",
        lambda: Organisation.objects.filter(slug=slug).values("pk", "name", "slug").first(),
    )
    if found is None:
        raise Http404
    return Organisation(**found)


def organisation_detail(request, slug):
    """The public profile. What every visitor sees is rendered once and kept for a few
    seconds (portal.caching); the member's own part is added for each request."""
    organisation = _organisation_by_slug(slug)
    profile_html = cached_fragment_for(
        PROFILE_NAMESPACES,
        ["profile", str(organisation.pk)],
        lambda: _profile_html(organisation.pk),
    )
    own_membership = rules.membership_of(request.user, organisation)
    context = {
        "organisation": organisation,
        "profile_html": mark_safe(profile_html),  # noqa: S308  (our own rendered template)
        "breadcrumb_trail": [(_("Organisations"), reverse("organisations:list"))],
        "own_membership": own_membership,
        "can_edit": rules.can_edit(request.user, organisation),
        "can_manage_members": rules.can_manage_members(request.user, organisation),
    }
    return render(request, "organisations/detail.html", context)


def _contact_refused(request, organisation, email) -> bool:
    """Rate limits: per sender (address and network address) and per organisation."""
    sender_ok = allow("organisation_contact_sender", f"email:{email}", f"ip:{client_ip(request)}")
    organisation_ok = allow("organisation_contact_organisation", f"organisation:{organisation.pk}")
    return not (sender_ok and organisation_ok)


def organisation_contact(request, slug):
    """ "Kontakt organisationen": a message to the profile's administrators."""
    organisation = get_object_or_404(Organisation, slug=slug)
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            # Said as if it went well, so the robot learns nothing; nothing is sent.
            return _contact_sent(request, organisation)
        if _contact_refused(request, organisation, form.cleaned_data["email"].lower()):
            form.add_error(
                None, _("Many messages have been sent from here in a short time. Try again later.")
            )
            status = 429
        elif _deliver(request, organisation, form):
            return _contact_sent(request, organisation)
    context = {
        "organisation": organisation,
        "form": form,
        "breadcrumb_trail": [
            (_("Organisations"), reverse("organisations:list")),
            (organisation.name, organisation.get_absolute_url()),
        ],
    }
    return render(request, "organisations/contact.html", context, status=status)


def _deliver(request, organisation, form) -> bool:
    try:
        services.organisation_contact(
            organisation=organisation,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"].lower(),
            message=form.cleaned_data["message"],
            absolute=request.build_absolute_uri,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def _contact_sent(request, organisation):
    messages.success(
        request,
        _("Your message has been sent to %(organisation)s. They answer you by e-mail.")
        % {"organisation": organisation.name},
    )
    return redirect(organisation)


@login_required
@require_POST
def membership_public_contact(request, slug):
    """A member chooses to be shown (or no longer shown) as the profile's contact person."""
    membership = rules.get_own_membership(request.user, slug)
    shown = request.POST.get("shown") == "1"
    services.membership_set_public_contact(membership=membership, actor=request.user, shown=shown)
    if shown:
        messages.success(request, _("Your name is now shown as the contact person."))
    else:
        messages.success(request, _("Your name is no longer shown on the profile."))
    return redirect(membership.organisation)


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
