"""Periodic updates to participants: one index per language, the updates under it, their feeds."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.segments import StringSegmentValue

from core.pages import ViewRestrictionsMixin, exclude_restricted
from search.index import NormalisedSearchMixin

from .blocks import UpdateStreamBlock
from .feeds import UpdatesAtomFeed, UpdatesRssFeed

UPDATES_PER_PAGE = 10
FEED_LENGTH = 20


class UpdatePageQuerySet(PageQuerySet):
    def published(self):
        """What anyone may read: live, and outside every view restriction."""
        return exclude_restricted(self.live())

    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def with_tags(self):
        return self.prefetch_related("tags")


UpdatePageManager = PageManager.from_queryset(UpdatePageQuerySet)


class TranslatableTags(ClusterTaggableManager):
    """Tags that wagtail-localize translates with the rest of the page.

    A tag name is a word in one language: an English update filed under an Arabic tag would show
    Arabic words and lead to an empty English listing. Each tag name is therefore a segment to
    translate, and the translated page carries the tags named by the translations.
    """

    def get_translatable_segments(self, tags):
        return [StringSegmentValue(tag.slug, tag.name) for tag in tags]

    def restore_translated_segments(self, tags, segments):
        names = {segment.path: segment.render_text() for segment in segments}
        return [names.get(tag.slug, tag.name) for tag in tags]

    def __set__(self, instance, names):
        # wagtail-localize assigns the restored value to the field's attribute.
        self.__get__(instance, type(instance)).set(names)


class TaggedUpdate(TaggedItemBase):
    content_object = ParentalKey(
        "updates.UpdatePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("update tag")
        verbose_name_plural = _("update tags")


class UpdateIndexPage(ViewRestrictionsMixin, RoutablePageMixin, NormalisedSearchMixin, Page):
    """The list of updates in one language, newest first, with its RSS and Atom feeds.

    The feeds are routes of this page rather than URLconf entries: they follow the page's slug and
    language, answer 404 when it is unpublished, sit behind its view restriction if it gets one,
    and share the public page cache (emptied on every publication) with the page itself.
    """

    search_fields = Page.search_fields + NormalisedSearchMixin.normalised_search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["updates.UpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("update index")

    def updates(self):
        return (
            UpdatePage.objects.child_of(self)
            .filter(locale_id=self.locale_id)
            .published()
            .newest_first()
            .with_tags()
        )

    def feed_updates(self):
        return self.updates()[:FEED_LENGTH]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        updates = self.updates()
        tag_slug = request.GET.get("tag", "").strip()
        if tag_slug:
            updates = updates.filter(tags__slug=tag_slug)
            # An unknown slug (a stale link) still shows the filter and the way out of it.
            tag = Tag.objects.filter(slug=tag_slug).first()
            context["active_tag"] = tag.name if tag else tag_slug
        page_obj = Paginator(updates, UPDATES_PER_PAGE).get_page(request.GET.get("page"))
        context["page_obj"] = page_obj
        context["updates"] = page_obj.object_list
        return context

    def feed_url(self, request, kind):
        return self.get_url(request) + self.reverse_subpage(f"{kind}_feed")

    def full_feed_url(self, request, kind):
        return request.build_absolute_uri(self.feed_url(request, kind))

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        return UpdatesRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return UpdatesAtomFeed(self)(request)


class UpdatePage(ViewRestrictionsMixin, NormalisedSearchMixin, Page):
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date the update is about or was sent; lists and feeds sort by it."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences shown in lists, on the home page and in feeds."),
    )
    body = StreamField(UpdateStreamBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the update."),
    )
    tags = TranslatableTags(verbose_name=_("tags"), through=TaggedUpdate, blank=True)

    objects = UpdatePageManager()

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        *NormalisedSearchMixin.normalised_search_fields,
    ]

    parent_page_types = ["updates.UpdateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def plain_text(self):
        """The text a reader sees below the title: summary, then the body without markup."""
        parts = [self.summary, *self.body.stream_block.get_searchable_content(self.body)]
        return "\n".join(part.strip() for part in parts if part and part.strip())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.index_page()
        context["previous_update"], context["next_update"] = self.neighbours()
        return context

    def neighbours(self):
        """The published updates just before and just after this one in the same index."""
        siblings = (
            UpdatePage.objects.sibling_of(self, inclusive=False)
            .filter(locale_id=self.locale_id)
            .published()
        )
        earlier = Q(date__lt=self.date)
        later = Q(date__gt=self.date)
        # Same date: break the tie as the index does (publication time, then id).
        if self.first_published_at is not None:
            earlier |= Q(date=self.date, first_published_at__lt=self.first_published_at)
            later |= Q(date=self.date, first_published_at__gt=self.first_published_at)
            same_moment = Q(date=self.date, first_published_at=self.first_published_at)
        else:
            same_moment = Q(date=self.date)
        if self.pk is not None:
            earlier |= same_moment & Q(pk__lt=self.pk)
            later |= same_moment & Q(pk__gt=self.pk)
        previous = siblings.filter(earlier).newest_first().first()
        following = siblings.filter(later).order_by("date", "first_published_at", "pk").first()
        return previous, following

    def index_page(self):
        # Routing leaves the parent on the page; a link and the feed URLs need none of its own
        # fields, so this costs no query when the page is served.
        return self.get_parent().specific_deferred
