from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge, Response, TargetGroup
from organisations.models import Organisation
from portal.models import Administration, User
from portal.uploads import ALLOWED_DESCRIPTION, EXTENSIONS, MAX_UPLOAD_BYTES, validate_document


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
        check_owners_and_contact(self, cleaned)
        return cleaned


def check_owners_and_contact(form: forms.BaseForm, cleaned: dict) -> None:
    """The owner is not also a co-owner; the contact person works in one of them. Shared by
    the portal's form and the admin's, with the messages next to their fields."""
    owner, co_owners = cleaned.get("owner"), cleaned.get("co_owners")
    if owner and co_owners and owner in co_owners:
        form.add_error("co_owners", _("The owner administration cannot also be a co-owner."))
    contact = cleaned.get("contact_person")
    if owner and contact:
        allowed = {owner.pk, *(a.pk for a in co_owners or [])}
        works_there = contact.administration_memberships.filter(
            administration_id__in=allowed
        ).exists()
        if not works_there:
            form.add_error(
                "contact_person",
                _("The contact person must work in the owner administration or a co-owner."),
            )


MESSAGE_MAX_LENGTH = 5000
RESPONSE_MAX_LENGTH = 10000


class ResponseForm(forms.ModelForm):
    """An organisation's answer. The organisation is only asked for when there is a choice."""

    organisation = forms.ModelChoiceField(
        label=_("Respond on behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        validators=[validate_document],
        widget=forms.FileInput(
            attrs={"accept": ",".join(sorted(e for group in EXTENSIONS.values() for e in group))}
        ),
    )

    class Meta:
        model = Response
        fields = ["organisation", "message", "offer", "attachment"]
        widgets = {"message": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = list(organisations)
        self.fields["message"].validators.append(MaxLengthValidator(RESPONSE_MAX_LENGTH))
        self.fields["attachment"].help_text = _("Optional. %(types)s, at most %(max)s MB.") % {
            "types": ALLOWED_DESCRIPTION,
            "max": MAX_UPLOAD_BYTES // (1024 * 1024),
        }
        if len(organisations) == 1:
            self.single_organisation = organisations[0]
            del self.fields["organisation"]
        else:
            self.single_organisation = None
            self.fields["organisation"].queryset = Organisation.objects.filter(
                pk__in=[o.pk for o in organisations]
            ).order_by("name", "pk")

    def clean(self):
        cleaned = super().clean()
        if self.single_organisation is not None:
            cleaned["organisation"] = self.single_organisation
        return cleaned

    def _post_clean(self):
        # The response is created by challenges.services.response_submit, not by this form.
        pass


class ResponseEditForm(forms.ModelForm):
    """The organisation corrects its answer while it is only submitted."""

    attachment = forms.FileField(
        label=_("Replace the attachment"),
        required=False,
        validators=[validate_document],
        widget=forms.FileInput(
            attrs={"accept": ",".join(sorted(e for group in EXTENSIONS.values() for e in group))}
        ),
    )

    class Meta:
        model = Response
        fields = ["message", "offer", "attachment"]
        widgets = {"message": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].validators.append(MaxLengthValidator(RESPONSE_MAX_LENGTH))
        self.fields["attachment"].help_text = _(
            "Optional: a new file replaces the one you sent. %(types)s, at most %(max)s MB."
        ) % {"types": ALLOWED_DESCRIPTION, "max": MAX_UPLOAD_BYTES // (1024 * 1024)}

    def clean_attachment(self):
        """Only a newly chosen file: without one, the stored attachment stays as it is."""
        return self.cleaned_data["attachment"] if "attachment" in self.files else None

    def _post_clean(self):
        # The response is changed by challenges.services.response_update, not by this form.
        pass


class ResponseDecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Sent to the organisation with the decision."),
    )

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label is not None:  # the organisation withdrawing: a reason for the owners
            self.fields["message"].label = label
            self.fields["message"].help_text = _("Optional. Sent to the contact person.")


class ResponseMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
