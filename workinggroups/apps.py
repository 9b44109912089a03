from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkinggroupsConfig(AppConfig):
    """The public face of the working groups: what they work on and the papers they publish.

    Public side: it never imports `workspaces` and holds nothing about who is in a group.
    """

    name = "workinggroups"
    verbose_name = _("Working groups")
