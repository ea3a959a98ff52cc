from django.contrib import admin

from organisations.models import Organisation, OrganisationInvitation, OrganisationMembership


class MembershipInline(admin.TabularInline):
    model = OrganisationMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "cvr", "legal_form", "is_rsv_registered", "created_at"]
    list_filter = ["legal_form", "is_rsv_registered", "districts"]
    search_fields = ["name", "cvr"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["districts", "sdgs"]
    inlines = [MembershipInline]


@admin.register(OrganisationInvitation)
class OrganisationInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "created_at", "accepted_at", "revoked_at"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = ["token"]
    list_select_related = ["organisation"]
