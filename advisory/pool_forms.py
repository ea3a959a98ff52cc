"""Forms of the pool secretary's pages. Amounts are typed in kroner the Danish way
("30.000" or "30.000,50") and kept in øre."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from advisory.models import EntryKind, Grant, GrantStatus, LedgerEntry
from advisory.pool_money import parse_kroner
from portal.models import Administration, LocalCommitteeArea


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
