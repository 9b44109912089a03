"""Workspace addresses, under /ar/workspaces/ and /en/workspaces/ alike.

The page tree is not translated: both prefixes show the same pages, with the interface in the
prefix's language. Every feature answers under `<slug>/<feature>/` (`workspaces.features`);
those named routes come before the catch-all that serves the tree's pages.
"""

from django.urls import include, path

from . import views
from .features import FEATURES, MEMBERS

app_name = "workspaces"

urlpatterns = [
    path("", views.index, name="index"),
    # Before the workspaces' own addresses: no workspace may be called "start" or "welcome".
    path("start/", views.start, name="start"),
    path("welcome/", views.welcome, name="welcome"),
    path("code-of-conduct/", views.code_of_conduct, name="code_of_conduct"),
    path(f"<str:slug>/{MEMBERS}/", views.members, name="members"),
    *(path(f"<str:slug>/{segment}/", include(urlconf)) for segment, urlconf in FEATURES.items()),
    path("<str:slug>/", views.serve_page, name="workspace"),
    path("<str:slug>/<path:path>", views.serve_page, name="subpage"),
]
