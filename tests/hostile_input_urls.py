"""A URLconf for the hostile-input sweep's self-test: one view that breaks on long input,
the way a view that stores a value in a too-small column would."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def fragile(request, name):
    if len(request.GET.get("q", "")) > 1000:
        raise ValueError("value too long for the column")
    return HttpResponse("<html><body><form method='post'><input name='x'></form></body></html>")


urlpatterns = [path("fragile/<str:name>/", fragile), *portal_urlpatterns]
