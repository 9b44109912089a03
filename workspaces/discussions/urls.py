"""Discussion addresses, included under /<lang>/workspaces/<slug>/discussions/.

The discussion itself is a page of the tree, served at its own path; these are the list, the
forms around it, and one address per reply.
"""

from django.urls import path

from workspaces.moderation.urls import post_routes

from . import views
from .models import DiscussionPage, Reply

app_name = "discussions"

DISCUSSION = "<int:discussion_id>/"
REPLY = "replies/<int:reply_id>/"

urlpatterns = [
    path("", views.discussion_list, name="list"),
    path("new/", views.discussion_new, name="new"),
    path(f"{DISCUSSION}edit/", views.discussion_edit, name="edit"),
    path(f"{DISCUSSION}reply/", views.reply_new, name="reply_new"),
    *post_routes(DiscussionPage, DISCUSSION),
    path(REPLY, views.reply_permalink, name="reply"),
    path(f"{REPLY}edit/", views.reply_edit, name="reply_edit"),
    *post_routes(Reply, REPLY),
]
