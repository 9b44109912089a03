"""What reaches the pages open on a conversation, over the channel layer.

Each open conversation page holds a WebSocket (`consumers.ConversationConsumer`) that listens on
three groups: its conversation's, its user's, and everyone's. A message sent is announced to
the conversation's group once its transaction commits; a change of someone's membership to
their own group; a new code of conduct to everyone. Each socket then asks the access rule again
(`consumers.may_read`) before it passes anything on, and closes when the answer is no.
"""

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

EVERYONE = "chat.everyone"


def conversation_group(conversation_id):
    return f"chat.conversation.{conversation_id}"


def user_group(user_id):
    return f"chat.user.{user_id}"


def _send(group, event):
    layer = get_channel_layer()
    if layer is not None:
        transaction.on_commit(lambda: _publish(layer, group, event))


def _publish(layer, group, event):
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is None:
        async_to_sync(layer.group_send)(group, event)
    else:
        # Sync code called from a thread that runs an event loop itself (a script or test
        # driving a browser with Playwright's sync API): the loop sends it.
        loop.create_task(layer.group_send(group, event))


def announce(message):
    """Pass a new `message` to the pages open on its conversation, as the data they show it
    from."""
    author = message.author
    _send(
        conversation_group(message.conversation_id),
        {
            "type": "chat.message",
            "message": {
                "id": message.pk,
                "author_id": message.author_id,
                "author": author.get_display_name() if author else "",
                "html": message.html,
                "sent": message.created_at.isoformat(),
                "client_id": message.client_id,
                "quoted": message.quoted,
                "quoted_author": message.reply_to.author.get_display_name()
                if message.quoted and message.reply_to.author
                else "",
                # Shown as the server renders them: the page fetches a message with files.
                "files": message.files.exists(),
            },
        },
    )


def announce_change(message):
    """`message` was edited, deleted, hidden or shown again: the pages showing it ask for it
    as their reader sees it (a hidden message's text is for its author and moderators)."""
    _send(
        conversation_group(message.conversation_id),
        {"type": "chat.message", "message": {"id": message.pk, "changed": True}},
    )


def recheck(user_id):
    """Someone's access changed: their open pages ask the rule again."""
    _send(user_group(user_id), {"type": "chat.recheck"})


def recheck_everyone():
    _send(EVERYONE, {"type": "chat.recheck"})
