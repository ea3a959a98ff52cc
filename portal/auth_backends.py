from django.contrib.auth.backends import BaseBackend

from portal import rules


class AdministratorPermissionBackend(BaseBackend):
    """Administrators (the role) hold every model permission in the Django admin."""

    def has_perm(self, user_obj, perm, obj=None):
        return rules.is_administrator(user_obj) and user_obj.is_active

    def has_module_perms(self, user_obj, app_label):
        return rules.is_administrator(user_obj) and user_obj.is_active
