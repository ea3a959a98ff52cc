from django.urls import path
from django.utils.translation import gettext_lazy as _

from enquiries import figures, mine_views, views

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
]
