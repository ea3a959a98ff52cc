from django.contrib import admin

from challenges.models import Challenge, ChallengeEvent


class ChallengeEventInline(admin.TabularInline):
    model = ChallengeEvent
    extra = 0
    can_delete = False
    readonly_fields = ["created_at", "actor", "kind", "from_status", "to_status", "changed_fields"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    """For moderation: administrators can correct or archive any challenge."""

    list_display = ["title", "owner", "status", "deadline", "published_at"]
    list_filter = ["status", "owner", "collaboration"]
    search_fields = ["title", "summary"]
    list_select_related = ["owner"]
    filter_horizontal = ["co_owners", "districts", "sdgs"]
    raw_id_fields = ["contact_person", "created_by"]
    inlines = [ChallengeEventInline]
