"""Workspace addresses, under /ar/workspaces/ and /en/workspaces/ alike.

The page tree is not translated: both prefixes show the same pages, with the interface in the
prefix's language. Named routes come before the catch-all that serves the tree's pages.
"""

from django.urls import include, path

from . import views

app_name = "workspaces"

urlpatterns = [
    path("", views.index, name="index"),
    path("code-of-conduct/", views.code_of_conduct, name="code_of_conduct"),
    path("<str:slug>/members/", views.members, name="members"),
    path("", include("workspaces.discussions.urls")),
    path("", include("workspaces.moderation.urls")),
    path("<str:slug>/library/", include("workspaces.files.urls")),
    path("<str:slug>/calendar/", include("workspaces.events.urls")),
    path("<str:slug>/drafts/", include("workspaces.drafts.urls")),
    path("<str:slug>/", views.serve_page, name="workspace"),
    path("<str:slug>/<path:path>", views.serve_page, name="subpage"),
]
