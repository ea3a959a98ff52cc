from django.urls import path
from django.utils.translation import gettext_lazy as _

from following import views

app_name = "following"

urlpatterns = [
    path(_("my-overview/following/"), views.following_page, name="page"),
    path(_("my-overview/following/follow/<slug:slug>/"), views.follow_search, name="follow"),
    path(_("my-overview/following/<int:pk>/stop/"), views.stop, name="stop"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
