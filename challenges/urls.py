from django.urls import path
from django.utils.translation import gettext_lazy as _

from challenges import views
from challenges.feeds import ChallengeFeed

app_name = "challenges"

urlpatterns = [
    path("", views.challenge_list, name="list"),
    path(_("feed/"), ChallengeFeed(), name="feed"),
    path(_("new/"), views.challenge_create, name="create"),
    path(_("mine/"), views.my_challenges, name="mine"),
    path("<int:pk>/", views.challenge_detail, name="detail"),
    path(_("<int:pk>/edit/"), views.challenge_edit, name="edit"),
    path(_("<int:pk>/status/"), views.challenge_transition, name="transition"),
]
