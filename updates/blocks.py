"""What the body of an update can hold: text, headings, quotes and captioned images."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "updates/blocks/paragraph.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        help_text = _("A section heading inside the update.")
        form_classname = "title"
        template = "updates/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, help_text=_("Who said or wrote it.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "updates/blocks/quote.html"


class CaptionedImageValue(blocks.StructValue):
    def alt_text(self):
        """The editor's text for this use of the image, else the image's own description."""
        return self.get("alt") or self["image"].default_alt_text


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    # Read by screen readers, never shown: it stays out of the visible text that search indexes.
    alt = blocks.CharBlock(
        label=_("Text alternative"),
        required=False,
        search_index=False,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "updates/blocks/captioned_image.html"
        value_class = CaptionedImageValue


class UpdateStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
