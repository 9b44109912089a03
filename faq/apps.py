from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    """Questions and answers about the thematic working groups (public)."""

    name = "faq"
    verbose_name = _("FAQ")
