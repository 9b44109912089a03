from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search over public pages, and the Arabic normalisation every search shares."""

    name = "search"
    verbose_name = _("Search")
