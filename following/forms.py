from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from following.models import Delivery, Frequency, Kind
from following.services import NEVER

DELIVERY_CHOICES = [
    (Delivery.IMMEDIATELY.value, Delivery.IMMEDIATELY.label),
    (Delivery.DIGEST.value, Delivery.DIGEST.label),
    (NEVER, _("Never")),
]


class PreferencesForm(forms.Form):
    """How often the digest comes, and how each standing interest the user may choose is
    delivered (one radio group each)."""

    frequency = forms.ChoiceField(
        label=_("How often should the digest come?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_("The digest comes only when something new has been published."),
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = [str(kind) for kind in kinds]
        for kind in self.kinds:
            self.fields[kind] = forms.ChoiceField(
                label=Kind(kind).label,
                choices=DELIVERY_CHOICES,
                widget=forms.RadioSelect,
            )

    def deliveries(self) -> dict[str, str]:
        return {kind: self.cleaned_data[kind] for kind in self.kinds}


class FollowSearchForm(forms.Form):
    """The search to follow, as the confirmation page normalised it."""

    query = forms.CharField(max_length=2000, required=False, widget=forms.HiddenInput)

    def params(self) -> QueryDict:
        return QueryDict(self.cleaned_data["query"])
