"""Addresses of a workspace's drafts, included under /<lang>/workspaces/<slug>/drafts/.

Revisions and comments travel in the query or the form, never in the path: the path names only
the workspace and the draft, both looked up through the access rule.
"""

from django.urls import path

from . import views

app_name = "drafts"

urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.start, name="new"),
    path("<int:draft_id>/edit/", views.edit, name="edit"),
    path("<int:draft_id>/history/", views.history, name="history"),
    path("<int:draft_id>/compare/", views.compare, name="compare"),
    path("<int:draft_id>/restore/", views.restore, name="restore"),
    path("<int:draft_id>/comments/", views.comment, name="comment"),
    path("<int:draft_id>/comments/resolve/", views.resolve, name="resolve"),
    path("<int:draft_id>/export.pdf", views.export_pdf, name="export_pdf"),
    path("<int:draft_id>/export.docx", views.export_docx, name="export_docx"),
    path("<int:draft_id>/publish/", views.publish, name="publish"),
]
