"""The live side of a conversation page: one WebSocket per open page.

Messages are sent over HTTP (`views.send`), through the gate, like any form; the socket passes
on what `live.announce` publishes, and hears only how far its reader has read. The access rule
is asked when the socket connects and again before every message it passes on, so someone
removed, blocked, or asked to accept a new code of conduct receives nothing more and is
disconnected.
"""

from channels.db import DatabaseSyncToAsync
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from workspaces.access import access_to

from . import live
from .models import Conversation

# Closed because the access rule says no (in the 4000 range an application may use).
REFUSED = 4403


class ConversationConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        route = self.scope["url_route"]["kwargs"]
        self.slug, self.conversation_id = route["slug"], route["conversation_id"]
        self.user = self.scope.get("user")
        self.groups_joined = []
        self.room = False
        if self.user is None or not await self.allowed():
            await self.close(code=REFUSED)
            return
        for group in (
            live.conversation_group(self.conversation_id),
            live.user_group(self.user.pk),
            live.EVERYONE,
        ):
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)
        self.room = await checked(is_room)(self.conversation_id)
        await self.accept()

    async def disconnect(self, code):
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """A page says how far its reader has read the messages that arrived live while it
        was in view ({"read": id}); anything else (a ping that keeps the connection) is
        ignored. Messages themselves are sent over HTTP."""
        read = content.get("read") if isinstance(content, dict) else None
        if isinstance(read, int) and not isinstance(read, bool) and read > 0:
            await checked(record_read)(self.user, self.conversation_id, read)

    async def chat_message(self, event):
        if await self.allowed():
            await self.send_json(event["message"])
        else:
            await self.close(code=REFUSED)

    async def chat_recheck(self, event):
        if not await self.allowed():
            await self.close(code=REFUSED)

    async def allowed(self):
        return await checked(may_read)(self.user, self.slug, self.conversation_id, room=self.room)


def checked(function):
    """`function` run as Channels runs database code: in the one thread it keeps for it, with
    stale connections closed. (A thread per check measured slower here: `make bench-chat`.)"""
    return DatabaseSyncToAsync(function, thread_sensitive=True)


def may_read(user, slug, conversation_id, room=False):
    """May `user` read conversation `conversation_id` of workspace `slug`, now? For the room
    (`room`, known since the socket connected) the workspace's rule is the whole answer: one
    query."""
    if not user.is_authenticated:
        return False
    access = access_to(slug, user, navigation=False)
    if access is None or not access.can_view or access.needs_code_of_conduct:
        return False
    if room:
        return True
    conversation = (
        Conversation.objects.in_workspace(access.workspace).filter(pk=conversation_id).first()
    )
    return conversation is not None and conversation.is_open_to(user)


def is_room(conversation_id):
    return Conversation.objects.filter(pk=conversation_id, kind=Conversation.Kind.ROOM).exists()


def record_read(user, conversation_id, message_id):
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is not None:  # not deleted since the socket opened
        conversation.mark_read(user, conversation.messages.filter(pk=message_id).first())
