from django.urls import path
from django.utils.translation import gettext_lazy as _

from enquiries import views

app_name = "enquiries"

urlpatterns = [
    path("", views.enquiry_create, name="create"),
    path(_("status/<str:token>/"), views.enquiry_status, name="status"),
]
