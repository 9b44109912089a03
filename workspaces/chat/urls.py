"""Chat addresses, included under /<lang>/workspaces/<slug>/chat/. A conversation's address is
its number: it says nothing of who is in it."""

from django.urls import path

from workspaces.moderation.urls import post_routes

from . import views
from .models import Message

app_name = "chat"

CONVERSATION = "<int:conversation_id>/"

urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.new, name="new"),
    path(CONVERSATION, views.conversation, name="conversation"),
    path(f"{CONVERSATION}messages/", views.messages, name="messages"),
    path(f"{CONVERSATION}search/", views.search, name="search"),
    path(f"{CONVERSATION}library/", views.library, name="library"),
    path(f"{CONVERSATION}send/", views.send, name="send"),
    path(f"{CONVERSATION}<int:message_id>/edit/", views.edit, name="edit"),
    path(f"{CONVERSATION}<int:message_id>/delete/", views.delete, name="delete"),
    # Reporting and hiding a message of the room (`MessageQuerySet.in_workspace`).
    *post_routes(Message, "messages/<int:message_id>/"),
]
