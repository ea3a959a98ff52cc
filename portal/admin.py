from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from portal import services
from portal.models import (
    Administration,
    AdministrationMembership,
    LocalCommitteeArea,
    OutgoingEmail,
    RoleAssignment,
    SustainableDevelopmentGoal,
    User,
)

# Roles are relations (AdministrationMembership, RoleAssignment), never Django groups.
admin.site.unregister(Group)


class AdministrationMembershipInline(admin.TabularInline):
    model = AdministrationMembership
    extra = 0
    fields = ["administration", "job_title", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name_plural = _("Administrations (civil servant)")


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    fields = ["role", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name_plural = _("Staff roles")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "last_login"]
    list_filter = [
        "is_active",
        "role_assignments__role",
        "administration_memberships__administration",
    ]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal information"), {"fields": ["first_name", "last_name", "language"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [AdministrationMembershipInline, RoleAssignmentInline]

    # Deleting goes through the service, so that each app's before_user_delete hook hands
    # over what must outlive the account (a challenge's contact person is protected: the
    # admin refuses to delete that user before it gets here).
    def delete_model(self, request, obj):
        services.user_delete_account(actor=request.user, user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            services.user_delete_account(actor=request.user, user=user)


@admin.register(Administration)
class AdministrationAdmin(admin.ModelAdmin):
    list_display = ["code", "name_da", "name_en"]
    search_fields = ["code", "name_da", "name_en"]


@admin.register(LocalCommitteeArea)
class LocalCommitteeAreaAdmin(admin.ModelAdmin):
    list_display = ["name_da", "name_en"]


@admin.register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "name_da", "name_en"]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "created_at", "attempts", "sent_at", "given_up_at"]
    list_filter = ["sent_at", "given_up_at"]
    search_fields = ["subject"]
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
