from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(Page):
    """The public front door, one per language (the English one is a translation)."""

    intro = RichTextField(
        _("introduction"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("Two or three sentences on what the Civil Society Support Room is."),
    )
    faq_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("FAQ page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The questions and answers about the working groups."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("faq_page"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        faq = self.faq_page
        if faq is not None:
            # Follow the editor's choice into the visitor's language when it exists there.
            faq = faq.get_translation_or_none(self.locale) or faq
            context["faq"] = faq if faq.live else None
        return context


@register_setting(icon="mail")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Shown on the home page and in the footer of every page."),
    )

    class Meta:
        verbose_name = _("site settings")
