from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge, TargetGroup
from portal.models import Administration, User


class ChallengeForm(forms.ModelForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    deadline = forms.DateField(
        label=_("Response deadline"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day on which social enterprises can respond."),
    )

    class Meta:
        model = Challenge
        fields = [
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
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "co_owners": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        own = Administration.objects.filter(memberships__user=user)
        if self.instance.pk:  # a co-owner editing keeps the current owner
            own = own | Administration.objects.filter(pk=self.instance.owner_id)
        self.fields["owner"].queryset = own.distinct()
        if own.count() == 1 and not self.instance.pk:
            self.fields["owner"].initial = own.get()
        self.fields["co_owners"].required = False
        self.fields["contact_person"].queryset = (
            User.objects.filter(administration_memberships__isnull=False, is_active=True)
            .distinct()
            .order_by("first_name", "last_name", "email")
        )
        self.fields["contact_person"].label_from_instance = lambda u: (
            f"{u.display_name} ({u.email})"
        )
        if not self.instance.pk:
            self.fields["contact_person"].initial = user

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        unchanged = self.instance.pk and self.instance.deadline == deadline
        if deadline < timezone.localdate() and not unchanged:
            raise forms.ValidationError(
                _("The deadline cannot be in the past."), code="deadline_past"
            )
        return deadline

    def clean(self):
        cleaned = super().clean()
        owner, co_owners = cleaned.get("owner"), cleaned.get("co_owners")
        if owner and co_owners and owner in co_owners:
            self.add_error("co_owners", _("The owner administration cannot also be a co-owner."))
        contact = cleaned.get("contact_person")
        if owner and contact:
            allowed = {owner.pk, *(a.pk for a in co_owners or [])}
            works_there = contact.administration_memberships.filter(
                administration_id__in=allowed
            ).exists()
            if not works_there:
                self.add_error(
                    "contact_person",
                    _("The contact person must work in the owner administration or a co-owner."),
                )
        return cleaned
