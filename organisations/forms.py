from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from organisations.validators import normalise_cvr, validate_cvr


class OrganisationForm(forms.ModelForm):
    cvr = forms.CharField(
        label=_("CVR number"),
        max_length=20,
        help_text=_("8 digits, for example 12345678."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "cvr",
            "legal_form",
            "is_rsv_registered",
            "purpose",
            "website",
            "email",
            "districts",
            "sdgs",
        ]
        widgets = {
            "districts": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 6}),
        }

    def clean_cvr(self):
        number = normalise_cvr(self.cleaned_data["cvr"])
        validate_cvr(number)
        duplicates = Organisation.objects.filter(cvr=number).exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(
                _(
                    "An organisation with this CVR number is already registered. "
                    "Ask its members to invite you."
                ),
                code="cvr_taken",
            )
        return number


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's e-mail address"),
        help_text=_("We send an invitation that is valid for 14 days."),
    )
