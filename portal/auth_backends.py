from allauth.account.auth_backends import AuthenticationBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth.backends import BaseBackend
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef

from portal import rules
from portal.models import AdministrationMembership, RoleAssignment, User


class PortalAuthenticationBackend(AuthenticationBackend):
    """allauth's backend, loading the user of a session together with what portal.rules
    asks on every staff request (roles, administrations, whether two-factor authentication
    is set up): one query instead of four."""

    def get_user(self, user_id):
        user = (
            User._default_manager.filter(pk=user_id)
            .annotate(
                role_list=ArraySubquery(
                    RoleAssignment.objects.filter(user=OuterRef("pk")).values("role")
                ),
                administration_list=ArraySubquery(
                    AdministrationMembership.objects.filter(user=OuterRef("pk")).values(
                        "administration_id"
                    )
                ),
                # As allauth's DefaultMFAAdapter.is_mfa_enabled: any authenticator.
                two_factor=Exists(Authenticator.objects.filter(user_id=OuterRef("pk"))),
            )
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        rules.remember(
            user,
            roles=user.role_list,
            administration_ids=user.administration_list,
            has_two_factor=user.two_factor,
        )
        return user


class AdministratorPermissionBackend(BaseBackend):
    """Administrators (the role) hold every model permission in the Django admin."""

    def has_perm(self, user_obj, perm, obj=None):
        return rules.is_administrator(user_obj) and user_obj.is_active

    def has_module_perms(self, user_obj, app_label):
        return rules.is_administrator(user_obj) and user_obj.is_active
