from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.pages import ViewRestrictionsMixin
from search.index import NormalisedSearchMixin

from .blocks import ANSWER_FEATURES, FAQBodyBlock, assign_anchors, html_to_text


class FAQPage(ViewRestrictionsMixin, NormalisedSearchMixin, Page):
    """Questions and answers about the working groups, one page per language under the home page.

    The whole body is one StreamField, so the page renders from its own row whatever the number
    of questions.
    """

    intro = RichTextField(
        _("introduction"),
        features=ANSWER_FEATURES,
        blank=True,
        help_text=_("Shown above the list of questions."),
    )
    body = StreamField(FAQBodyBlock(), verbose_name=_("questions and answers"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        *NormalisedSearchMixin.normalised_search_fields,
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ page")

    def sections(self):
        """The body's sections, each question and heading carrying its page-unique anchor."""
        return assign_anchors([child.value for child in self.body])

    def questions(self):
        return [question for section in self.sections() for question in section["questions"]]

    def structured_data(self, sections=None):
        """schema.org FAQPage data, built from the same blocks as the visible questions."""
        sections = self.sections() if sections is None else sections
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "name": self.title,
            "inLanguage": self.locale.language_code,
            "mainEntity": [
                question.structured_data()
                for section in sections
                for question in section["questions"]
            ],
        }

    def plain_text(self):
        """The page's visible text without markup: intro, headings, questions and answers."""
        parts = [html_to_text(self.intro)]
        parts.extend(section.plain_text() for section in self.sections())
        return " ".join(part for part in parts if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        context["sections"] = sections
        context["structured_data"] = self.structured_data(sections)
        return context
