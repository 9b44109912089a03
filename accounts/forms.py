from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import translation

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "title", "email", "preferred_language", "time_zone"]
        widgets = {
            "display_name": forms.TextInput(attrs={"dir": "auto", "autocomplete": "name"}),
            "title": forms.TextInput(attrs={"dir": "auto", "autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
        }


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Send the reset email in the language the user chose, not the one of the request."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(context["user"].preferred_language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
