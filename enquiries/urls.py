from django.urls import path
from django.utils.translation import gettext_lazy as _

from enquiries import figures, mine_views, staff_views, views

app_name = "enquiries"

urlpatterns = [
    path("", views.enquiry_create, name="create"),
    path(_("status/<str:token>/"), views.enquiry_status, name="status"),
    path(_("status/<str:token>/delete/"), mine_views.request_deletion, name="request_deletion"),
    path(_("mine/"), mine_views.my_enquiries, name="mine"),
    path(_("mine/<str:reference>/"), mine_views.my_enquiry, name="my_enquiry"),
    path(
        _("mine/<str:reference>/delete/"),
        mine_views.request_deletion_of_mine,
        name="request_deletion_of_mine",
    ),
    path(_("figures/"), figures.figures_page, name="figures"),
    # The staff side.
    path(_("queue/"), staff_views.queue, name="staff_queue"),
    path(_("inbox/"), staff_views.inbox, name="inbox"),
    path(_("queue/<int:pk>/"), staff_views.detail, name="staff_detail"),
    path(
        _("queue/<int:pk>/attachments/<int:attachment_pk>/"),
        staff_views.attachment,
        name="staff_attachment",
    ),
    path(_("queue/<int:pk>/<slug:action>/"), staff_views.action, name="staff_action"),
]
