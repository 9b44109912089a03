"""Files sent with a post: what the composer of a discussion, a reply or a chat message attaches
while its author is still writing.

The composer uploads each chosen file at once, in the background, to the library's upload
address marked as pending: it is checked and stored like any file, but stays out of the library
and unreachable by address until the post it goes with is sent. The post's form carries the ids
of its author's pending files (and, without JavaScript, the files themselves); once the post is
saved they join the library, attached to it. A failed upload touches nothing the author typed.

The files feature registers itself here in its `AppConfig.ready()`, so the features that post
never import it. Without it, discussions and replies simply carry no files. (Chat messages name
the files they carry in a relation of their own, so chat needs the files feature installed.)
The composer's script is `workspaces/static/workspaces/attachments.js`, its list of files
`workspaces/includes/attached_files.html`.
"""

from django import forms
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

# The fields `add_fields` gives a post's form: ids of files already uploaded, files sent with
# the form itself, and (for posts that keep their files themselves) ids of library files.
PENDING, UPLOADS, SHARED = "attachments", "attach", "shared"
FIELDS = (PENDING, UPLOADS, SHARED)

_files = None


def register(files):
    """`files` offers `pending(workspace, user)`, the files `user` uploaded in `workspace` for a
    post not yet sent; `uploads_field()`, a form field of files sent with the form;
    `attach(workspace, user, pending, uploads, discussion, reply)`, which files them in the
    library (under the discussion and reply, if given) and returns them; `library(workspace, query)`,
    the files the library lists, the latest first, those holding every word of `query` if given; and `shown()`, files with what a post shows of them."""
    global _files
    _files = files


def add_fields(form, workspace, user, *, from_library=False):
    """Give a post's `form` the fields that carry its attachments; `from_library`, for a post
    that keeps its files itself, files of the library too."""
    if _files is None:
        return
    if from_library:
        form.fields[SHARED] = forms.ModelMultipleChoiceField(
            queryset=_files.library(workspace), required=False, widget=forms.MultipleHiddenInput
        )
    form.fields[PENDING] = forms.ModelMultipleChoiceField(
        queryset=_files.pending(workspace, user),
        required=False,
        widget=forms.MultipleHiddenInput,
        error_messages={
            "invalid_choice": _(
                "A file you attached is no longer waiting to be sent. Attach it again."
            ),
        },
    )
    form.fields[UPLOADS] = _files.uploads_field()


def chosen(form):
    """The pending files a bound `form` carries, to show them again beside its errors."""
    if _files is None or PENDING not in form.fields or not form.is_bound:
        return []
    ids = [pk for pk in form[PENDING].value() or [] if str(pk).isdigit()]
    return list(form.fields[PENDING].queryset.filter(pk__in=ids)) if ids else []


def carried(form):
    """Does the valid `form` carry any file?"""
    return any(form.cleaned_data.get(name) for name in FIELDS)


def library(workspace, query=""):
    """The files of `workspace`'s library, the latest first (those holding every word of
    `query`, if given), to share one in a post; None without the files feature."""
    return _files.library(workspace, query) if _files is not None else None


def prefetch(lookup):
    """`lookup` (a relation to files) to prefetch with what a post shows of each file."""
    if _files is None:
        return lookup
    return Prefetch(lookup, queryset=_files.shown())


def post_data(form):
    """The valid `form`'s data without its attachments: what the post itself is made of."""
    return {name: value for name, value in form.cleaned_data.items() if name not in FIELDS}


def attach(form, workspace, user, *, discussion=None, reply=None):
    """File the valid `form`'s attachments in the library, under the post just saved if it is
    a discussion or a reply, in the same transaction; the files, for a post that keeps them
    itself."""
    pending = form.cleaned_data.get(PENDING) or []
    uploads = form.cleaned_data.get(UPLOADS) or []
    shared = list(form.cleaned_data.get(SHARED) or [])
    if _files is None or not (pending or uploads):
        return shared
    with transaction.atomic():
        filed = _files.attach(workspace, user, pending, uploads, discussion=discussion, reply=reply)
    return [*filed, *shared]
