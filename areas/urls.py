from django.urls import path
from django.utils.translation import gettext_lazy as _

from areas import views
from areas.feeds import AreaFeed

app_name = "areas"

urlpatterns = [
    path("", views.area_list, name="list"),
    path("<slug:slug>/", views.area_detail, name="detail"),
    path(_("<slug:slug>/feed/"), AreaFeed(), name="feed"),
]
