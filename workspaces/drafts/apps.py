from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftsConfig(AppConfig):
    """Texts a workspace writes together: revisions, merges, comments, exports and papers."""

    name = "workspaces.drafts"
    label = "drafts"
    verbose_name = _("Drafts")

    def ready(self):
        from workspaces import pages, search

        from . import sections
        from .models import DraftPage

        pages.register(DraftPage, sections.serve)
        search.register("drafts", _("Drafts"), DraftPage.objects.in_workspace)
