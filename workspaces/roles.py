"""The roles people hold in a workspace, and what one user may do in one workspace.

`WorkspacePage.access_for(user)` (in `workspaces.models`) answers with an `Access`; the gate
checks its properties by name (`workspace_view(needs="can_post")`) and templates read them.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    OFFICER = "officer", _("Technical officer")
    FOCAL_POINT = "focal_point", _("Focal point")

    @classmethod
    def label_for(cls, role, gender=""):
        """The role's name as said of a person of `gender` (`User.gender`): Arabic says عضوة
        and مقرّرة of a woman. The plain label when the person has not said."""
        if gender == "f":
            return WOMEN_LABELS[cls(role)]
        return cls(role).label


WOMEN_LABELS = {
    Role.MEMBER: pgettext_lazy("role of a woman", "Member"),
    Role.RAPPORTEUR: pgettext_lazy("role of a woman", "Rapporteur"),
    Role.OFFICER: pgettext_lazy("role of a woman", "Technical officer"),
    Role.FOCAL_POINT: pgettext_lazy("role of a woman", "Focal point"),
}


# The FAQ gives rapporteurs exactly a member's rights; they are only marked as rapporteurs.
POSTING_ROLES = {Role.MEMBER, Role.RAPPORTEUR}
MODERATING_ROLES = {Role.OFFICER}


@dataclass(frozen=True)
class Access:
    """What one user may do in one workspace. `role` is None for staff without a membership."""

    workspace: object  # the WorkspacePage
    role: str | None
    is_staff: bool
    needs_code_of_conduct: bool = False
    # The user's `gender`, which their role's name agrees with.
    gender: str = ""

    @property
    def role_label(self):
        return Role.label_for(self.role, self.gender) if self.role else None

    @property
    def can_view(self):
        return self.is_staff or self.role is not None

    @property
    def can_post(self):
        return (
            self.role in POSTING_ROLES and self.workspace.is_open and not self.needs_code_of_conduct
        )

    @property
    def can_moderate(self):
        return self.is_staff or self.role in MODERATING_ROLES

    @property
    def can_report(self):
        return self.role is not None and self.role not in MODERATING_ROLES
