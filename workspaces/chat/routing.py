"""WebSocket addresses, served by the ASGI application (cssr/asgi.py). Not under a language:
the socket carries data, and the page that opens it has chosen the language already."""

from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path(
        "ws/workspaces/<str:slug>/chat/<int:conversation_id>/",
        consumers.ConversationConsumer.as_asgi(),
    ),
]
