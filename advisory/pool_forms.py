"""Forms of the pool secretary's pages. Amounts are typed in kroner the Danish way
("30.000" or "30.000,50") and kept in øre."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from advisory.models import EntryKind, Grant, GrantStatus, LedgerEntry, Pool
from advisory.pool_money import parse_kroner
from advisory.pool_report_forms import parse_impact_lines
from advisory.pool_services import Asks
from enquiries.forms import MultipleDocumentsField, attachments_help_text
from organisations.models import Organisation
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal


class KronerField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("help_text", _("In kroner, for example 30.000 or 30.000,50."))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text and not self.required:
            return None
        return parse_kroner(text)


class ServiceErrorsMixin:
    def add_service_error(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


DATE_FORMATS = ["%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


def _date_field(**kwargs) -> forms.DateField:
    return forms.DateField(input_formats=DATE_FORMATS, **kwargs)


class ContributionForm(ServiceErrorsMixin, forms.Form):
    success_message = _("The contribution is recorded.")

    payer = forms.ChoiceField(label=_("Paid by"))
    amount = KronerField(label=_("Amount"))
    reason = forms.CharField(label=_("Reason"), max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payer"].choices = [
            (_("Administrations"), [(f"a{a.pk}", a.name) for a in Administration.objects.all()]),
            (
                _("Local committees"),
                [(f"l{area.pk}", area.name) for area in LocalCommitteeArea.objects.all()],
            ),
        ]

    def clean_payer(self):
        value = self.cleaned_data["payer"]
        model = Administration if value.startswith("a") else LocalCommitteeArea
        return model.objects.get(pk=int(value[1:]))


class PayoutForm(ServiceErrorsMixin, forms.Form):
    success_message = _("The payout is recorded.")

    grant = forms.ModelChoiceField(label=_("Grant"), queryset=Grant.objects.none())
    amount = KronerField(label=_("Amount"))
    reason = forms.CharField(label=_("Note"), max_length=2000)

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grant"].queryset = Grant.objects.filter(
            pool=pool, status=GrantStatus.ACTIVE
        ).select_related("application__proposal")


class ReversalForm(ServiceErrorsMixin, forms.Form):
    success_message = _("The entry is reversed.")

    entry = forms.ModelChoiceField(
        label=_("Entry"), queryset=LedgerEntry.objects.none(), widget=forms.NumberInput
    )
    reason = forms.CharField(label=_("Why is it reversed?"), max_length=2000)

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = LedgerEntry.objects.filter(pool=pool).exclude(
            kind__in=(EntryKind.REVERSAL, EntryKind.GRANT)
        )
        self.fields["entry"].help_text = _("The number of the entry in the ledger below.")


class FastTrackDecisionForm(ServiceErrorsMixin, forms.Form):
    """The secretary's decision on a fast-track application, with the grant's terms."""

    success_message = _("The decision is recorded.")

    decision = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("grant", _("Grant")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reasons (sent to the applicant)"),
        widget=forms.Textarea,
        max_length=10_000,
    )
    amount = KronerField(label=_("Amount granted"), required=False)
    conditions = forms.CharField(
        label=_("Conditions"),
        widget=forms.Textarea,
        required=False,
        max_length=10_000,
    )
    instalments = forms.CharField(
        label=_("Payout plan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_('One instalment a line: the date and the amount, e.g. "1-4-2026; 15.000".'),
    )
    report_due = _date_field(
        label=_("Final report due"), required=False, help_text=_("For example 1-2-2027.")
    )

    def clean_instalments(self):
        text = self.cleaned_data["instalments"].strip()
        plan = []
        for number, line in enumerate(filter(None, map(str.strip, text.splitlines())), 1):
            due_text, separator, amount_text = line.partition(";")
            try:
                due = _date_field().clean(due_text.strip()) if separator else None
            except ValidationError:
                due = None
            if due is None:
                raise ValidationError(
                    _('Line %(number)s: write the date and the amount, e.g. "1-4-2026; 15.000".')
                    % {"number": number}
                )
            plan.append((due, parse_kroner(amount_text)))
        return plan

    def clean(self):
        data = super().clean()
        if data.get("decision") == "grant":
            for name in ("amount", "instalments", "report_due"):
                if name not in self.errors and not data.get(name):
                    self.add_error(name, _("Fill this in to grant the application."))
        return data

    def grant_terms(self) -> dict:
        data = self.cleaned_data
        return {
            "amount": data["amount"],
            "conditions": data["conditions"],
            "instalments": data["instalments"],
            "report_due": data["report_due"],
        }


class ApplicationForm(ServiceErrorsMixin, forms.Form):
    """An application to a pool: the council proposal's texts and what it asks for."""

    pool = forms.ModelChoiceField(label=_("Pool"), queryset=Pool.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    what = forms.CharField(label=_("What will you do?"), widget=forms.Textarea, max_length=10_000)
    why = forms.CharField(label=_("Why?"), widget=forms.Textarea, max_length=10_000)
    expected_effect = forms.CharField(
        label=_("Expected impact"), widget=forms.Textarea, max_length=10_000
    )
    administrations = forms.ModelMultipleChoiceField(
        label=_("Administrations concerned"),
        queryset=Administration.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    amount = KronerField(label=_("Amount applied for"))
    budget = forms.CharField(
        label=_("Budget"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_('One line a post: what and the amount, e.g. "Wages; 20.000".'),
    )
    period_start = _date_field(label=_("Period from"), help_text=_("For example 1-3-2026."))
    period_end = _date_field(label=_("Period to"), help_text=_("For example 31-12-2026."))
    goals = forms.ModelMultipleChoiceField(
        label=_("SDGs"),
        queryset=SustainableDevelopmentGoal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas"),
        queryset=LocalCommitteeArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    # Final reports (advisory/pool_reports.py): on whose behalf, the expected impact as
    # figures (each gets an achieved figure in the final report) and the attachments.
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), required=False
    )
    impacts = forms.CharField(
        label=_("Expected impact as figures"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
        help_text=_(
            'One a line: what, the figure and the unit, e.g. "Young people in work; 40; people". '
            "The final report gives the achieved figure for each."
        ),
    )
    attachments = MultipleDocumentsField(label=_("Attachments"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pool"].queryset = Pool.objects.open().select_related("area")
        self.fields["attachments"].help_text = attachments_help_text()
        if user is not None and user.is_authenticated:
            own = Organisation.objects.filter(memberships__user=user).order_by("name")
            self.fields["organisation"].queryset = own
            self.fields["organisation"].initial = own.first()

    def clean_impacts(self):
        return parse_impact_lines(self.cleaned_data["impacts"])

    def clean_budget(self):
        lines = []
        for number, line in enumerate(
            filter(None, map(str.strip, self.cleaned_data["budget"].splitlines())), 1
        ):
            text, separator, amount_text = line.rpartition(";")
            if not separator or not text.strip():
                raise ValidationError(
                    _('Line %(number)s: write what and the amount, e.g. "Wages; 20.000".')
                    % {"number": number}
                )
            lines.append((text.strip()[:200], parse_kroner(amount_text)))
        return lines

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must end after it starts."))
        return data

    def asks(self):
        data = self.cleaned_data
        return Asks(
            amount=data["amount"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            budget_lines=data["budget"],
            impacts=data.get("impacts") or [],
            goals=list(data["goals"]),
            areas=list(data["areas"]),
        )

    def proposal_data(self) -> dict:
        return {
            name: self.cleaned_data.get(name)
            for name in ("title", "what", "why", "expected_effect", "organisation")
        }


class CouncilGrantForm(FastTrackDecisionForm):
    """The grant of an application the council has recommended: only its terms."""

    success_message = _("The grant is recorded.")
    decision = None
    reason = None

    def clean(self):
        self.cleaned_data["decision"] = "grant"
        return super().clean()
