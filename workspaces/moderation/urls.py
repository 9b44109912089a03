"""Moderation addresses, included under /<lang>/workspaces/<slug>/moderation/: the queue of open
reports, the log, dismissing a report.

The addresses that act on one post (report, hide, restore) belong to the post's own URLconf,
next to the post's other addresses, and take its id by name ("reply_id"): `post_routes()`
builds them for any `Moderated` model.
"""

from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="list"),
    path("log/", views.log, name="log"),
    path("dismiss/", views.dismiss, name="dismiss"),
]


def post_routes(model, prefix):
    """Report, hide and restore routes for `model`, below `prefix`.

    `prefix` is the post's address in its feature's URLconf and must end in the argument
    `<int:{model.moderation_key}_id>/`; names are "report_{key}", "hide_{key}", "restore_{key}".
    """
    argument = f"<int:{model.moderation_key}_id>/"
    if not prefix.endswith(argument):
        raise ValueError(f"{prefix!r} must end in {argument!r}")
    return [
        path(
            f"{prefix}{action}/",
            views.post_view(action, model),
            name=f"{action}_{model.moderation_key}",
        )
        for action in views.POST_ACTIONS
    ]
