"""The root URLconf: Danish pages at /, English under /en/, translated paths."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _

from portal.health import healthz, readyz

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

urlpatterns += i18n_patterns(
    path("", include("portal.site_urls")),
    path(_("account/"), include("allauth.urls")),
    path(_("organisations/"), include("organisations.urls")),
    path(_("challenges/"), include("challenges.urls")),
    path(_("solutions/"), include("solutions.urls")),
    path(_("contact/"), include("enquiries.urls")),
    path(_("council/"), include("advisory.urls")),
    path(_("areas/"), include("areas.urls")),
    path(_("search/"), include("sitesearch.urls")),
    path("", include("matching.urls")),
    path("", include("following.urls")),
    path(_("pool/"), include("advisory.pool_urls", namespace="pool")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler500 = "portal.health.server_error"
