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
        return parse_kroner(text)


class ServiceErrorsMixin:
    def add_service_error(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValidationError(_("The text contains a character that is not allowed."))
    return value


class ContributionForm(ServiceErrorsMixin, forms.Form):
    success_message = _("The contribution is recorded.")

    payer = forms.ChoiceField(label=_("Paid by"))
    amount = KronerField(label=_("Amount"))
    reason = forms.CharField(label=_("Reason"), max_length=2000, validators=[_no_nul])

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
    reason = forms.CharField(label=_("Note"), max_length=2000, validators=[_no_nul])

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
    reason = forms.CharField(label=_("Why is it reversed?"), max_length=2000, validators=[_no_nul])

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = LedgerEntry.objects.filter(pool=pool).exclude(
            kind__in=(EntryKind.REVERSAL, EntryKind.GRANT)
        )
        self.fields["entry"].help_text = _("The number of the entry in the ledger below.")
