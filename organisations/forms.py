import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from enquiries.forms import validate_single_line
from organisations.models import Organisation
from organisations.validators import normalise_cvr, validate_cvr, validate_web_address

MAX_PURPOSE_LENGTH = 5_000
MAX_MESSAGE_LENGTH = 5_000
HAS_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class WebAddressField(forms.CharField):
    """An http(s) address; "example.dk" becomes "https://example.dk", and any other scheme
    (`javascript:`, `data:`, `ftp:`) is refused with one clear message."""

    default_validators = [validate_web_address]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and "://" not in value and not HAS_SCHEME.match(value):
            value = f"https://{value}"
        return value


class OrganisationForm(forms.ModelForm):
    cvr = forms.CharField(
        label=_("CVR number"),
        max_length=20,
        help_text=_("8 digits, for example 12345678."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    website = WebAddressField(
        label=_("Website"),
        required=False,
        help_text=_("Optional. For example https://www.example.dk."),
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )

    class Meta:
        model = Organisation
        # No public e-mail address: visitors write through "Kontakt organisationen", which
        # never shows the organisation's addresses.
        fields = [
            "name",
            "cvr",
            "legal_form",
            "is_rsv_registered",
            "purpose",
            "website",
            "districts",
            "sdgs",
        ]
        widgets = {
            "districts": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        purpose = self.fields["purpose"]
        purpose.max_length = MAX_PURPOSE_LENGTH
        purpose.validators.append(MaxLengthValidator(MAX_PURPOSE_LENGTH))
        purpose.widget.attrs["maxlength"] = str(MAX_PURPOSE_LENGTH)

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


class ContactForm(forms.Form):
    """A visitor's message to an organisation ("Kontakt organisationen")."""

    name = forms.CharField(label=_("Your name"), max_length=200, validators=[validate_single_line])
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The organisation answers you here. Your address is only given to them."),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # A field people never see: bots that fill every field reveal themselves.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
