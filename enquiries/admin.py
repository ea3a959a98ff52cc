"""The admin of the single point of contact. It changes nothing behind the services' back:
topics are saved and enquiries deleted through enquiries.staff_services (which check the
administrator's rights and refresh the cached lists); everything else is read-only."""

from django.contrib import admin

from enquiries import staff_services
from enquiries.models import Enquiry, EnquiryAccess, EnquiryEvent, ReplyTemplate, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    """The topics of the form and the rules behind the suggested administration."""

    list_display = ["name_da", "name_en", "suggested_administration", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_select_related = ["suggested_administration"]
    search_fields = ["name_da", "name_en", "keywords"]
    prepopulated_fields = {"slug": ["name_en"]}

    def save_model(self, request, obj, form, change):
        staff_services.topic_save(topic=obj, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        # Enquiries keep their topic (PROTECT): a topic is deactivated, never deleted.
        return False


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "body"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EnquiryEventInline(ReadOnlyInline):
    model = EnquiryEvent
    fields = ["created_at", "kind", "actor", "from_status", "to_status", "is_public", "body"]
    readonly_fields = fields


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    """Read-only: the staff pages change enquiries (through the services); here an
    administrator can look things up, and delete one through its service."""

    list_display = ["reference", "name", "topic", "status", "lead_administration", "answer_due"]
    list_filter = ["status", "topic", "lead_administration"]
    search_fields = ["reference", "name", "email"]
    list_select_related = ["topic", "lead_administration"]
    date_hierarchy = "created_at"
    inlines = [EnquiryEventInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields if field.name != "id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        staff_services.enquiry_delete(enquiry=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for enquiry in queryset:
            staff_services.enquiry_delete(enquiry=enquiry, actor=request.user)


@admin.register(EnquiryAccess)
class EnquiryAccessAdmin(admin.ModelAdmin):
    list_display = ["enquiry", "user", "accessed_at"]
    list_select_related = ["enquiry", "user"]
    search_fields = ["enquiry__reference", "user__email"]
    date_hierarchy = "accessed_at"
    readonly_fields = ["enquiry", "user", "accessed_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
