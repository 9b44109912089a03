"""Discussion addresses below a workspace: /<lang>/workspaces/<slug>/discussions/... and search.

Included by `workspaces.urls` before the catch-all page route; the first segment of each
(`discussions`, `search`) is therefore never given to a discussion as its slug.
"""

from django.urls import path

from workspaces.moderation.urls import post_routes

from . import views
from .models import DiscussionPage, Reply

app_name = "discussions"

DISCUSSION = "<str:slug>/discussions/<int:discussion_id>/"
REPLY = "<str:slug>/discussions/replies/<int:reply_id>/"

urlpatterns = [
    path("<str:slug>/discussions/", views.discussion_list, name="list"),
    path("<str:slug>/discussions/new/", views.discussion_new, name="new"),
    path(f"{DISCUSSION}edit/", views.discussion_edit, name="edit"),
    path(f"{DISCUSSION}reply/", views.reply_new, name="reply_new"),
    *post_routes(DiscussionPage, DISCUSSION),
    path(REPLY, views.reply_permalink, name="reply"),
    path(f"{REPLY}edit/", views.reply_edit, name="reply_edit"),
    *post_routes(Reply, REPLY),
    path("<str:slug>/search/", views.search, name="search"),
]
