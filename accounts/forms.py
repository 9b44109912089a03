from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import translation

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "title",
            "email",
            "preferred_language",
            "time_zone",
            "gender",
            "month_names",
            "clock",
        ]
        widgets = {
            "gender": forms.RadioSelect,
            "month_names": forms.RadioSelect,
            "clock": forms.RadioSelect,
            "display_name": forms.TextInput(attrs={"dir": "auto", "autocomplete": "name"}),
            "title": forms.TextInput(attrs={"dir": "auto", "autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
        }


class LeftToRight:
    """Usernames, passwords and email addresses are typed left to right even on an Arabic
    page: the caret and the text start at the left, as they will be read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("username", "password", "old_password", "new_password1", "new_password2"):
            if name in self.fields:
                self.fields[name].widget.attrs["dir"] = "ltr"
        if "email" in self.fields:
            self.fields["email"].widget.attrs["dir"] = "ltr"


class LoginForm(LeftToRight, auth_forms.AuthenticationForm):
    pass


class PasswordChangeForm(LeftToRight, auth_forms.PasswordChangeForm):
    pass


class SetPasswordForm(LeftToRight, auth_forms.SetPasswordForm):
    pass


class PasswordResetForm(LeftToRight, auth_forms.PasswordResetForm):
    """Send the reset email in the language the user chose, not the one of the request."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(context["user"].preferred_language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
