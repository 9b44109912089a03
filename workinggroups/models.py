from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from core.pages import ViewRestrictionsMixin, exclude_restricted
from search.index import NormalisedSearchMixin

from .blocks import PaperStreamBlock


class WorkingGroup(TranslatableMixin, models.Model):
    """A thematic working group as the public sees it: theme, term and work. Never its members."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Working")
        COMPLETED = "completed", _("Completed")

    name = models.CharField(_("name"), max_length=255)
    theme = models.CharField(_("theme"), max_length=255)
    description = RichTextField(
        _("what it works on"), features=["bold", "italic", "link", "ul"], blank=True
    )
    cohort = models.PositiveSmallIntegerField(_("cohort"), default=1)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("theme"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("cohort"),
                FieldPanel("term_start"),
                FieldPanel("term_end"),
                FieldPanel("status"),
            ],
            heading=_("Term"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["-term_start", "name"]

    def __str__(self):
        return self.name


class WorkingGroupsPage(ViewRestrictionsMixin, NormalisedSearchMixin, Page):
    """Lists the working groups of its language with the papers each has published."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + NormalisedSearchMixin.normalised_search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["workinggroups.PaperPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("working groups page")

    def plain_text(self):
        return self.intro

    def groups_with_papers(self):
        """Groups of this language, each with its live, public papers: two queries in all."""
        papers = exclude_restricted(
            PaperPage.objects.live().child_of(self).order_by("-date").defer_streamfields()
        )
        return WorkingGroup.objects.filter(locale_id=self.locale_id).prefetch_related(
            Prefetch("papers", queryset=papers, to_attr="published_papers")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups_with_papers()
        return context


class PaperPage(ViewRestrictionsMixin, NormalisedSearchMixin, Page):
    """A non-attributed paper of a working group: it names no participant, by design.

    Nothing here links back into a workspace; staff publish the text of an output as a new page.
    """

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        related_name="papers",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    body = StreamField(PaperStreamBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("working_group"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = (
        Page.search_fields
        + [index.SearchField("summary"), index.SearchField("body")]
        + NormalisedSearchMixin.normalised_search_fields
    )

    parent_page_types = ["workinggroups.WorkingGroupsPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("paper")

    def plain_text(self):
        return " ".join([self.summary, strip_tags(self.body.render_as_block())])
