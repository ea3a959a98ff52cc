"""Forms of the council. They own validation; the services own the rules."""

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advisory.models import (
    SCORE_CHOICES,
    CouncilMembership,
    Meeting,
    Outcome,
    Position,
    Proposal,
    ProposalStatus,
    Seat,
    Verdict,
)
from enquiries.forms import MultipleDocumentsField, attachments_help_text, validate_single_line
from portal.models import Administration, User
from portal.uploads import validate_document


def no_nul(value: str) -> None:
    if "\x00" in value:
        raise ValidationError(_("The text contains a character that cannot be saved."), code="nul")


class Text(forms.CharField):
    """A text field that refuses NUL bytes and says how long it may be."""

    def __init__(self, *, max_length=10_000, textarea=True, single_line=False, **kwargs):
        validators = [no_nul] + ([validate_single_line] if single_line else [])
        widget = forms.Textarea(attrs={"rows": 5}) if textarea else None
        super().__init__(max_length=max_length, validators=validators, widget=widget, **kwargs)


class ProposalForm(forms.Form):
    title = Text(label=_("Title"), max_length=200, textarea=False, single_line=True)
    what = Text(label=_("What do you recommend the City to do?"))
    why = Text(label=_("Why?"))
    expected_effect = Text(label=_("Expected effect"))
    administrations = forms.ModelMultipleChoiceField(
        label=_("Administrations concerned"),
        queryset=Administration.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    attachments = MultipleDocumentsField(label=_("Attachments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help_text()

    @classmethod
    def for_proposal(cls, proposal: Proposal, *args, **kwargs):
        initial = {
            "title": proposal.title,
            "what": proposal.what,
            "why": proposal.why,
            "expected_effect": proposal.expected_effect,
            "administrations": list(proposal.administrations.all()),
        }
        return cls(*args, initial=initial, **kwargs)

    def proposal_data(self) -> dict:
        return {key: self.cleaned_data[key] for key in ("title", "what", "why", "expected_effect")}


class MessageForm(forms.Form):
    body = Text(label=_("Your answer"))
    attachments = MultipleDocumentsField(label=_("Attachments"), required=False)


class ReasonForm(forms.Form):
    reason = Text(label=_("Reason"), max_length=2000)


class OptionalReasonForm(forms.Form):
    reason = Text(label=_("Reason (optional)"), max_length=2000, required=False)


class QuestionForm(forms.Form):
    question = Text(label=_("What information is missing?"), max_length=5000)


SCORE_FIELDS = ("social_impact", "feasibility", "economic_sustainability")


def _score(label):
    return forms.TypedChoiceField(
        label=label,
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 is the lowest, 5 the highest."),
        error_messages={
            "invalid_choice": _("Choose a score from 1 to 5."),
            "required": _("Choose a score from 1 to 5."),
        },
    )


class ReviewForm(forms.Form):
    social_impact = _score(_("Social impact"))
    feasibility = _score(_("Feasibility"))
    economic_sustainability = _score(_("Economic sustainability"))
    comment = Text(label=_("Comment"))

    def scores(self) -> dict:
        return {field: self.cleaned_data[field] for field in SCORE_FIELDS}


class ConflictForm(forms.Form):
    reason = Text(
        label=_("Why can you not take part?"),
        max_length=2000,
        help_text=_("Only the secretary sees the reason."),
    )


class MeetingForm(forms.Form):
    title = Text(label=_("Title"), max_length=200, textarea=False, single_line=True)
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"],
    )
    start = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = Text(label=_("Place"), max_length=300, textarea=False, single_line=True)

    @classmethod
    def for_meeting(cls, meeting: Meeting, *args, **kwargs):
        starts = timezone.localtime(meeting.starts_at)
        ends = timezone.localtime(meeting.ends_at)
        initial = {
            "title": meeting.title,
            "date": starts.date(),
            "start": starts.time(),
            "end": ends.time(),
            "place": meeting.place,
        }
        return cls(*args, initial=initial, **kwargs)

    def clean(self):
        data = super().clean()
        if {"date", "start", "end"} <= data.keys():
            zone = timezone.get_current_timezone()
            data["starts_at"] = datetime.combine(data["date"], data["start"], tzinfo=zone)
            data["ends_at"] = datetime.combine(data["date"], data["end"], tzinfo=zone)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end", _("The meeting must end after it starts."))
        return data

    def meeting_data(self) -> dict:
        return {key: self.cleaned_data[key] for key in ("title", "starts_at", "ends_at", "place")}


MeetingForm.base_fields["start"].initial = time(16, 0)
MeetingForm.base_fields["end"].initial = time(18, 0)
MeetingForm.base_fields["date"].initial = lambda: timezone.localdate() + timedelta(days=28)


class AgendaItemForm(forms.Form):
    proposal = forms.ModelChoiceField(
        label=_("Proposal"),
        queryset=Proposal.objects.none(),
        required=False,
        help_text=_("Leave empty for a free-standing item."),
        error_messages={"invalid_choice": _("Choose one of the proposals in the list.")},
    )
    title = Text(
        label=_("Title"),
        max_length=200,
        textarea=False,
        single_line=True,
        required=False,
        help_text=_("Optional for a proposal: its own title is used."),
    )
    description = Text(label=_("Description"), required=False)
    is_closed = forms.BooleanField(
        label=_("Closed item"),
        required=False,
        help_text=_("The public sees only the title; the papers only the council."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = Proposal.objects.filter(
            status__in=(ProposalStatus.IN_REVIEW, ProposalStatus.ON_AGENDA, ProposalStatus.DECIDED)
        ).order_by("-submitted_at")

    def clean(self):
        data = super().clean()
        if not data.get("title") and data.get("proposal"):
            data["title"] = data["proposal"].title
        if not data.get("title") and "title" not in self.errors:
            self.add_error("title", _("Give the item a title or choose a proposal."))
        return data


class PaperForm(forms.Form):
    title = Text(label=_("Title of the paper"), max_length=200, textarea=False, single_line=True)
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_document(upload)
        return upload


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    minutes = Text(label=_("Minutes: the decision and its reasons"), max_length=20_000)
    responsible_administrations = forms.ModelMultipleChoiceField(
        label=_("Administrations that must answer (for a recommendation)"),
        queryset=Administration.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    answer_working_days = forms.IntegerField(
        label=_("Working days to answer"),
        min_value=1,
        max_value=250,
        required=False,
        help_text=_("For a recommendation: how many working days the administrations have."),
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Outcome.RECOMMENDED:
            if not data.get("responsible_administrations"):
                self.add_error(
                    "responsible_administrations", _("Name the administrations that must answer.")
                )
            if not data.get("answer_working_days"):
                self.add_error("answer_working_days", _("Set how many working days they have."))
        return data


class MinutesForm(forms.Form):
    summary = Text(label=_("Introduction to the minutes (optional)"), required=False)


class CancelForm(forms.Form):
    reason = Text(label=_("Reason (optional)"), max_length=2000, required=False)


class MembershipForm(forms.ModelForm):
    email = forms.EmailField(
        label=_("The member's e-mail address"),
        help_text=_("The member must have an account in the portal."),
    )

    class Meta:
        model = CouncilMembership
        fields = ["position", "seat", "affiliation", "term_start", "term_end"]
        widgets = {
            "term_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "term_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    field_order = ["email", "position", "seat", "affiliation", "term_start", "term_end"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].choices = Position.choices
        self.fields["seat"].choices = Seat.choices
        self.fields["affiliation"].validators.append(no_nul)

    def clean_email(self):
        user = User.objects.filter(email__iexact=self.cleaned_data["email"], is_active=True).first()
        if user is None:
            raise ValidationError(_("No one with this e-mail address has an account."))
        return user

    def clean(self):
        data = super().clean()
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("The term cannot end before it starts."))
        return data


class EndTermForm(forms.Form):
    term_end = forms.DateField(
        label=_("Term ends"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class AnswerForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Answer"), choices=Verdict.choices, widget=forms.RadioSelect
    )
    reasons = Text(label=_("Reasons"))


class ProgressForm(forms.Form):
    body = Text(label=_("Progress"))
