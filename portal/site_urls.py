from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path(_("accessibility-statement/"), views.accessibility, name="accessibility"),
    path(_("privacy/"), views.privacy, name="privacy"),
    path(_("about/"), views.contact, name="contact"),
    path(_("profile/"), views.profile, name="profile"),
    path(_("profile/delete/"), views.account_delete, name="account_delete"),
    path(_("profile/export/"), views.account_export, name="account_export"),
    path(_("staff/"), views.staff_overview, name="staff_overview"),
]
