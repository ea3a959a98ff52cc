from django.urls import path
from django.utils.translation import gettext_lazy as _

from solutions import views
from solutions.feeds import SolutionFeed

app_name = "solutions"

urlpatterns = [
    path("", views.solution_list, name="list"),
    path(_("feed/"), SolutionFeed(), name="feed"),
    path(_("new/"), views.solution_create, name="create"),
    path(_("mine/"), views.my_solutions, name="mine"),
    path("<int:pk>/", views.solution_detail, name="detail"),
    path(_("<int:pk>/edit/"), views.solution_edit, name="edit"),
    path(_("<int:pk>/status/"), views.solution_transition, name="transition"),
    path(_("<int:pk>/image/<str:size>/"), views.solution_image, name="image"),
]
