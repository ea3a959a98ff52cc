"""The solution form and its impact statements (a formset that works without JavaScript:
a button adds an empty statement by sending the form back, nothing is saved until
"Save")."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.vocabulary import Collaboration, TargetGroup
from solutions import images
from solutions.models import ImpactStatement, PriceModel, Solution

MAX_IMPACT_STATEMENTS = 10
EXTRA_IMPACT_FORMS = 1
IMPACT_PREFIX = "impact"


class SolutionForm(forms.ModelForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    collaborations = forms.MultipleChoiceField(
        label=_("Kinds of collaboration"),
        choices=Collaboration.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The kinds of collaboration with the City your solution fits."),
    )
    price_model = forms.ChoiceField(
        label=_("Price model"), choices=PriceModel.choices, widget=forms.RadioSelect
    )
    image_upload = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "Optional. A JPEG, PNG or WebP picture of at least 200 × 200 pixels, at most 5 MB. "
            "If the form shows an error, choose the image again."
        ),
    )
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)

    class Meta:
        model = Solution
        fields = [
            "title",
            "summary",
            "problem",
            "description",
            "target_groups",
            "districts",
            "sdgs",
            "collaborations",
            "price_model",
            "price_text",
            "image_upload",
            "image_description",
            "remove_image",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 5}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "districts": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.image:
            del self.fields["remove_image"]
        if organisations is not None:  # a new solution: for which organisation
            self.fields = {
                "organisation": forms.ModelChoiceField(
                    label=_("Organisation"),
                    queryset=organisations,
                    empty_label=None,
                    initial=organisations.first() if len(organisations) == 1 else None,
                ),
                **self.fields,
            }

    def clean_image_upload(self):
        upload = self.cleaned_data.get("image_upload")
        if upload:
            images.check_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        has_image = cleaned.get("image_upload") or (
            self.instance.image and not cleaned.get("remove_image")
        )
        if has_image and not (cleaned.get("image_description") or "").strip():
            self.add_error(
                "image_description",
                _("Describe what the image shows, for people who cannot see it."),
            )
        return cleaned

    def solution_data(self) -> dict:
        """The model's fields, for solutions.services."""
        skip = {"organisation", "image_upload", "remove_image"}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    def _post_clean(self):
        # The solution is saved by solutions.services, which runs the model's checks.
        pass


class ImpactStatementForm(forms.ModelForm):
    figure = forms.DecimalField(
        label=_("Figure"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        localize=True,
        error_messages={
            "invalid": _("Write the figure as a number, for example 120 or 2,5."),
        },
        help_text=_("A number, for example 120 or 2,5."),
    )

    class Meta:
        model = ImpactStatement
        fields = ["outcome", "figure", "unit", "period", "source_kind", "source_text"]
        widgets = {"figure": forms.TextInput(attrs={"inputmode": "decimal"})}

    def _post_clean(self):
        pass


class BaseImpactFormSet(forms.BaseFormSet):
    def statements(self) -> list[dict]:
        """The filled-in statements in their order, without those marked for removal."""
        return [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


ImpactFormSet = forms.formset_factory(
    ImpactStatementForm,
    formset=BaseImpactFormSet,
    extra=EXTRA_IMPACT_FORMS,
    can_delete=True,
    max_num=MAX_IMPACT_STATEMENTS,
    validate_max=True,
)


def impact_formset(data=None, *, solution=None, add_one=False) -> BaseImpactFormSet:
    """The statements' formset; with `add_one`, the posted data with one empty form more."""
    initial = None
    if solution is not None and data is None:
        initial = list(
            solution.impact_statements.values(
                "outcome", "figure", "unit", "period", "source_kind", "source_text"
            )
        )
    if data is not None and add_one:
        data = data.copy()
        key = f"{IMPACT_PREFIX}-TOTAL_FORMS"
        try:
            total = int(data.get(key, 0))
        except ValueError:
            total = 0
        data[key] = str(min(total + 1, MAX_IMPACT_STATEMENTS))
    return ImpactFormSet(data, initial=initial, prefix=IMPACT_PREFIX)
