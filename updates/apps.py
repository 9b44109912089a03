from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UpdatesConfig(AppConfig):
    """Periodic updates to participants, published and sent as newsletters (public)."""

    name = "updates"
    verbose_name = _("Updates")
