from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portal.caching import reference_changed
        from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal

        # Overview rows and filter choices show the reference data (portal.caching).
        for model in (Administration, LocalCommitteeArea, SustainableDevelopmentGoal):
            post_save.connect(reference_changed, sender=model, dispatch_uid=f"ref-{model}")
            post_delete.connect(reference_changed, sender=model, dispatch_uid=f"ref-del-{model}")


class AdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.admin_site.PortalAdminSite"
