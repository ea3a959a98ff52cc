from django import forms
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)


class AccountDeletionForm(forms.Form):
    """Deleting an account is confirmed by typing the account's e-mail address."""

    confirm_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Type the e-mail address of your account to confirm the deletion."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_confirm_email(self):
        value = self.cleaned_data["confirm_email"]
        if value.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("This is not the e-mail address of your account."), code="mismatch"
            )
        return value
