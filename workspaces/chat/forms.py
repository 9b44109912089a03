from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from workspaces import attachments
from workspaces.markup import normalise_newlines

from .models import GROUP_MAX_PEOPLE, MESSAGE_MAX_LENGTH


class EditForm(forms.Form):
    """A message's text, as written or as its author changes it."""

    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto", "autocomplete": "off"}),
    )

    def clean_body(self):
        # Browsers send a form's line breaks as "\r\n"; messages keep "\n", as typed.
        return normalise_newlines(self.cleaned_data["body"])


class MessageForm(EditForm):
    """A new message: its text, or files (`workspaces.attachments`), or both."""

    # Chosen by the page for each message, so sending it again after a lost connection does
    # not post it twice.
    client_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    # The message this one answers; one of another conversation is ignored (`send`).
    reply_to = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, workspace=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = False
        if workspace is not None:
            attachments.add_fields(self, workspace, user, from_library=True)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("body", "").strip() and not attachments.carried(self):
            self.add_error("body", self.fields["body"].error_messages["required"])
        return cleaned

    def chosen_attachments(self):
        return attachments.chosen(self)


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        name = user.get_display_name()
        return f"{name} · {user.title}" if user.title else name


class StartForm(forms.Form):
    """Who to talk to: one person for a one-to-one conversation, several for a group."""

    people = PersonChoice(label=_("People"), queryset=None, widget=forms.CheckboxSelectMultiple)
    title = forms.CharField(
        label=_("Name of the group"),
        max_length=120,
        required=False,
        help_text=_("For a group only: say what it is about."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )

    def __init__(self, workspace, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people of this workspace: nobody is reached with whom no workspace is shared.
        self.fields["people"].queryset = (
            workspace.people_with_access().exclude(pk=user.pk).order_by("display_name", "pk")
        )

    def clean_people(self):
        people = list(self.cleaned_data["people"])
        if len(people) > GROUP_MAX_PEOPLE:
            raise ValidationError(
                ngettext_lazy(
                    "A group can have at most %(limit)d other person.",
                    "A group can have at most %(limit)d other people.",
                    "limit",
                ),
                params={"limit": GROUP_MAX_PEOPLE},
            )
        return people
