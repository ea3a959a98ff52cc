from django.contrib import admin

from solutions.models import ImpactStatement, Solution, SolutionEvent


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ImpactStatementInline(ReadOnlyInline):
    model = ImpactStatement
    fields = ["position", "outcome", "figure", "unit", "period", "source_kind", "source_text"]


class SolutionEventInline(ReadOnlyInline):
    model = SolutionEvent
    fields = ["created_at", "actor", "kind", "from_status", "to_status", "changed_fields"]


@admin.register(Solution)
class SolutionAdmin(admin.ModelAdmin):
    """Read-only: solutions change only through solutions.services (the organisation's
    members), which keep the filter arrays, the search lexicon and the history in step."""

    list_display = ["title", "organisation", "status", "price_model", "published_at"]
    list_filter = ["status", "price_model"]
    search_fields = ["title", "summary", "organisation__name"]
    list_select_related = ["organisation"]
    inlines = [ImpactStatementInline, SolutionEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
