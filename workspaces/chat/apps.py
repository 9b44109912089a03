from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    """Live chat inside a workspace: its room, and conversations between its people."""

    name = "workspaces.chat"
    label = "chat"
    verbose_name = _("Chat")

    def ready(self):
        from workspaces.models import register_navigation_fact

        from . import signal_handlers  # noqa: F401
        from .unread import unread_in_workspace

        # The count beside the Chat tab, in the gate's own query.
        register_navigation_fact("chat_unread", unread_in_workspace)
