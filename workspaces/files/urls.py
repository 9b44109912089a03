"""The library of one workspace, under /<language>/workspaces/<slug>/library/.

Every address here reaches stored bytes only through the views, which ask the access rule; the
storage folder itself has no URL.
"""

from django.urls import path

from . import views

app_name = "files"

urlpatterns = [
    path("", views.library, name="list"),
    path("upload/", views.upload, name="new"),
    path("<int:file_id>/", views.detail, name="detail"),
    path("<int:file_id>/versions/", views.new_version, name="new_version"),
    path("<int:file_id>/thumbnail/", views.thumbnail, name="thumbnail"),
    path("<int:file_id>/v<int:number>/download/", views.download, name="download"),
    path("<int:file_id>/v<int:number>/preview/", views.preview, name="preview"),
    path("<int:file_id>/v<int:number>/image/<str:size>/", views.rendition, name="rendition"),
]
