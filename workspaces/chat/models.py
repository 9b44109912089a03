"""Chat inside a workspace's walls: the workspace's room, and group and one-to-one
conversations between people of the workspace.

Every conversation belongs to one workspace and is reached only under its address, behind its
gate: whoever leaves the workspace, or is blocked in it, leaves its conversations with it. The
room is open to everyone the workspace admits; a group or one-to-one conversation only to its
participants (`Conversation.is_open_to`). Messages are never pages: no public search, feed,
cache or admin listing knows them.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.text import normalise
from workspaces import attachments, mentions
from workspaces.markup import RenderedBody, excerpt
from workspaces.models import WorkspacePage
from workspaces.moderation.models import Moderated
from workspaces.scoping import InWorkspaceQuerySet

from . import live

MESSAGE_MAX_LENGTH = 4000
# A group conversation is started with 2 to 40 other people.
GROUP_MAX_PEOPLE = 40
MESSAGES_PER_PAGE = 50


class CappedCount(Subquery):
    """How many rows `queryset` holds, counting no further than `LIMIT`: badges say "99+"
    beyond, and a count asked on every page must not grow with a backlog nobody reads."""

    LIMIT = 100
    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()

    def __init__(self, queryset):
        super().__init__(queryset.order_by().values("pk")[: self.LIMIT])


class ConversationQuerySet(InWorkspaceQuerySet, models.QuerySet):
    workspace_field = "workspace"

    def open_to(self, user):
        """The room, and the conversations `user` takes part in (of workspaces already
        checked by the access rule)."""
        takes_part = Participant.objects.filter(conversation=OuterRef("pk"), user=user)
        return self.filter(Q(kind=Conversation.Kind.ROOM) | Exists(takes_part))

    def with_unread(self, user):
        """Each conversation with `unread`: messages after the last one `user` read, not
        counting their own, up to `CappedCount.LIMIT`."""
        # Asked from inside the count below: "conversation" is the counted message's.
        read = Participant.objects.filter(conversation=OuterRef("conversation"), user=user)
        unread = (
            Message.objects.filter(conversation=OuterRef("pk"), deleted_at=None)
            .exclude(author=user)
            .filter(pk__gt=Coalesce(Subquery(read.values("last_read")[:1]), 0))
        )
        return self.annotate(unread=CappedCount(unread))


class Conversation(models.Model):
    class Kind(models.TextChoices):
        ROOM = "room", _("Workspace room")
        GROUP = "group", _("Group conversation")
        DIRECT = "direct", _("One-to-one conversation")

    workspace = models.ForeignKey(
        WorkspacePage,
        verbose_name=_("workspace"),
        on_delete=models.CASCADE,
        related_name="conversations",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Groups are named by whoever starts them; the room and one-to-one conversations are named
    # after the workspace and the other person.
    title = models.CharField(_("title"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace"], condition=Q(kind="room"), name="one_room_per_workspace"
            )
        ]
        indexes = [models.Index(fields=["workspace", "last_message_at"])]

    def __str__(self):
        return self.title or self.get_kind_display()

    @classmethod
    def room_of(cls, workspace):
        room, _created = cls.objects.get_or_create(workspace=workspace, kind=cls.Kind.ROOM)
        return room

    @classmethod
    @transaction.atomic
    def start(cls, workspace, creator, people, title=""):
        """A conversation of `creator` with `people` (other users of `workspace`): one-to-one
        with one person (the existing one, if they have one here), a group otherwise."""
        people = [person for person in people if person.pk != creator.pk]
        if len(people) == 1:
            existing = (
                cls.objects.filter(workspace=workspace, kind=cls.Kind.DIRECT)
                .filter(participants__user=creator)
                .filter(participants__user=people[0])
                .first()
            )
            if existing is not None:
                return existing
        conversation = cls.objects.create(
            workspace=workspace,
            kind=cls.Kind.DIRECT if len(people) == 1 else cls.Kind.GROUP,
            title="" if len(people) == 1 else title,
            created_by=creator,
        )
        Participant.objects.bulk_create(
            [Participant(conversation=conversation, user=user) for user in [creator, *people]]
        )
        return conversation

    @property
    def is_room(self):
        return self.kind == self.Kind.ROOM

    def is_open_to(self, user):
        """For someone the workspace admits: may they read this conversation?"""
        # From the participants the views prefetch; at most 41 rows otherwise.
        return self.is_room or any(p.user_id == user.pk for p in self.participants.all())

    def may_write(self, access):
        """Members write in the room; every participant in their own conversations. Nobody
        writes in a closed workspace or before accepting the code of conduct."""
        if self.is_room:
            return access.can_post
        return access.workspace.is_open and not access.needs_code_of_conduct

    def people_to_mention(self, user):
        """Who reads this conversation but `user`, for the composer's "@" suggestions."""
        if self.is_room:
            readers = self.workspace.people_with_access()
        else:
            readers = get_user_model().objects.filter(chat_participations__conversation=self)
        return mentions.people_to_mention(readers, user)

    def name_for(self, user):
        """What `user` sees this conversation called."""
        if self.is_room:
            return _("Workspace room")
        if self.title:
            return self.title
        others = [p.user for p in self.participants.all() if p.user_id != user.pk]
        return "، ".join(person.get_display_name() for person in others) or _("Conversation")

    def sent_as(self, author, client_id):
        """The message `author` sent as `client_id`, if it arrived already."""
        if not client_id:
            return None
        return self.messages.filter(author=author, client_id=client_id).first()

    def send(self, author, body, client_id="", reply_to=None, files=()):
        """Post `body` by `author`, with `files` of the workspace's library; the same
        `client_id` sent twice (a retry after a lost connection) gives back the first message
        instead of a second one."""
        sent = self.sent_as(author, client_id)
        if sent is not None:
            return sent
        try:
            with transaction.atomic():
                message = Message.objects.create(
                    conversation=self,
                    author=author,
                    body=body,
                    client_id=client_id,
                    reply_to=reply_to if reply_to and reply_to.conversation_id == self.pk else None,
                )
                message.files.set(files)
        except IntegrityError:
            # The same retry arriving twice at once: the other one was first.
            return self.messages.get(author=author, client_id=client_id)
        type(self).objects.filter(pk=self.pk).update(last_message_at=message.created_at)
        self.mark_read(author, message)
        return message

    def read_up_to(self, user):
        """The id of the last message `user` has read here (0 for none)."""
        row = Participant.objects.filter(conversation=self, user=user).values("last_read").first()
        return row["last_read"] if row else 0

    def mark_read(self, user, message):
        """`user` has read up to `message`: never moves back."""
        if message is None:
            return
        participant, _created = Participant.objects.get_or_create(conversation=self, user=user)
        if participant.last_read < message.pk:
            Participant.objects.filter(pk=participant.pk, last_read__lt=message.pk).update(
                last_read=message.pk
            )


class Participant(models.Model):
    """Someone in a conversation, and how far they have read. In the room, everyone the
    workspace admits may read; a row is made the first time they do."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_participations"
    )
    # The id of the last message read: ids grow with time within a conversation.
    last_read = models.PositiveBigIntegerField(default=0)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_participation")
        ]

    def __str__(self):
        return f"{self.user_id} in {self.conversation_id}"


class MessageQuerySet(InWorkspaceQuerySet, models.QuerySet):
    workspace_field = "conversation"

    def in_workspace(self, workspace):
        """The room's messages only: a group or one-to-one conversation is its participants'
        alone, read through its own page (`Conversation.is_open_to`), never found by a
        message's id under the workspace (reports and hiding are for the room)."""
        return super().in_workspace(workspace).filter(conversation__kind=Conversation.Kind.ROOM)

    def shown(self):
        """With what a page shows beside each message; deleted ones keep their place."""
        return self.select_related("author", "reply_to__author").prefetch_related(
            attachments.prefetch("files")
        )

    def before(self, message_id, count=MESSAGES_PER_PAGE):
        """Up to `count` messages before `message_id` (the latest without it), oldest first:
        a page of history by the index on (conversation, id), whatever its depth."""
        rows = self.shown().order_by("-pk")
        if message_id:
            rows = rows.filter(pk__lt=message_id)
        return list(reversed(rows[:count]))

    def matching(self, words):
        """Every word of a normalised query (`search.text.normalise`) in the folded text."""
        return self.filter(*[Q(search_text__contains=word) for word in words])

    def after(self, message_id, count=200):
        """Messages after `message_id`, oldest first: what a page that lost its connection
        missed."""
        return list(self.shown().filter(pk__gt=message_id or 0).order_by("pk")[:count])


class Message(RenderedBody, Moderated):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    # The message this one answers, quoted above it.
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Files sent with it: uploaded from the composer, they joined the workspace's library
    # (`workspaces.attachments`), where every member finds them.
    files = models.ManyToManyField(
        "files.WorkspaceFile", verbose_name=_("files"), blank=True, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Chosen by the sending page, so a message sent again after a lost connection is one.
    client_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The text folded for search: tashkeel, alef forms and case do not matter.
    search_text = models.TextField(blank=True, editable=False)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        indexes = [models.Index(fields=["conversation", "id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "author", "client_id"],
                condition=~Q(client_id=""),
                name="one_message_per_client_id",
            )
        ]

    moderation_key = "message"
    moderation_url_namespace = "workspaces:chat"

    def __str__(self):
        return f"{self.conversation_id}#{self.pk}"

    def save(self, *args, **kwargs):
        self.render_body()
        self.search_text = normalise(self.body)
        super().save(*args, **kwargs)

    @property
    def moderation_author_id(self):
        return self.author_id

    def get_moderation_url(self, workspace):
        url = reverse("workspaces:chat:conversation", args=[workspace.slug, self.conversation_id])
        return f"{url}#message-{self.pk}"

    def moderation_excerpt(self):
        return excerpt(self.body)

    def moderation_changed(self):
        live.announce_change(self)

    # -- Its author's changes ------------------------------------------------------------------

    def is_editable_by(self, user, now=None):
        """Its author may change or delete it for as long as posts can be edited."""
        window = datetime.timedelta(minutes=settings.POST_EDIT_WINDOW_MINUTES)
        return (
            self.author_id == user.pk
            and self.deleted_at is None
            and not self.hidden
            and (now or timezone.now()) < self.created_at + window
        )

    def revise(self, body):
        self.body, self.edited_at = body, timezone.now()
        self.save()

    def withdraw(self):
        """Deleted by its author: the text goes, its place in the conversation stays."""
        self.body, self.deleted_at = "", timezone.now()
        self.save()

    @property
    def quoted(self):
        """The start of the message this one answers, as plain text."""
        if self.reply_to is None:
            return ""
        return excerpt(self.reply_to.body, 120) if self.reply_to.deleted_at is None else ""
