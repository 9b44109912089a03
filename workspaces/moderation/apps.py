from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Hiding and restoring posts, members' reports and the log of every moderation action.

    Kept apart from discussions because the officer moderates more than discussions (chat
    messages, comments on drafts): any model that inherits `Moderated` can be hidden, reported
    and logged through the same views, queue and log.
    """

    name = "workspaces.moderation"
    label = "moderation"
    verbose_name = _("Moderation")
