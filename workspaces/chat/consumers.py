"""The live side of a conversation page: one WebSocket per open page, which only listens.

Messages are sent over HTTP (`views.send`), through the gate, like any form; the socket passes
on what `live.announce` publishes. The access rule is asked when the socket connects and again
before every message it passes on, so someone removed, blocked, or asked to accept a new code of
conduct receives nothing more and is disconnected.
"""

from channels.db import DatabaseSyncToAsync
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from . import live

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
        self.room = await checked(live.is_room)(self.conversation_id)
        await self.accept()

    async def disconnect(self, code):
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """Nothing is sent this way; a page may ping to keep its connection open."""

    async def chat_message(self, event):
        if await self.allowed():
            await self.send_json(event["message"])
        else:
            await self.close(code=REFUSED)

    async def chat_recheck(self, event):
        if not await self.allowed():
            await self.close(code=REFUSED)

    async def allowed(self):
        return await checked(live.may_read)(
            self.user, self.slug, self.conversation_id, room=self.room
        )


def checked(function):
    """`function` run in a thread of the pool with database connections of its own, not
    queued behind every other socket's in the one thread Channels uses by default: the pages
    open on a conversation all ask the rule at once when a message comes."""
    return DatabaseSyncToAsync(function, thread_sensitive=True)
