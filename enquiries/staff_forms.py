"""Forms of the staff side: the queue's filters and one form per action."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enquiries.models import Enquiry, ReplyTemplate, Status, Topic
from portal.models import Administration, Role, User

TEXT_MAX = 10_000


class QueueFilterForm(forms.Form):
    """Every choice lives in the query string; unknown values are ignored."""

    OPEN = "open"
    ALL = "all"

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Reference number, name, e-mail address or words in the message."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All")
    )
    administration = forms.ModelChoiceField(
        label=_("Administration"),
        queryset=Administration.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    handler = forms.ModelChoiceField(
        label=_("Handler"), queryset=User.objects.none(), required=False, empty_label=_("All")
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args, administrations=None, with_handler=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (self.OPEN, _("Open")),
            (self.ALL, _("All")),
            *Status.choices,
        ]
        if administrations is not None:
            self.fields["administration"].queryset = Administration.objects.filter(
                pk__in=administrations
            )
        if with_handler:
            self.fields["handler"].queryset = staff_users()
        else:
            del self.fields["handler"]


def staff_users():
    """Contact officers and civil servants: those an enquiry can be assigned to."""
    return (
        User.objects.filter(
            Q(role_assignments__role=Role.CONTACT_OFFICER)
            | Q(administration_memberships__isnull=False),
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class AssignForm(forms.Form):
    handler = UserChoiceField(label=_("Handler"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = staff_users()


class EmptyForm(forms.Form):
    """An action that needs nothing but the button (and the CSRF token)."""


class RouteForm(forms.Form):
    lead = forms.ModelChoiceField(
        label=_("Lead administration"),
        queryset=Administration.objects.all(),
        help_text=_("Owns the answer to the enquirer."),
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Administrations that take part"),
        queryset=Administration.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Routing note"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Internal: what the administration should know. Never shown to the enquirer."),
    )


class ConfirmRoutingForm(forms.Form):
    routing = forms.IntegerField(widget=forms.HiddenInput)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Message to the enquirer"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The enquirer reads it on the enquiry's page and is told by e-mail."),
    )
    to_status = forms.ChoiceField(
        label=_("What the message does"),
        choices=[
            (Status.ANSWERED, _("It answers the enquiry")),
            (Status.WAITING, _("It asks the enquirer for more (the deadline pauses)")),
        ],
        initial=Status.ANSWERED,
        widget=forms.RadioSelect,
    )


class ReplyTemplateChoiceForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Reply template"),
        queryset=ReplyTemplate.objects.filter(is_active=True),
        required=False,
        empty_label=_("Choose a template"),
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only staff see notes; never the enquirer."),
    )


class HandBackForm(forms.Form):
    note = forms.CharField(
        label=_("Why you hand it back"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Internal: for the contact officer."),
    )


class ReferForm(forms.Form):
    to_whom = forms.CharField(
        label=_("Who can help the enquirer"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the enquirer as the answer: say who to contact and how."),
    )


class DuplicateForm(forms.Form):
    of = forms.CharField(
        label=_("Reference number of the other enquiry"),
        max_length=20,
        help_text=_("For example EI-2026-000123."),
    )

    def __init__(self, *args, enquiry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.enquiry = enquiry

    def clean_of(self):
        reference = self.cleaned_data["of"].strip().upper()
        other = Enquiry.objects.filter(reference=reference).first()
        if other is None:
            raise ValidationError(_("There is no enquiry with that reference number."))
        if self.enquiry is not None and other.pk == self.enquiry.pk:
            raise ValidationError(_("An enquiry cannot be a duplicate of itself."))
        return other


ACTION_FORMS = {
    "assign": AssignForm,
    "triage": EmptyForm,
    "route": RouteForm,
    "confirm": ConfirmRoutingForm,
    "take": EmptyForm,
    "reply": ReplyForm,
    "note": NoteForm,
    "hand_back": HandBackForm,
    "close": EmptyForm,
    "refer": ReferForm,
    "spam": EmptyForm,
    "duplicate": DuplicateForm,
}
