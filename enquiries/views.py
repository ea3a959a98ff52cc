from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from enquiries import services
from enquiries.forms import EnquiryForm, ReplyForm
from enquiries.models import Enquiry, EnquiryEvent
from enquiries.public import ACCEPTS_REPLIES, PUBLIC_STATUS
from portal import client_ip, idempotency
from portal.ratelimit import allow


def _initial_for(user):
    if not user.is_authenticated:
        return {}
    membership = user.organisation_memberships.select_related("organisation").first()
    initial = {"name": user.get_full_name(), "email": user.email}
    if membership:
        initial |= {
            "organisation_name": membership.organisation.name,
            "cvr": membership.organisation.cvr,
        }
    return initial


def _too_many():
    return _("Many enquiries have been sent from here in a short time. Try again in an hour.")


def enquiry_create(request):
    if request.method == "POST" and not allow("enquiry_ip", f"ip:{client_ip(request)}"):
        # Counted before the form checks anything: over the limit, the files are not
        # even looked at (the text is kept).
        form = EnquiryForm(request.POST, initial=_initial_for(request.user))
        form.add_error(None, _too_many())
        return render(request, "enquiries/form.html", {"form": form})
    form = EnquiryForm(
        request.POST or None, request.FILES or None, initial=_initial_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            # Said as if it went well, so the robot learns nothing; nothing is stored.
            return render(request, "enquiries/sent.html")
        email = form.cleaned_data["email"].lower()
        if not allow("enquiry_email", f"email:{email}"):
            form.add_error(None, _too_many())
        else:
            with idempotency.once("enquiry", form.cleaned_data["submission"]) as submission:
                if submission.previous:  # the same form posted again: the same enquiry
                    return redirect("enquiries:status", token=submission.previous)
                enquiry, token = services.enquiry_submit(
                    data=form.enquiry_data(),
                    attachments=form.cleaned_data["attachments"],
                    user=request.user,
                    status_url_builder=lambda t: request.build_absolute_uri(
                        reverse("enquiries:status", args=[t])
                    ),
                )
                submission.remember(token)
            messages.success(
                request,
                _(
                    "Thank you. Your enquiry has reference number %(reference)s. We have sent a "
                    "receipt with the link to this page to %(email)s."
                )
                % {"reference": enquiry.reference, "email": enquiry.email},
            )
            return redirect("enquiries:status", token=token)
    return render(request, "enquiries/form.html", {"form": form})


def _enquiry_by_token(token) -> Enquiry:
    # One row at most (the hashes are unique): no ordering; the generated search columns are
    # never shown.
    enquiry = (
        Enquiry.objects.by_status_token(token)
        .select_related("topic", "lead_administration")
        .defer("search_text", "name_text")
        .order_by()
        .first()
    )
    if enquiry is None or enquiry.anonymised_at:
        raise Http404
    return enquiry


def enquiry_status(request, token):
    """The enquirer's private page: whoever has the unguessable link may see it."""
    deletion_url = reverse("enquiries:request_deletion", args=[token])
    return render_enquiry_page(request, _enquiry_by_token(token), deletion_url, by_link=True)


def render_enquiry_page(request, enquiry, deletion_url, *, by_link: bool):
    """`by_link`: opened through the private status link (else as the logged-in owner)."""
    """The enquirer's view of an enquiry, with the reply form while it takes replies."""
    accepts_replies = enquiry.status in ACCEPTS_REPLIES
    form = ReplyForm(request.POST or None, request.FILES or None) if accepts_replies else None
    if (
        request.method == "POST"
        and form is not None
        and form.is_valid()
        and not allow("enquiry_reply", f"enquiry:{enquiry.pk}")
    ):
        form.add_error(
            None,
            _(
                "Many messages have been added to this enquiry in a short time. Try again in an "
                "hour; what you wrote is kept below."
            ),
        )
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.enquiry_reply_from_enquirer(
                enquiry=enquiry,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data["attachments"],
                url_builder=request.build_absolute_uri,
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your message has been added to the enquiry."))
        return redirect(request.path)
    context = {
        "enquiry": enquiry,
        "public_status": PUBLIC_STATUS[enquiry.status],
        "by_link": by_link,
        # The enquirer sees the messages of the timeline, not who wrote them at the City.
        "timeline": enquiry.events.filter(is_public=True, kind=EnquiryEvent.Kind.MESSAGE).only(
            "kind", "from_enquirer", "created_at", "body"
        ),
        "attachments": enquiry.attachments.only("original_name", "size"),
        "form": form,
        "deletion_url": deletion_url,
    }
    response = render(request, "enquiries/status.html", context)
    # The link is the key: never send it to another site (same-origin keeps CSRF origin checks).
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "no-store"
    return response
