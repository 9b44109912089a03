from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspacesConfig(AppConfig):
    """The private page trees of the working groups. The public apps never import this one."""

    name = "workspaces"
    verbose_name = _("Workspaces")
