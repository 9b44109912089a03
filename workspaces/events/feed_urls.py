"""The personal calendar feed, outside the language prefix: calendar apps follow no redirects
to a language, and the token, not a session, is what identifies the person."""

from django.urls import path, re_path

from . import views

app_name = "calendar_feed"

urlpatterns = [
    re_path(r"^(?P<token>[A-Za-z0-9_-]{20,64})\.ics$", views.personal_feed, name="feed"),
    path("address/new/", views.regenerate_feed, name="regenerate"),
    path("address/revoke/", views.revoke_feed, name="revoke"),
]
