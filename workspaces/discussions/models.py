"""Discussions and concerns members start in their workspace, and their replies.

A discussion is a page below its workspace, so it inherits the workspace's view restriction and
shows in Wagtail's page history; replies are ordinary rows, many per discussion. The discussion
keeps its reply count and last activity itself, exact on every reply created, hidden or
restored, so a list of discussions costs the same few queries however long the threads are.
Each reply keeps its place in the thread: a page of it, and the page a reply is on, are found
without counting the replies before.
"""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.log_actions import log
from wagtail.models import Page, PageManager
from wagtail.models.pages import PageQuerySet

from search.text import normalise
from workspaces.markup import RenderedBody, excerpt
from workspaces.models import Role
from workspaces.moderation.models import Moderated
from workspaces.pages import FeaturePageMixin
from workspaces.scoping import InWorkspaceQuerySet
from workspaces.slugs import free_slug

from .reading import ReadState

REPLIES_PER_PAGE = 20
TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 20_000
REPLY_MAX_LENGTH = 10_000


def edit_window():
    return datetime.timedelta(minutes=settings.POST_EDIT_WINDOW_MINUTES)


class DiscussionTag(TagBase):
    """Tags of discussions, apart from taggit's shared table: the admin offers that one to
    editors for images and documents, and private tag names must not surface there."""

    class Meta:
        verbose_name = _("discussion tag")
        verbose_name_plural = _("discussion tags")


class TaggedDiscussion(ItemBase):
    tag = models.ForeignKey(
        DiscussionTag, on_delete=models.CASCADE, related_name="tagged_discussions"
    )
    content_object = ParentalKey(
        "discussions.DiscussionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DiscussionQuerySet(InWorkspaceQuerySet, PageQuerySet):
    def with_read_state(self, user):
        """Annotate `last_read_at` for `user`; `is_unread` reads it without another query."""
        read = ReadState.objects.filter(user=user, discussion=OuterRef("pk"))
        return self.annotate(last_read_at=Subquery(read.values("last_read_at")[:1]))

    def for_listing(self, user):
        return (
            self.with_read_state(user)
            .select_related("owner")
            .prefetch_related("tags")
            .order_by("-last_activity_at", "-pk")
        )

    def matching(self, words):
        """Every word of a normalised query must occur in the folded title and text."""
        return self.filter(*[Q(search_text__contains=word) for word in words])


class DiscussionManager(PageManager.from_queryset(DiscussionQuerySet)):
    pass


class DiscussionPage(FeaturePageMixin, RenderedBody, Moderated, Page):
    """A discussion or a concern raised by a member, with its replies below it."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Discussion")
        CONCERN = "concern", _("Concern")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DISCUSSION)
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(blank=True, editable=False)
    tags = ClusterTaggableManager(through=TaggedDiscussion, blank=True, verbose_name=_("tags"))
    focal_point_invited = models.BooleanField(
        _("focal point invited"),
        default=False,
        help_text=_("The group's focal point in the envoy's office may reply."),
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True, editable=False)
    reply_count = models.PositiveIntegerField(_("replies"), default=0, editable=False)
    last_activity_at = models.DateTimeField(
        _("last activity"), default=timezone.now, editable=False, db_index=True
    )
    # Title and text folded by `search.text.normalise`, matched by the workspace search.
    search_text = models.TextField(blank=True, editable=False)

    objects = DiscussionManager()

    moderation_key = "discussion"
    moderation_url_namespace = "workspaces:discussions"
    moderation_anchor = "post"  # the opening post's element on the thread page

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("focal_point_invited"),
    ]

    parent_page_types = ["workspaces.WorkspacePage"]
    subpage_types = []

    # Fields that describe the thread as it is now, not a version of its text: publishing a
    # revision must never bring back an old count or undo a moderator's decision.
    LIVE_STATE_FIELDS = (
        "reply_count",
        "last_activity_at",
        "hidden",
        "hidden_reason",
        "hidden_by_id",
        "hidden_at",
    )

    class Meta:
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def save(self, *args, **kwargs):
        self.search_text = normalise(f"{self.title}\n{self.body}")
        self.render_body()
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for field in self.LIVE_STATE_FIELDS:
            setattr(obj, field, getattr(self, field))
        return obj

    # -- Starting and editing ----------------------------------------------------------------

    @classmethod
    @transaction.atomic
    def create(cls, workspace, *, author, title, body, kind, tags=(), focal_point_invited=False):
        """Publish a new discussion below `workspace`, as `author`, with Wagtail's history."""
        discussion = cls(
            title=title,
            slug=free_slug(workspace, title, fallback="discussion"),
            body=body,
            kind=kind,
            focal_point_invited=focal_point_invited,
            owner=author,
            last_activity_at=timezone.now(),
        )
        discussion.tags.set(list(tags))
        workspace.add_child(instance=discussion)
        log(instance=discussion, action="wagtail.create", user=author)
        revision = discussion.save_revision(user=author)
        # Members hold no Wagtail page permission; the workspace views decided they may post.
        revision.publish(user=author, skip_permission_checks=True)
        return discussion

    @transaction.atomic
    def revise(self, *, user, title, body, kind, tags=(), focal_point_invited=False):
        """Save the author's edit as a new revision and publish it."""
        self.title = title
        self.body = body
        self.kind = kind
        self.focal_point_invited = focal_point_invited
        self.edited_at = timezone.now()
        self.tags.set(list(tags))
        revision = self.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        self.refresh_activity()

    # -- Replies and activity ----------------------------------------------------------------

    @transaction.atomic
    def add_reply(self, *, author, body):
        """Post a reply at the end of the thread.

        The discussion row is locked before the reply is made, so replies arriving together
        take the next places (and creation times) one after the other.
        """
        self._lock()
        reply = Reply.objects.create(discussion=self, author=author, body=body)
        self._recount()
        return reply

    @transaction.atomic
    def refresh_activity(self):
        """Recount visible replies and the latest activity from the rows themselves.

        The discussion row is locked first, so replies arriving together are counted one after
        the other and the stored numbers are never off by a concurrent write.
        """
        self._lock()
        self._recount()

    def _lock(self):
        """Hold the discussion's row until the transaction ends (inside `transaction.atomic`)."""
        DiscussionPage.objects.select_for_update().filter(pk=self.pk).values_list("pk").first()

    def _recount(self):
        visible = Reply.objects.filter(discussion_id=self.pk, hidden=False).aggregate(
            count=Count("pk"), latest=Max("created_at")
        )
        started = self.first_published_at or self.last_activity_at
        latest = max(filter(None, [visible["latest"], started]))
        DiscussionPage.objects.filter(pk=self.pk).update(
            reply_count=visible["count"], last_activity_at=latest
        )
        self.reply_count, self.last_activity_at = visible["count"], latest

    def can_reply(self, access):
        """Members and rapporteurs reply; the focal point only where the author invited them."""
        if self.hidden or not access.workspace.is_open or access.needs_code_of_conduct:
            return False
        if access.can_post:
            return True
        return access.role == Role.FOCAL_POINT and self.focal_point_invited

    def is_editable_by(self, user, access, now=None):
        return (
            self.owner_id == user.pk
            and not self.hidden
            and access.can_post
            and self.first_published_at is not None
            and (now or timezone.now()) < self.first_published_at + edit_window()
        )

    @property
    def is_unread(self):
        """Needs `with_read_state()`: new activity since the user last opened the thread."""
        last_read_at = getattr(self, "last_read_at", None)
        return last_read_at is None or self.last_activity_at > last_read_at

    def last_reply_position(self):
        """The place of the thread's latest reply (0 when there is none): one seek at the end
        of the (discussion, position) index, however long the thread."""
        return self.replies.aggregate(last=Max("position"))["last"] or 0

    def page_of(self, reply):
        """The page of the thread on which `reply` is shown (replies oldest first): its place
        says it, without a query."""
        return (reply.position - 1) // REPLIES_PER_PAGE + 1

    def reply_url(self, reply):
        page = self.page_of(reply)
        query = f"?page={page}" if page > 1 else ""
        return f"{self.url}{query}#reply-{reply.pk}"

    # -- Moderation ----------------------------------------------------------------------------

    @property
    def moderation_author_id(self):
        return self.owner_id

    def get_moderation_url(self, workspace):
        return self.url

    def moderation_excerpt(self):
        return excerpt(f"{self.title}: {self.body}", 160)


class ReplyQuerySet(InWorkspaceQuerySet, models.QuerySet):
    workspace_field = "workspace"

    # By the reply's own workspace column rather than a subquery of the workspace's discussions:
    # "the latest replies here" is then read from the (workspace, created_at, id) index in the
    # order wanted, however many replies the workspace holds (1 ms instead of 56 at 5,000).
    # Only the discussion's being live is asked of the discussion.
    def in_workspace(self, workspace):
        return super().in_workspace(workspace).filter(discussion__live=True)

    def in_workspaces(self, workspaces):
        return super().in_workspaces(workspaces).filter(discussion__live=True)

    def matching(self, words):
        """Every word of a normalised query must occur in the folded text."""
        return self.filter(*[Q(search_text__contains=word) for word in words])

    def on_page(self, number, per_page=REPLIES_PER_PAGE):
        """The replies of page `number` of a thread, oldest first: a range of places, read from
        the (discussion, position) index, where OFFSET would step over every earlier reply."""
        first, last = (number - 1) * per_page, number * per_page
        return self.filter(position__gt=first, position__lte=last).order_by("position")


class Reply(RenderedBody, Moderated):
    discussion = models.ForeignKey(
        DiscussionPage,
        verbose_name=_("discussion"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    # The discussion's workspace, kept on the row for the indexes below.
    workspace = models.ForeignKey(
        "workspaces.WorkspacePage", on_delete=models.CASCADE, editable=False, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="discussion_replies",
    )
    body = models.TextField(_("text"), max_length=REPLY_MAX_LENGTH)
    body_html = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    search_text = models.TextField(blank=True, editable=False)
    # The reply's place in its thread, from 1, in the order replies were posted; hidden replies
    # keep theirs, as the thread shows them as placeholders. A page of the thread is a range of
    # places (`on_page`), and a reply's page follows from its own (`DiscussionPage.page_of`).
    # Places are never reused: a deleted reply (a discussion's deletion takes all of them; a
    # user's deletion takes theirs) leaves a gap, and the page it was on shows one reply fewer.
    position = models.PositiveIntegerField(editable=False)

    objects = ReplyQuerySet.as_manager()

    moderation_key = "reply"
    moderation_url_namespace = "workspaces:discussions"

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at", "pk"]
        # Its index serves the pages of a thread and the place of its latest reply.
        constraints = [
            models.UniqueConstraint(fields=["discussion", "position"], name="one_reply_per_place")
        ]
        # The first reply of a thread since a moment (the first new one for a returning reader:
        # one seek by time, where going by place would walk the replies read already), and the
        # latest replies of a workspace.
        indexes = [
            models.Index(fields=["discussion", "created_at", "id"]),
            models.Index(fields=["workspace", "created_at", "id"]),
        ]

    def __str__(self):
        return excerpt(self.body, 60)

    def save(self, *args, **kwargs):
        self.derive()
        if self.position is None:
            # The next place in the thread. Writers that may meet others take the discussion's
            # lock first (`DiscussionPage.add_reply`); the unique constraint turns any race
            # left into an error, never two replies in one place.
            self.position = self.discussion.last_reply_position() + 1
        return super().save(*args, **kwargs)

    def derive(self):
        """Fill what the row keeps of its text and its thread; `save` does it, and so must
        anything that writes replies in bulk. It asks no query: bulk writers, who know the
        order they write in, set `position` themselves."""
        if self.workspace_id is None:
            self.workspace_id = self.discussion.workspace.pk
        self.search_text = normalise(self.body)
        self.render_body()
        return self

    def revise(self, *, body):
        self.body = body
        self.edited_at = timezone.now()
        self.save(update_fields=["body", "edited_at", "search_text", "body_html"])

    def is_editable_by(self, user, access, now=None):
        return (
            self.author_id == user.pk
            and not self.hidden
            and self.discussion.can_reply(access)
            and (now or timezone.now()) < self.created_at + edit_window()
        )

    @property
    def moderation_author_id(self):
        return self.author_id

    def get_moderation_url(self, workspace):
        return reverse("workspaces:discussions:reply", args=[workspace.slug, self.pk])

    def moderation_excerpt(self):
        return excerpt(self.body)

    def moderation_changed(self):
        self.discussion.refresh_activity()
