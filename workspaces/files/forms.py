from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from taggit.forms import TagField

from .checks import ACCEPT, Kind, check_upload
from .models import WorkspaceFile


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class UploadsField(forms.FileField):
    """One or several files, each checked in full; cleans to a list of `CheckedUpload`.

    Every refused file is named in its own error, and no file is kept when any is refused, so
    the form can be sent again as it is. Discussion forms use this field for attachments. More
    than `WORKSPACE_UPLOAD_MAX_FILES` are refused before any is read: each checked file is held
    in memory until all have passed.
    """

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Files"))
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        if not uploads:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        limit = settings.WORKSPACE_UPLOAD_MAX_FILES
        if len(uploads) > limit:
            raise ValidationError(
                ngettext_lazy(
                    "You can upload at most %(limit)d file at once; you chose %(count)d.",
                    "You can upload at most %(limit)d files at once; you chose %(count)d.",
                    "limit",
                ),
                code="count",
                params={"limit": limit, "count": len(uploads)},
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check_upload(upload))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return checked


def upload_help():
    limits = _(
        "Documents (PDF, Word, Excel, PowerPoint, OpenDocument, text) and images (JPEG, PNG, "
        "GIF, WebP, HEIC), up to %(limit)s each."
    ) % {"limit": filesizeformat(settings.WORKSPACE_UPLOAD_MAX_BYTES)}
    stripped = _("Photos are kept without their location and camera details.")
    return f"{limits} {stripped}"


class UploadForm(forms.Form):
    files = UploadsField()
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use each file's name. Used for a single file only."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    tags = TagField(label=_("Tags"), required=False, help_text=_("Separate tags with commas."))
    attach_to = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)
    # Sent by a post's composer: the file waits for the post (`workspaces.attachments`).
    pending = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, workspace, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        # Only discussions of this workspace can carry its files.
        self.fields["attach_to"].queryset = WorkspaceFile.attachable_in(workspace)
        self.fields["files"].help_text = upload_help()
        for name in ("title", "description"):
            self.fields[name].widget.attrs["dir"] = "auto"

    def save(self, user):
        uploads = self.cleaned_data["files"]
        title = self.cleaned_data["title"] if len(uploads) == 1 else ""
        pending = self.cleaned_data["pending"]
        return [
            WorkspaceFile.create(
                self.workspace,
                author=user,
                upload=checked,
                title=title,
                description=self.cleaned_data["description"],
                tags=self.cleaned_data["tags"],
                attached_to=None if pending else self.cleaned_data["attach_to"],
                in_library=not pending,
            )
            for checked in uploads
        ]


class VersionForm(forms.Form):
    file = UploadsField(label=_("New version"), widget=forms.FileInput)

    def __init__(self, workspace_file, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace_file = workspace_file
        self.fields["file"].help_text = upload_help()

    def clean_file(self):
        checked = self.cleaned_data["file"]
        if len(checked) != 1:
            raise ValidationError(_("Choose one file."), code="count")
        if checked[0].kind != self.workspace_file.kind:
            raise ValidationError(
                _("A new version must be of the same kind as the file (%(kind)s)."),
                code="kind",
                params={"kind": self.workspace_file.get_kind_display()},
            )
        return checked[0]

    def save(self, user):
        return self.workspace_file.add_version(self.cleaned_data["file"], user)


class LibraryFilterForm(forms.Form):
    # A search field: phones show a search key on their keyboard for it.
    q = forms.CharField(
        label=_("Search the library"), required=False, max_length=200, widget=forms.SearchInput
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All files")), *Kind.choices]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("recent", _("Recently updated")),
            ("title", _("Title")),
            ("oldest", _("Oldest first")),
        ],
    )
    tag = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"dir": "auto", "type": "search"})

    def filter(self, files):
        if not self.is_valid():
            return files.sorted_by("recent")
        data = self.cleaned_data
        if data["q"]:
            files = files.search(data["q"])
        if data["kind"]:
            files = files.filter(kind=data["kind"])
        if data["tag"]:
            files = files.filter(tags__slug=data["tag"])
        return files.sorted_by(data["sort"] or "recent")
