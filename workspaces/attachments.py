"""Files sent with a post: what the composer of discussions and replies attaches while its
author is still writing.

The composer uploads each chosen file at once, in the background, to the library's upload
address marked as pending: it is checked and stored like any file, but stays out of the library
and unreachable by address until the post it goes with is sent. The post's form carries the ids
of its author's pending files (and, without JavaScript, the files themselves); once the post is
saved they join the library, attached to it. A failed upload touches nothing the author typed.

The files feature registers itself here in its `AppConfig.ready()`, so the discussions feature,
which posts, never imports it. Without it, posts simply carry no files.
"""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

# The fields `add_fields` gives a post's form: ids of files already uploaded, and files sent
# with the form itself.
PENDING, UPLOADS = "attachments", "attach"
FIELDS = (PENDING, UPLOADS)

_files = None


def register(files):
    """`files` offers `pending(workspace, user)`, the files `user` uploaded in `workspace` for a
    post not yet sent; `uploads_field()`, a form field of files sent with the form; and
    `attach(workspace, user, pending, uploads, discussion, reply)`, which files them under the
    post and returns them."""
    global _files
    _files = files


def add_fields(form, workspace, user):
    """Give a post's `form` the fields that carry its attachments."""
    if _files is None:
        return
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


def post_data(form):
    """The valid `form`'s data without its attachments: what the post itself is made of."""
    return {name: value for name, value in form.cleaned_data.items() if name not in FIELDS}


def attach(form, workspace, user, *, discussion, reply=None):
    """File the valid `form`'s attachments under the post just saved, in the same transaction."""
    pending = form.cleaned_data.get(PENDING) or []
    uploads = form.cleaned_data.get(UPLOADS) or []
    if _files is None or not (pending or uploads):
        return []
    with transaction.atomic():
        return _files.attach(workspace, user, pending, uploads, discussion=discussion, reply=reply)
