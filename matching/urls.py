from django.urls import path
from django.utils.translation import gettext_lazy as _

from matching import views

app_name = "matching"

urlpatterns = [
    path(_("my-overview/"), views.overview, name="overview"),
    path(_("suggestions/<int:pk>/invite/"), views.invite, name="invite"),
    path(_("suggestions/<int:pk>/dismiss/"), views.dismiss, name="dismiss"),
]
