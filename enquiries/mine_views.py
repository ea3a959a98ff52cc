"""The enquirer's own pages: "Mine henvendelser" for a logged-in user, and the request to
delete an enquiry's personal data from the private status page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enquiries import services
from enquiries.models import Enquiry
from enquiries.public import PUBLIC_STATUS
from enquiries.views import _enquiry_by_token, render_enquiry_page
from portal.ratelimit import allow

MINE_PAGE_SIZE = 25


@login_required
def my_enquiries(request):
    enquiries = request.user.enquiries.select_related("topic").order_by("-created_at", "-pk")
    page = Paginator(enquiries, MINE_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(enquiry, PUBLIC_STATUS[enquiry.status].name) for enquiry in page.object_list]
    return render(request, "enquiries/mine.html", {"rows": rows, "page_obj": page})


@login_required
def my_enquiry(request, reference):
    enquiry = get_object_or_404(
        Enquiry.objects.select_related("topic", "lead_administration"),
        reference=reference,
        user=request.user,
        anonymised_at__isnull=True,
    )
    deletion_url = reverse("enquiries:request_deletion_of_mine", args=[enquiry.reference])
    return render_enquiry_page(request, enquiry, deletion_url, by_link=False)


def _request_deletion(request, enquiry) -> None:
    """Record the request and tell the contact officers, at most a few times a day."""
    if not allow("enquiry_deletion", f"enquiry:{enquiry.pk}"):
        messages.info(
            request,
            _(
                "We have already received your request to delete your information. A contact "
                "officer will handle it and tell you the outcome here."
            ),
        )
        return
    services.enquiry_request_deletion(enquiry=enquiry)
    messages.success(
        request,
        _(
            "We have received your request to delete your information. A contact officer will "
            "handle it and tell you the outcome here."
        ),
    )


@require_POST
def request_deletion(request, token):
    enquiry = _enquiry_by_token(token)
    _request_deletion(request, enquiry)
    return redirect("enquiries:status", token=token)


@login_required
@require_POST
def request_deletion_of_mine(request, reference):
    enquiry = get_object_or_404(Enquiry, reference=reference, user=request.user)
    _request_deletion(request, enquiry)
    return redirect("enquiries:my_enquiry", reference=reference)
