from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.pages import ViewRestrictionsMixin, exclude_restricted
from search.index import NormalisedSearchMixin
from updates.models import UpdateIndexPage, UpdatePage

INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(ViewRestrictionsMixin, NormalisedSearchMixin, Page):
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

    search_fields = Page.search_fields + NormalisedSearchMixin.normalised_search_fields

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    @classmethod
    def can_create_at(cls, parent):
        # One home page per language, each directly under the root; never deeper in a tree.
        return super().can_create_at(parent) and parent.is_root()

    class Meta:
        verbose_name = _("home page")

    def plain_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["faq"] = self.localised_faq_page()
        context["updates_index"] = self.updates_index()
        context["latest_updates"] = self.latest_updates()
        return context

    def updates_index(self):
        return exclude_restricted(UpdateIndexPage.objects.child_of(self).live()).first()

    def latest_updates(self, count=3):
        """The newest updates anyone may read, in this page's language."""
        return (
            UpdatePage.objects.descendant_of(self)
            .filter(locale_id=self.locale_id)
            .published()
            .newest_first()[:count]
        )

    def localised_faq_page(self):
        """The chosen FAQ in this page's language if it is live there, in one query.

        The link names no title, so a restricted choice leaks nothing; it would only ask to sign in.
        """
        if self.faq_page_id is None:
            return None
        same_page = Page.objects.filter(pk=self.faq_page_id).values("translation_key")
        return (
            Page.objects.live()
            .filter(locale_id=self.locale_id, translation_key__in=same_page)
            .first()
        )


@register_setting(icon="mail")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Shown on the home page and in the footer of every page."),
    )

    class Meta:
        verbose_name = _("site settings")
