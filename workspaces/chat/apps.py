from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    """Live chat inside a workspace: its room, and conversations between its people."""

    name = "workspaces.chat"
    label = "chat"
    verbose_name = _("Chat")

    def ready(self):
        from . import signal_handlers  # noqa: F401
