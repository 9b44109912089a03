"""The workspace search, included under /<lang>/workspaces/<slug>/search/.

It searches discussions and replies, here or in every workspace the user may enter; its own
segment keeps it the workspace's search when other features join it.
"""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="list"),
]
