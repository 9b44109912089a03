from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PaperStreamBlock(blocks.StreamBlock):
    """A paper's body: headed sections of text, as the rapporteurs' notes are written."""

    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        label=_("Heading"),
        template="workinggroups/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        label=_("Text"),
    )

    class Meta:
        label = _("Paper body")
