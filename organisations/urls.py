from django.urls import path
from django.utils.translation import gettext_lazy as _

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path(_("new/"), views.organisation_create, name="create"),
    path(_("invitation/<str:token>/"), views.invitation_accept, name="invitation"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path(_("<slug:slug>/edit/"), views.organisation_edit, name="edit"),
    path(_("<slug:slug>/contact/"), views.organisation_contact, name="contact"),
    path(
        _("<slug:slug>/contact-person/"),
        views.membership_public_contact,
        name="public_contact",
    ),
    path(_("<slug:slug>/members/"), views.organisation_members, name="members"),
    path(
        _("<slug:slug>/members/<int:membership_id>/remove/"),
        views.membership_remove,
        name="membership_remove",
    ),
    path(
        _("<slug:slug>/invitations/<int:invitation_id>/withdraw/"),
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]
