from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from challenges import rules
from challenges.models import Challenge, Response, TargetGroup
from organisations.models import Organisation
from portal.models import Administration, User
from portal.uploads import ALLOWED_DESCRIPTION, EXTENSIONS, MAX_UPLOAD_BYTES, validate_document
from solutions.models import Solution


class ChallengeForm(forms.ModelForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    deadline = forms.DateField(
        label=_("Response deadline"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day on which social enterprises can respond."),
    )

    class Meta:
        model = Challenge
        fields = [
            "title",
            "summary",
            "description",
            "owner",
            "co_owners",
            "contact_person",
            "districts",
            "sdgs",
            "target_groups",
            "collaboration",
            "budget",
            "deadline",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "co_owners": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "sdgs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        own = Administration.objects.filter(memberships__user=user)
        if self.instance.pk:  # a co-owner editing keeps the current owner
            own = own | Administration.objects.filter(pk=self.instance.owner_id)
        self.fields["owner"].queryset = own.distinct()
        if own.count() == 1 and not self.instance.pk:
            self.fields["owner"].initial = own.get()
        self.fields["co_owners"].required = False
        self.fields["contact_person"].queryset = (
            User.objects.filter(administration_memberships__isnull=False, is_active=True)
            .distinct()
            .order_by("first_name", "last_name", "email")
        )
        self.fields["contact_person"].label_from_instance = lambda u: (
            f"{u.display_name} ({u.email})"
        )
        if not self.instance.pk:
            self.fields["contact_person"].initial = user

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        unchanged = self.instance.pk and self.instance.deadline == deadline
        if deadline < timezone.localdate() and not unchanged:
            raise forms.ValidationError(
                _("The deadline cannot be in the past."), code="deadline_past"
            )
        return deadline

    def clean(self):
        cleaned = super().clean()
        check_owners_and_contact(self, cleaned)
        return cleaned


def check_owners_and_contact(form: forms.BaseForm, cleaned: dict) -> None:
    """The owner is not also a co-owner; the contact person works in one of them. Shared by
    the portal's form and the admin's, with the messages next to their fields."""
    owner, co_owners = cleaned.get("owner"), cleaned.get("co_owners")
    if owner and co_owners and owner in co_owners:
        form.add_error("co_owners", _("The owner administration cannot also be a co-owner."))
    contact = cleaned.get("contact_person")
    if owner and contact:
        allowed = {owner.pk, *(a.pk for a in co_owners or [])}
        works_there = contact.administration_memberships.filter(
            administration_id__in=allowed
        ).exists()
        if not works_there:
            form.add_error(
                "contact_person",
                _("The contact person must work in the owner administration or a co-owner."),
            )


MESSAGE_MAX_LENGTH = 5000
RESPONSE_MAX_LENGTH = 10000

NOT_ONE_OF_YOURS = _("Choose one of your organisation's published solutions, or none.")
NOT_OF_THIS_ORGANISATION = _("Choose one of the published solutions of %(organisation)s, or none.")


def _solution_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("The solution you offer"),
        queryset=Solution.objects.none(),
        required=False,
        empty_label=_("None of our solutions"),
        help_text=_(
            "Optional: point at one of your organisation's published solutions. The owners "
            "of the challenge see it with the response."
        ),
        error_messages={"invalid_choice": NOT_ONE_OF_YOURS},
    )


def _as_id(value) -> int | None:
    """A number from the query string, or None for anything else (never an error)."""
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def _label(solution: Solution) -> str:
    if solution.is_public:
        return solution.title
    return f"{solution.title} ({solution.get_status_display().lower()})"


def _offer_solutions(field: forms.ModelChoiceField, solutions: list[Solution], *, grouped):
    """The solution select's options: grouped by organisation (an <optgroup> labelled with
    its name) when the user responds for one of several, so that a page without JavaScript
    offers every organisation's solutions and the form checks that the choice belongs to
    the chosen organisation; static/js/response_form.js hides the other groups."""
    options: list = [("", field.empty_label)]
    if not grouped:
        field.widget.choices = options + [(str(s.pk), _label(s)) for s in solutions]
        return
    groups: dict[str, list[tuple[str, str]]] = {}
    for solution in solutions:
        groups.setdefault(solution.organisation.name, []).append(
            (str(solution.pk), _label(solution))
        )
    field.widget.choices = options + list(groups.items())


class ResponseForm(forms.ModelForm):
    """An organisation's answer, optionally pointing at one of its published solutions.
    The organisation is only asked for when there is a choice; the form proposes one the
    user administers, or the organisation and solution of an invitation (`proposed`, the
    query string), when they are the user's to choose."""

    organisation = forms.ModelChoiceField(
        label=_("Respond on behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )
    solution = _solution_field()
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        validators=[validate_document],
        widget=forms.FileInput(
            attrs={"accept": ",".join(sorted(e for group in EXTENSIONS.values() for e in group))}
        ),
    )

    class Meta:
        model = Response
        fields = ["organisation", "solution", "message", "offer", "attachment"]
        widgets = {"message": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, organisations, user, proposed=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = list(organisations)
        self.fields["message"].validators.append(MaxLengthValidator(RESPONSE_MAX_LENGTH))
        self.fields["attachment"].help_text = _("Optional. %(types)s, at most %(max)s MB.") % {
            "types": ALLOWED_DESCRIPTION,
            "max": MAX_UPLOAD_BYTES // (1024 * 1024),
        }
        if len(organisations) == 1:
            self.single_organisation = organisations[0]
            del self.fields["organisation"]
        else:
            self.single_organisation = None
            self.fields["organisation"].queryset = Organisation.objects.filter(
                pk__in=[o.pk for o in organisations]
            ).order_by("name", "pk")
        solutions = list(rules.solutions_to_point_at(organisations))
        self.has_solutions = bool(solutions)
        if solutions:
            field = self.fields["solution"]
            field.queryset = Solution.objects.filter(pk__in=[s.pk for s in solutions])
            _offer_solutions(field, solutions, grouped=self.single_organisation is None)
            if self.single_organisation is None:
                field.widget.attrs["data-organisation-field"] = self["organisation"].auto_id
            self.fields["offer"].help_text = _(
                "Optional: if what you offer is not among your published solutions, name it here."
            )
        else:
            del self.fields["solution"]
        if not self.is_bound:
            self._propose(user, organisations, solutions, proposed or {})

    def _propose(self, user, organisations, solutions, proposed) -> None:
        """Initial choices: the invitation's organisation and solution when they are among
        the user's choices (anything else in the query string is ignored), else an
        organisation whose profile the user administers."""
        by_id = {o.pk: o for o in organisations}
        organisation_id = _as_id(proposed.get("organisation"))
        solution_id = _as_id(proposed.get("solution"))
        solution = next((s for s in solutions if s.pk == solution_id), None)
        if solution is not None and organisation_id in (None, solution.organisation_id):
            organisation = by_id[solution.organisation_id]
        else:
            solution = None
            organisation = by_id.get(organisation_id) or rules.preferred_organisation(
                user, organisations
            )
        if "organisation" in self.fields and organisation is not None:
            self.initial["organisation"] = organisation.pk
        if solution is not None:
            self.initial["solution"] = solution.pk

    def clean(self):
        cleaned = super().clean()
        if self.single_organisation is not None:
            cleaned["organisation"] = self.single_organisation
        organisation, solution = cleaned.get("organisation"), cleaned.get("solution")
        if solution is not None and organisation is not None:
            self._check_solution(organisation, solution)
        return cleaned

    def _check_solution(self, organisation, solution) -> None:
        if not rules.may_point_at(organisation, solution):
            self.add_error(
                "solution", NOT_OF_THIS_ORGANISATION % {"organisation": organisation.name}
            )

    def _post_clean(self):
        # The response is created by challenges.services.response_submit, not by this form.
        pass


class ResponseEditForm(forms.ModelForm):
    """The organisation corrects its answer while it is only submitted."""

    attachment = forms.FileField(
        label=_("Replace the attachment"),
        required=False,
        validators=[validate_document],
        widget=forms.FileInput(
            attrs={"accept": ",".join(sorted(e for group in EXTENSIONS.values() for e in group))}
        ),
    )

    solution = _solution_field()

    class Meta:
        model = Response
        fields = ["solution", "message", "offer", "attachment"]
        widgets = {"message": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].validators.append(MaxLengthValidator(RESPONSE_MAX_LENGTH))
        self.fields["attachment"].help_text = _(
            "Optional: a new file replaces the one you sent. %(types)s, at most %(max)s MB."
        ) % {"types": ALLOWED_DESCRIPTION, "max": MAX_UPLOAD_BYTES // (1024 * 1024)}
        # The organisation's published solutions, and the one the response points at even
        # if it has been archived since (keeping it is no change).
        response = self.instance
        solutions = list(rules.solutions_to_point_at([response.organisation_id]))
        if response.solution_id and response.solution_id not in {s.pk for s in solutions}:
            solutions.append(response.solution)
        self.has_solutions = bool(solutions)
        if solutions:
            field = self.fields["solution"]
            field.queryset = Solution.objects.filter(pk__in=[s.pk for s in solutions])
            _offer_solutions(field, solutions, grouped=False)
            self.fields["offer"].help_text = _(
                "Optional: if what you offer is not among your published solutions, name it here."
            )
        else:
            del self.fields["solution"]

    def clean_attachment(self):
        """Only a newly chosen file: without one, the stored attachment stays as it is."""
        return self.cleaned_data["attachment"] if "attachment" in self.files else None

    def _post_clean(self):
        # The response is changed by challenges.services.response_update, not by this form.
        pass


class ResponseDecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Sent to the organisation with the decision."),
    )

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label is not None:  # the organisation withdrawing: a reason for the owners
            self.fields["message"].label = label
            self.fields["message"].help_text = _("Optional. Sent to the contact person.")


class ResponseMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
