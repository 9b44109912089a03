"""The files feature's side of `workspaces.attachments`: pending files, and filing them under
the post they were sent with."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import UploadsField, upload_help
from .models import WorkspaceFile

# A pending file older than this was attached to a post its author never sent.
PENDING_KEPT = datetime.timedelta(days=2)


def forget_unsent(workspace, user, now=None):
    """Remove what `user` uploaded in `workspace` for posts they never sent; the bytes follow
    the rows (`signal_handlers`)."""
    cutoff = (now or timezone.now()) - PENDING_KEPT
    stale = WorkspaceFile.objects.in_workspace(workspace).pending()
    for file in stale.filter(uploaded_by=user, created_at__lt=cutoff):
        file.delete()


class PostAttachments:
    def pending(self, workspace, user):
        return WorkspaceFile.objects.in_workspace(workspace).pending().filter(uploaded_by=user)

    def uploads_field(self):
        return UploadsField(label=_("Attach files"), required=False, help_text=upload_help())

    def library(self, workspace, query=""):
        files = WorkspaceFile.objects.in_workspace(workspace).in_library()
        return files.search(query).with_versions().sorted_by("recent")

    def shown(self):
        return WorkspaceFile.objects.posted().with_versions().order_by("kind", "created_at")

    def attach(self, workspace, user, pending, uploads, *, discussion=None, reply=None):
        posted = WorkspaceFile.objects.filter(pk__in=[file.pk for file in pending])
        # Uploaded before the post existed, they join the library with it, as new as it is.
        posted.update(
            in_library=True,
            attached_to=discussion,
            reply=reply,
            updated_at=timezone.now(),
        )
        sent_with_form = [
            WorkspaceFile.create(
                workspace, author=user, upload=checked, attached_to=discussion, reply=reply
            )
            for checked in uploads
        ]
        forget_unsent(workspace, user)
        return [*posted, *sent_with_form]
