import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from enquiries.models import Topic
from organisations.validators import normalise_cvr, validate_cvr
from portal.idempotency import SubmissionIdField
from portal.uploads import ALLOWED_DESCRIPTION, MAX_UPLOAD_BYTES, validate_document

MAX_ATTACHMENTS = 3
PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")


def validate_single_line(value: str) -> None:
    """No line breaks or control characters: a name ends up in e-mail headers."""
    if any(ord(character) < 32 or ord(character) == 127 for character in value):
        raise ValidationError(
            _("Use letters, digits and punctuation only, on one line."), code="control"
        )


def attachments_help_text() -> str:
    return _("Optional. Up to %(count)d files: %(types)s, at most %(max)d MB each.") % {
        "count": MAX_ATTACHMENTS,
        "types": ALLOWED_DESCRIPTION,
        "max": MAX_UPLOAD_BYTES // (1024 * 1024),
    }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleDocumentsField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("You can attach at most %(count)d files.") % {"count": MAX_ATTACHMENTS},
                code="too_many",
            )
        errors = []
        for upload in files:
            try:
                validate_document(upload)
            except ValidationError as error:
                errors.append(ValidationError(f"{upload.name}: {error.messages[0]}"))
        if errors:
            raise ValidationError(errors)
        return files


class EnquiryForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200, validators=[validate_single_line])
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send a receipt and the link to follow your enquiry here."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        required=False,
        help_text=_("Optional. For example 33 66 33 66 or +45 33 66 33 66."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation"), max_length=200, required=False, validators=[validate_single_line]
    )
    cvr = forms.CharField(
        label=_("CVR number"),
        max_length=20,
        required=False,
        help_text=_("Optional. 8 digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    topic = forms.ModelChoiceField(
        label=_("What is your question about?"),
        queryset=Topic.objects.filter(is_active=True),
        empty_label=_("Choose a topic"),
    )
    message = forms.CharField(
        label=_("Your question"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Tell what you need help with. Do not send health information or CPR numbers."),
    )
    attachments = MultipleDocumentsField(label=_("Attachments"), required=False)
    # One enquiry however often the same form is posted (portal/idempotency.py).
    submission = SubmissionIdField()
    # A field people never see: bots that fill every field reveal themselves.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help_text()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if phone and (not PHONE.match(phone) or not 8 <= len(digits) <= 15):
            raise ValidationError(_("Enter a phone number with 8 to 15 digits."), code="phone")
        return phone

    def clean_cvr(self):
        value = self.cleaned_data["cvr"]
        if not value.strip():
            return ""
        number = normalise_cvr(value)
        validate_cvr(number)
        return number

    def enquiry_data(self) -> dict:
        """What enquiries.services.enquiry_submit stores of the form."""
        fields = ("name", "email", "phone", "organisation_name", "cvr", "topic", "message")
        return {field: self.cleaned_data[field] for field in fields}

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    attachments = MultipleDocumentsField(label=_("Attachments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help_text()
