from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """Documents and images of a workspace, kept outside every public storage and URL."""

    name = "workspaces.files"
    label = "files"
    verbose_name = _("Workspace files")

    def ready(self):
        from workspaces import attachments, search

        from . import (
            signal_handlers,  # noqa: F401
            views,
        )
        from .attachments import PostAttachments
        from .models import WorkspaceFile

        attachments.register(PostAttachments())
        search.register(
            "library",
            _("Files"),
            lambda workspace: WorkspaceFile.objects.in_workspace(workspace).in_library(),
            more_url=views.library_search_url,
        )
