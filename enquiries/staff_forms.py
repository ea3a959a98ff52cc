"""Forms of the staff side: the queue's filters and one form per action (each an
`ActionForm`, named in the registry enquiries.actions.ACTIONS)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enquiries.domain import Status
from enquiries.models import Enquiry, EnquiryRouting, ReplyTemplate, Topic
from enquiries.routing import routing_state, suggest_administration
from portal.caching import short_lived
from portal.models import Administration, Role, User

TEXT_MAX = 10_000


class QueueFilterForm(forms.Form):
    """The queue's and the inbox's filters. Every choice lives in the query string; a form
    with an unknown value is invalid and filters nothing but the open enquiries.

    The choices are plain lists, read with one query each and kept for a few seconds
    (portal.caching.short_lived): ModelChoiceFields cost a count and a server-side cursor
    each on every request, which made the filters the slowest part of the queue.
    """

    OPEN = "open"
    ALL = "all"

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Reference number, name, e-mail address or words in the message."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    topic = forms.TypedChoiceField(label=_("Topic"), required=False, coerce=int, empty_value=None)
    administration = forms.TypedChoiceField(
        label=_("Administration"), required=False, coerce=int, empty_value=None
    )
    handler = forms.TypedChoiceField(
        label=_("Handler"), required=False, coerce=int, empty_value=None
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args, administrations=None, with_handler=True, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", _("All"))
        self.fields["status"].choices = [
            (self.OPEN, _("Open")),
            (self.ALL, _("All")),
            *Status.choices,
        ]
        self.fields["topic"].choices = [everything, *short_lived("queue:topics", _topics)]
        administration_choices = short_lived("queue:administrations", _administrations)
        if administrations is not None:
            administration_choices = [
                choice for choice in administration_choices if choice[0] in administrations
            ]
        self.fields["administration"].choices = [everything, *administration_choices]
        if with_handler:
            self.fields["handler"].choices = [everything, *short_lived("queue:handlers", _handlers)]
        else:
            del self.fields["handler"]

    def filter(self, queryset, today):
        """`queryset` (annotated `with_due()`) narrowed by the valid choices, in queue order."""
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status") or self.OPEN
        if status == self.OPEN:
            queryset = queryset.open()
        elif status != self.ALL:
            queryset = queryset.filter(status=status)
        if data.get("topic"):
            queryset = queryset.filter(topic_id=data["topic"])
        if data.get("administration"):
            queryset = queryset.filter(
                pk__in=EnquiryRouting.objects.filter(
                    administration_id=data["administration"]
                ).values("enquiry_id")
            )
        if data.get("handler"):
            queryset = queryset.filter(handler_id=data["handler"])
        if data.get("overdue"):
            queryset = queryset.overdue(today)
        text = (data.get("q") or "").strip()
        if text:
            queryset = queryset.matching(text)
        return queryset.in_queue_order()


def _topics():
    return [(topic.pk, topic.name) for topic in Topic.objects.all()]


def _administrations():
    return [
        (administration.pk, administration.name) for administration in Administration.objects.all()
    ]


def _handlers():
    return [(user.pk, user.display_name) for user in staff_users()]


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


class ActionForm(forms.Form):
    """A staff action's form, bound to the enquiry it acts on and the user acting."""

    def __init__(self, *args, enquiry: Enquiry, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.enquiry = enquiry
        self.user = user

    @classmethod
    def initial_for(cls, enquiry: Enquiry, user: User, query) -> dict:
        """What the unbound form starts with (`query`: the page's query string)."""
        return {}


class EmptyForm(ActionForm):
    """An action that needs nothing but the button (and the CSRF token)."""


class AssignForm(ActionForm):
    handler = UserChoiceField(label=_("Handler"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = staff_users()

    @classmethod
    def initial_for(cls, enquiry, user, query):
        return {"handler": enquiry.handler_id or user.pk}


class RouteForm(ActionForm):
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
        help_text=_("Not the lead administration."),
    )
    note = forms.CharField(
        label=_("Routing note"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Internal: what the administration should know. Never shown to the enquirer."),
    )
    # The routing the officer saw, to notice a change made meanwhile by someone else.
    seen = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    @classmethod
    def initial_for(cls, enquiry, user, query):
        return {
            "lead": enquiry.lead_administration or suggest_administration(enquiry),
            "participants": [
                routing.administration_id
                for routing in enquiry.routings.all()
                if routing.role == EnquiryRouting.Role.PARTICIPANT
            ],
            "seen": routing_state(enquiry),
        }

    def clean(self):
        data = super().clean()
        lead = data.get("lead")
        if lead is not None and lead in data.get("participants", ()):
            self.add_error(
                "participants",
                _(
                    "%(code)s is the lead administration and cannot also take part. Untick it "
                    "here or choose another lead."
                )
                % {"code": lead.code},
            )
        return data


class ConfirmRoutingForm(ActionForm):
    routing = forms.IntegerField(widget=forms.HiddenInput)

    def clean_routing(self):
        routing = (
            EnquiryRouting.objects.filter(pk=self.cleaned_data["routing"], enquiry=self.enquiry)
            .select_related("enquiry")
            .first()
        )
        if routing is None:
            raise ValidationError(_("There is no such routing of this enquiry."), code="routing")
        return routing


class ReplyTemplateChoiceForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Reply template"),
        queryset=ReplyTemplate.objects.filter(is_active=True),
        required=False,
        empty_label=_("Choose a template"),
    )


class ReplyForm(ActionForm):
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

    @classmethod
    def initial_for(cls, enquiry, user, query):
        """The chosen reply template's text (`?template=<pk>` in the query string)."""
        choice = ReplyTemplateChoiceForm(query or None)
        if choice.is_valid() and choice.cleaned_data["template"]:
            return {"body": choice.cleaned_data["template"].body}
        return {}


class NoteForm(ActionForm):
    body = forms.CharField(
        label=_("Internal note"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only staff see notes; never the enquirer."),
    )


class HandBackForm(ActionForm):
    note = forms.CharField(
        label=_("Why you hand it back"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Internal: for the contact officer."),
    )


class ReferForm(ActionForm):
    to_whom = forms.CharField(
        label=_("Who can help the enquirer"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the enquirer as the answer: say who to contact and how."),
    )


class DuplicateForm(ActionForm):
    of = forms.CharField(
        label=_("Reference number of the other enquiry"),
        max_length=20,
        help_text=_("For example EI-2026-000123."),
    )

    def clean_of(self):
        reference = self.cleaned_data["of"].strip().upper()
        other = Enquiry.objects.filter(reference=reference).first()
        if other is None:
            raise ValidationError(_("There is no enquiry with that reference number."))
        if other.pk == self.enquiry.pk:
            raise ValidationError(_("An enquiry cannot be a duplicate of itself."))
        return other
