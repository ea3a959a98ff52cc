"""Moderation of challenges in the Django admin, through the same services as the portal.

An edit saved here goes through services.challenge_update, so the filter arrays, the search
lexicon, the history and the cached lists follow it exactly as after an edit in the portal;
status changes are actions that call services.challenge_change_status. Challenges are not
created or deleted here (created in the portal, archived instead of deleted).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from challenges import services
from challenges.forms import check_owners_and_contact
from challenges.models import Challenge, ChallengeEvent, Status


class ChallengeEventInline(admin.TabularInline):
    model = ChallengeEvent
    extra = 0
    can_delete = False
    readonly_fields = ["created_at", "actor", "kind", "from_status", "to_status", "changed_fields"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


EDITABLE_FIELDS = [
    "title",
    "summary",
    "description",
    "owner",
    "co_owners",
    "contact_person",
    "districts",
    "sdgs",
    "target_groups",
    "collaboration",
    "budget",
    "deadline",
]


class ChallengeAdminForm(forms.ModelForm):
    class Meta:
        model = Challenge
        fields = EDITABLE_FIELDS

    def clean(self):
        cleaned = super().clean()
        check_owners_and_contact(self, cleaned)
        return cleaned


def _move_to(status: Status):
    def action(modeladmin, request, queryset):
        done = 0
        for challenge in queryset:
            try:
                services.challenge_change_status(
                    user=request.user, challenge=challenge, to_status=status
                )
            except ValidationError as error:
                modeladmin.message_user(
                    request, f"{challenge}: {error.messages[0]}", level=messages.WARNING
                )
            else:
                done += 1
        if done:
            modeladmin.message_user(
                request,
                ngettext(
                    "%(count)d challenge changed to %(status)s.",
                    "%(count)d challenges changed to %(status)s.",
                    done,
                )
                % {"count": done, "status": status.label},
                level=messages.SUCCESS,
            )

    action.__name__ = f"move_to_{status.value}"
    return action


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    """For moderation: administrators can correct, close or archive any challenge."""

    form = ChallengeAdminForm
    fields = EDITABLE_FIELDS
    readonly_fields = ["status", "published_at", "created_by", "created_at"]
    list_display = ["title", "owner", "status", "deadline", "published_at"]
    list_filter = ["status", "owner", "collaboration"]
    search_fields = ["title", "summary"]
    list_select_related = ["owner"]
    filter_horizontal = ["co_owners", "districts", "sdgs"]
    raw_id_fields = ["contact_person"]
    inlines = [ChallengeEventInline]
    actions = [
        admin.action(description=_("Close the selected challenges"))(_move_to(Status.CLOSED)),
        admin.action(description=_("Archive the selected challenges"))(_move_to(Status.ARCHIVED)),
    ]

    def get_fields(self, request, obj=None):
        return [*EDITABLE_FIELDS, *self.readonly_fields]

    def has_add_permission(self, request):
        return False  # challenges are written by their administrations in the portal

    def has_delete_permission(self, request, obj=None):
        return False  # archived instead, so the history and the responses stay

    def save_model(self, request, obj, form, change):
        """Nothing is written here: save_related hands the whole change to the service."""

    def construct_change_message(self, request, form, formsets, add=False):
        # The history inline is read-only and never saved, so only the form counts.
        return super().construct_change_message(request, form, [], add)

    def save_related(self, request, form, formsets, change):
        data = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        services.challenge_update(user=request.user, challenge=form.instance, data=data)
