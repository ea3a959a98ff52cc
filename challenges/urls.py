from django.urls import path
from django.utils.translation import gettext_lazy as _

from challenges import response_views, views
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
    path(_("<int:pk>/respond/"), response_views.respond, name="respond"),
    path(_("my-responses/"), response_views.my_responses, name="my_responses"),
    path(_("responses/<int:pk>/"), response_views.response_detail, name="response"),
    path(
        _("responses/<int:pk>/status/"),
        response_views.response_transition,
        name="response_transition",
    ),
    path(_("responses/<int:pk>/edit/"), response_views.response_edit, name="response_edit"),
    path(
        _("responses/<int:pk>/withdraw/"),
        response_views.response_withdraw,
        name="response_withdraw",
    ),
    path(
        _("responses/<int:pk>/messages/"),
        response_views.response_message,
        name="response_message",
    ),
    path(
        _("responses/<int:pk>/attachment/"),
        response_views.response_attachment,
        name="response_attachment",
    ),
]
