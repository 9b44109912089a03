"""The calendar of one workspace, under /<language>/workspaces/<slug>/calendar/.

Event pages themselves are pages of the workspace tree, served at their tree path; these are the
lists and the actions around them.
"""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("month/", views.month, name="month"),
    path("new/", views.create, name="new"),
    path("<int:event_id>/edit/", views.edit, name="edit"),
    path("<int:event_id>/cancel/", views.cancel, name="cancel"),
    path("<int:event_id>/answer/", views.answer, name="answer"),
    path("<int:event_id>/event.ics", views.event_ics, name="ics"),
]
