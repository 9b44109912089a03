"""Chat addresses, included under /<lang>/workspaces/<slug>/chat/. A conversation's address is
its number: it says nothing of who is in it."""

from django.urls import path

from . import views

app_name = "chat"

CONVERSATION = "<int:conversation_id>/"

urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.new, name="new"),
    path(CONVERSATION, views.conversation, name="conversation"),
    path(f"{CONVERSATION}messages/", views.messages, name="messages"),
    path(f"{CONVERSATION}send/", views.send, name="send"),
]
