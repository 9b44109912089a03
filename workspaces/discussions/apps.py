from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    """Discussions and concerns that members start in their workspace, and the replies to them."""

    name = "workspaces.discussions"
    label = "discussions"
    verbose_name = _("Discussions")

    def ready(self):
        from workspaces import pages

        from . import thread
        from .models import DiscussionPage

        pages.register(DiscussionPage, thread.serve, load=thread.load)
