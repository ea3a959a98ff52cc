"""Forms of the pool secretary's pages. Amounts are typed in kroner the Danish way
("30.000" or "30.000,50") and kept in øre."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from advisory import pool_rules
from advisory.models import EntryKind, Grant, GrantStatus, Intake, LedgerEntry, Pool
from advisory.pool_money import kroner, kroner_figure, parse_kroner
from advisory.pool_report_forms import parse_impact_lines
from advisory.pool_services import MAX_WORKING_DAYS, TERMS, Asks
from enquiries.forms import MultipleDocumentsField, attachments_help_text
from organisations.models import Organisation
from portal.models import Administration, LocalCommitteeArea, SustainableDevelopmentGoal


class KronerField(forms.CharField):
    def __init__(self, *, allow_zero=False, **kwargs):
        self.allow_zero = allow_zero
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("help_text", _("In kroner, for example 30.000 or 30.000,50."))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text and not self.required:
            return None
        try:
            return parse_kroner(text)
        except ValidationError as error:
            if self.allow_zero and error.code == "zero":
                return 0
            raise


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
    prefix = "contribution"  # one of several forms on the management page: ids of its own

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
    prefix = "payout"  # one of several forms on the management page: ids of its own

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
    prefix = "reversal"  # one of several forms on the management page: ids of its own

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
        pool_field = self.fields["pool"]
        pool_field.queryset = Pool.objects.open().with_rounds().select_related("area")
        pool_field.label_from_instance = _pool_label
        pool_field.help_text = _("Pools that take applications in rounds show the next deadline.")
        self.fields["attachments"].help_text = attachments_help_text()
        if user is not None and user.is_authenticated:
            own = Organisation.objects.filter(memberships__user=user).order_by("name")
            self.fields["organisation"].queryset = own
            self.fields["organisation"].initial = own.first()

    def clean_pool(self):
        pool = self.cleaned_data["pool"]
        state = pool.intake_state()
        if not state.accepts:
            raise ValidationError(state.message, code="closed")
        return pool

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


def _pool_label(pool: Pool) -> str:
    state = pool.intake_state()
    if state.round is not None:
        return _("%(pool)s (deadline %(date)s)") % {
            "pool": pool,
            "date": date_format(state.round.deadline, "j. F Y"),
        }
    if not state.accepts:
        return _("%(pool)s (no more rounds)") % {"pool": pool}
    return str(pool)


# Creating and editing pools, their rounds, and changing grants.


class PoolForm(ServiceErrorsMixin, forms.Form):
    """A pool's terms; when it is created, also its year and (for a local pool) area.
    Amounts are typed in kroner and kept in øre."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    area = forms.ModelChoiceField(
        label=_("Local committee area"),
        queryset=LocalCommitteeArea.objects.all(),
        required=False,
        empty_label=_("None: the city pool"),
    )
    rules_text = forms.CharField(
        label=_("Rules"),
        widget=forms.Textarea,
        max_length=20_000,
        help_text=_("Who may apply, for what, and how applications are assessed."),
    )
    maximum_grant = KronerField(label=_("Maximum grant"))
    fast_track_limit = KronerField(
        label=_("Fast-track limit"),
        allow_zero=True,
        help_text=_(
            "Applications up to this amount are decided by the secretary alone. "
            "In kroner, for example 50.000; 0 for no fast track."
        ),
    )
    fast_track_working_days = forms.IntegerField(
        label=_("Working days for a fast-track decision"),
        min_value=1,
        max_value=MAX_WORKING_DAYS,
        help_text=_("The decision promised to the applicant, in working days."),
    )
    intake = forms.ChoiceField(label=_("Intake"), choices=Intake.choices, widget=forms.RadioSelect)
    is_open = forms.BooleanField(label=_("Open for applications"), required=False)

    def __init__(self, *args, user, pool: Pool | None = None, **kwargs):
        self.pool = pool
        if pool is not None:
            kwargs.setdefault("initial", _pool_initial(pool))
        else:
            kwargs.setdefault(
                "initial",
                {"fast_track_working_days": 10, "intake": Intake.ROLLING, "is_open": True},
            )
        super().__init__(*args, **kwargs)
        if pool is not None:
            del self.fields["year"], self.fields["area"]
        elif not pool_rules.can_create_pool(user, local=False):
            # An administrator creates local pools only.
            self.fields["area"].required = True
            self.fields["area"].empty_label = _("Choose the area")

    @property
    def success_message(self) -> str:
        return _("The pool is saved.") if self.pool else _("The pool is created.")

    def clean(self):
        data = super().clean()
        maximum, limit = data.get("maximum_grant"), data.get("fast_track_limit")
        if maximum is not None and limit is not None and limit > maximum:
            self.add_error(
                "fast_track_limit",
                _(
                    "The fast-track limit (%(limit)s) cannot be above the maximum grant "
                    "(%(maximum)s)."
                )
                % {"limit": kroner(limit), "maximum": kroner(maximum)},
            )
        return data

    def terms(self) -> dict:
        return {name: self.cleaned_data[name] for name in TERMS}


def _pool_initial(pool: Pool) -> dict:
    initial = {name: getattr(pool, name) for name in TERMS}
    initial["maximum_grant"] = kroner_figure(pool.maximum_grant)
    initial["fast_track_limit"] = kroner_figure(pool.fast_track_limit)
    return initial


class RoundForm(ServiceErrorsMixin, forms.Form):
    success_message = _("The round is added.")
    prefix = "round"  # one of several forms on the management page: ids of its own

    deadline = _date_field(
        label=_("Application deadline"), help_text=_("The last day to apply, e.g. 1-9-2026.")
    )


class GrantChangeForm(ServiceErrorsMixin, forms.Form):
    """Raise or lower an active grant: never beyond what the pool has left, never below
    what has been paid."""

    success_message = _("The grant is changed.")
    prefix = "change"  # one of several forms on the management page: ids of its own

    grant = forms.ModelChoiceField(label=_("Grant"), queryset=Grant.objects.none())
    new_amount = KronerField(label=_("New amount"))
    reason = forms.CharField(label=_("Reason"), max_length=2000)

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grant"].queryset = Grant.objects.filter(
            pool=pool, status=GrantStatus.ACTIVE
        ).select_related("application__proposal")
        self.fields["grant"].label_from_instance = lambda grant: (
            _("%(title)s (now %(amount)s)")
            % {"title": grant.application.proposal.title, "amount": kroner(grant.amount)}
        )
