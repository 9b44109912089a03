"""Reporting, hiding, restoring, the queue and the log. Every view goes through `workspace_view`:
reporting needs `can_report` (participants other than officers), the rest `can_moderate`
(the technical officer and staff). A post's own addresses are gated per model by `post_view`,
which has the gate load the post inside the workspace."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.redirects import next_url
from workspaces.access import workspace_view

from .forms import ReasonForm
from .models import ModerationLog, Report

LOG_ENTRIES_PER_PAGE = 50


def _reason_page(request, access, post, form, *, title, button):
    context = {
        "post": post,
        "post_url": post.get_moderation_url(access.workspace),
        "form": form,
        "title": title,
        "button": button,
        "next": next_url(request, ""),
    }
    return render(request, "moderation/reason_form.html", context)


def report(request, access, post):
    # Reporting one's own post is allowed: it is how an author asks for a post to be hidden
    # once the time to edit it has passed.
    if post.hidden:
        raise PermissionDenied
    form = ReasonForm(
        request.POST or None,
        help_text=_("Only the technical officer and the platform staff see your report."),
    )
    if request.method == "POST" and form.is_valid():
        filed = Report.file(
            workspace=access.workspace,
            target=post,
            reporter=request.user,
            reason=form.cleaned_data["reason"],
        )
        if filed:
            messages.success(request, _("Thank you. The technical officer will look at it."))
        else:
            messages.info(request, _("You have already reported this post."))
        return redirect(post.get_moderation_url(access.workspace))
    return _reason_page(
        request, access, post, form, title=_("Report a post"), button=_("Send the report")
    )


def hide(request, access, post):
    form = ReasonForm(request.POST or None, help_text=_("The author sees this reason."))
    if request.method == "POST" and form.is_valid():
        if post.hide(
            by=request.user, reason=form.cleaned_data["reason"], workspace=access.workspace
        ):
            messages.success(request, _("The post is hidden."))
        else:
            messages.info(request, _("The post was already hidden."))
        return redirect(next_url(request, post.get_moderation_url(access.workspace)))
    return _reason_page(request, access, post, form, title=_("Hide a post"), button=_("Hide"))


def restore(request, access, post):
    form = ReasonForm(request.POST or None, help_text=_("Recorded in the moderation log."))
    if request.method == "POST" and form.is_valid():
        restored = post.restore(
            by=request.user, reason=form.cleaned_data["reason"], workspace=access.workspace
        )
        if restored:
            messages.success(request, _("The post is shown again."))
        else:
            messages.info(request, _("The post was not hidden."))
        return redirect(next_url(request, post.get_moderation_url(access.workspace)))
    return _reason_page(
        request, access, post, form, title=_("Show a hidden post again"), button=_("Restore")
    )


# The actions on one post, each with the right it needs.
POST_ACTIONS = {
    "report": (report, "can_report"),
    "hide": (hide, "can_moderate"),
    "restore": (restore, "can_moderate"),
}


def post_view(action, model):
    """The gated view of `action` on posts of `model`, for `moderation.urls.post_routes`."""
    view, needs = POST_ACTIONS[action]
    load = (f"{model.moderation_key}_id", model)
    gated = workspace_view(methods=("GET", "HEAD", "POST"), needs=needs, load=load)(view)
    gated.__name__ = f"{action}_{model.moderation_key}"
    return gated


@workspace_view(methods=("POST",), needs="can_moderate")
def dismiss(request, access):
    report_id = request.POST.get("report", "")
    if not report_id.isdigit():
        raise Http404
    found = get_object_or_404(Report.objects.in_workspace(access.workspace), pk=report_id)
    form = ReasonForm(request.POST, required=False)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if found.dismiss(by=request.user, reason=reason):
        messages.success(request, _("The report is dismissed."))
    return redirect(reverse("workspaces:moderation:list", args=[access.workspace.slug]))


@workspace_view(needs="can_moderate")
def queue(request, access):
    reports = list(
        Report.objects.open()
        .in_workspace(access.workspace)
        .select_related("reporter")
        .prefetch_related("target")
    )
    for entry in reports:
        if entry.target is not None:
            entry.post_url = entry.target.get_moderation_url(access.workspace)
            entry.hide_url = entry.target.get_moderation_action_url("hide", access.workspace)
    context = {"reports": reports}
    return render(request, "moderation/queue.html", context)


@workspace_view(needs="can_moderate")
def log(request, access):
    entries = Paginator(
        ModerationLog.objects.in_workspace(access.workspace)
        .select_related("actor")
        .prefetch_related("target"),
        LOG_ENTRIES_PER_PAGE,
    ).get_page(request.GET.get("page"))
    for entry in entries:
        if entry.target is not None:
            entry.post_url = entry.target.get_moderation_url(access.workspace)
    context = {"page_obj": entries}
    return render(request, "moderation/log.html", context)
