"""The chat's count in the tab bar of every workspace page (a navigation fact)."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from .models import CappedCount, Conversation, Message, Participant


def unread_in_workspace():
    """The gate's navigation fact (`workspaces.models.register_navigation_fact`): how many
    messages of the workspace's conversations open to the user they have not read, their own
    aside, up to `CappedCount.LIMIT`. The workspace is the gate query's row, the user its
    `access_user_id`."""
    user = OuterRef("access_user_id")
    taking_part = Participant.objects.filter(
        conversation=OuterRef("conversation"), user=OuterRef(user)
    )
    unread = (
        Message.objects.filter(conversation__workspace=OuterRef("pk"), deleted_at=None)
        .filter(Q(conversation__kind=Conversation.Kind.ROOM) | Exists(taking_part))
        .exclude(author=user)
        .filter(pk__gt=Coalesce(Subquery(taking_part.values("last_read")[:1]), 0))
    )
    return CappedCount(unread)
