from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisoryConfig(AppConfig):
    name = "advisory"
    verbose_name = _("Council and pool")

    def ready(self):
        from advisory import signals

        signals.connect()
