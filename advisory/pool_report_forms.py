"""Forms of the final reports: the grantee's report (an achieved figure per expected impact,
extra lines, attachments) and the secretary's decision. Figures are typed the Danish way
("1.250" or "12,5")."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from advisory.forms import Text, no_nul
from advisory.pool_reports import ReportContent, figures_against_expected
from enquiries.forms import MultipleDocumentsField, attachments_help_text

# At most this many extra lines of the grantee's own.
MAX_EXTRA_LINES = 20
LARGEST_FIGURE = Decimal("999999999999.99")
_FIGURE = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?$")


def parse_figure(text: str) -> Decimal:
    """ "1.250", "12,5" or "40" → a Decimal not below zero, or a ValidationError."""
    cleaned = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.startswith("-"):
        raise ValidationError(_("A figure cannot be below zero."), code="negative")
    if not _FIGURE.match(cleaned):
        raise ValidationError(_("Enter a figure, for example 40, 1.250 or 12,5."), code="invalid")
    try:
        value = Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover  (the pattern admits only numbers)
        raise ValidationError(_("Enter a figure, for example 40, 1.250 or 12,5.")) from error
    if value > LARGEST_FIGURE:
        raise ValidationError(_("The figure is too large."), code="too_large")
    return value


def parse_impact_lines(
    text: str, *, limit: int = MAX_EXTRA_LINES
) -> list[tuple[str, Decimal, str]]:
    """Lines of "what; figure; unit" → [(what, figure, unit)], or a ValidationError that
    names the line (expected impacts in an application, other results in a report)."""
    rows = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(rows) > limit:
        raise ValidationError(_("At most %(count)d lines.") % {"count": limit})
    lines = []
    for number, line in enumerate(rows, 1):
        parts = [part.strip() for part in line.split(";")]
        if len(parts) != 3 or not parts[0] or not parts[2]:
            raise ValidationError(
                _(
                    "Line %(number)s: write what, the figure and the unit, "
                    'e.g. "Courses held; 12; courses".'
                )
                % {"number": number}
            )
        try:
            figure = parse_figure(parts[1])
        except ValidationError as error:
            raise ValidationError(
                _("Line %(number)s: %(error)s") % {"number": number, "error": error.messages[0]}
            ) from error
        if len(parts[0]) > 200 or len(parts[2]) > 50:
            raise ValidationError(
                _("Line %(number)s: what is at most 200 characters and the unit at most 50.")
                % {"number": number}
            )
        lines.append((parts[0], figure, parts[2]))
    return lines


class FigureField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(validators=[no_nul], **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        return parse_figure(text)


class ReportForm(forms.Form):
    """The grantee's report. One achieved-figure field per expected impact of the
    application (`achieved_<id>`), then extra lines and attachments."""

    what_was_done = Text(label=_("What was done?"), max_length=20_000, required=False)
    extra = Text(
        label=_("Other results"),
        max_length=5000,
        required=False,
        help_text=_(
            'Optional. One a line: what, the figure and the unit, e.g. "Courses held; 12; courses".'
        ),
    )
    attachments = MultipleDocumentsField(label=_("Attachments"), required=False)

    def __init__(self, *args, expected=(), report=None, **kwargs):
        self.expected = list(expected)
        achieved = {}
        extra_lines = []
        if report is not None and report.pk is not None:
            rows, extra = figures_against_expected(self.expected, report)
            achieved = {
                f"achieved_{impact.pk}": _figure_text(figure.figure)
                for impact, figure in rows
                if figure is not None
            }
            extra_lines = [
                f"{figure.label}; {_figure_text(figure.figure)}; {figure.unit}" for figure in extra
            ]
            kwargs.setdefault(
                "initial",
                {
                    "what_was_done": report.what_was_done,
                    "extra": "\n".join(extra_lines),
                    **achieved,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help_text()
        figure_fields = {
            f"achieved_{impact.pk}": FigureField(
                label=_("Achieved: %(label)s (expected %(figure)s %(unit)s)")
                % {
                    "label": impact.label,
                    "figure": _figure_text(impact.figure),
                    "unit": impact.unit,
                },
                required=False,
                help_text=_("In %(unit)s.") % {"unit": impact.unit},
            )
            for impact in self.expected
        }
        # The figures come right after the text.
        fields = list(self.fields.items())
        self.fields = dict([fields[0], *figure_fields.items(), *fields[1:]])

    def clean_extra(self):
        return parse_impact_lines(self.cleaned_data["extra"])

    def content(self) -> ReportContent:
        data = self.cleaned_data
        return ReportContent(
            what_was_done=data["what_was_done"],
            achieved={
                impact.pk: data[f"achieved_{impact.pk}"]
                for impact in self.expected
                if data.get(f"achieved_{impact.pk}") is not None
            },
            extra=data["extra"],
            attachments=data["attachments"],
        )


def _figure_text(value: Decimal) -> str:
    """40.00 → "40", 12.50 → "12,5" (as the grantee would type it)."""
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}".rstrip("0")
    return text.replace(".", ",")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the report")), ("more", _("Ask for more"))],
        widget=forms.RadioSelect,
    )
    reason = Text(
        label=_("Note to the grantee"),
        max_length=10_000,
        required=False,
        help_text=_("Required when you ask for more: say what the report needs."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "more" and not data.get("reason", "").strip():
            self.add_error("reason", _("Say what more the report needs."))
        return data


class PublishForm(forms.Form):
    published = forms.TypedChoiceField(
        label=_("The report's text and attachments"),
        choices=[("1", _("Public on the grant's page")), ("0", _("Private"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
