"""What a draft is made of: the kinds of draft, the sections each kind has, and the ways a text
leaves its workspace. Plain definitions, read by the models, forms, views and exports alike.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    name: str
    label: str
    help_text: str = ""


class Kind(models.TextChoices):
    TEXT = "text", _("Co-drafted text")
    BRIEFING = "briefing", _("Briefing note")


class Release(models.TextChoices):
    """The ways a text leaves the workspace."""

    PDF = "pdf", _("PDF export")
    DOCX = "docx", _("Word export")
    PAPER = "paper", _("Publication as a paper")


TITLE = Section("title", _("Title"))


SECTIONS = {
    Kind.TEXT: (Section("body", _("Text")),),
    Kind.BRIEFING: (
        Section("issues", _("Issues discussed")),
        Section("agreement", _("Areas of agreement")),
        Section(
            "divergent_views",
            _("Divergent views"),
            _("State each view in its own paragraph or list item, never who holds it."),
        ),
        Section("recommendations", _("Recommendations")),
    ),
}
TEXT_FIELDS = ("body", "issues", "agreement", "divergent_views", "recommendations")
