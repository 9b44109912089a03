from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core import redirects

from . import pages
from .access import private, workspace_view
from .models import CodeOfConduct, CodeOfConductAcceptance, Membership, Role, WorkspacePage


@private
@login_required
@require_http_methods(["GET", "HEAD"])
def index(request):
    workspaces = WorkspacePage.objects.for_user(request.user).live().order_by("title")
    roles = dict(
        Membership.objects.active()
        .filter(user=request.user, workspace__in=workspaces)
        .values_list("workspace_id", "role")
    )
    entries = [
        {
            "workspace": workspace,
            "role": (
                Role.label_for(roles[workspace.pk], request.user.gender)
                if workspace.pk in roles
                else None
            ),
        }
        for workspace in workspaces
    ]
    return render(request, "workspaces/index.html", {"entries": entries})


@private
@login_required
@require_http_methods(["GET", "HEAD"])
def start(request):
    """Where signing in leads: straight into the workspace of someone who has exactly one, the
    list of their workspaces for everyone else."""
    workspaces = list(WorkspacePage.objects.for_user(request.user).live()[:2])
    if len(workspaces) == 1:
        return redirect(workspaces[0].url)
    return redirect("workspaces:index")


@private
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def code_of_conduct(request):
    code = CodeOfConduct.current()
    next_url = redirects.next_url(request)
    accepted = code is None or code.acceptances.filter(user=request.user).exists()
    if request.method == "POST" and code is not None:
        if request.POST.get("accept") != "yes":
            messages.error(request, _("Tick the box to accept the code of conduct."))
        else:
            newcomer = not CodeOfConductAcceptance.objects.filter(user=request.user).exists()
            CodeOfConductAcceptance.objects.get_or_create(code=code, user=request.user)
            if newcomer:
                # The first time in: a short start page on the way to where they were going.
                welcome = reverse("workspaces:welcome")
                return redirect(
                    f"{welcome}?{urlencode({'next': next_url})}" if next_url else welcome
                )
            messages.success(request, _("Thank you. Welcome to your workspace."))
            return redirect(next_url or "workspaces:index")
    context = {"code": code, "accepted": accepted, "next": next_url}
    return render(request, "workspaces/code_of_conduct.html", context)


@private
@login_required
@require_http_methods(["GET", "HEAD"])
def welcome(request):
    """A newcomer's start page, after the code of conduct: how others see them, their groups
    and who is in them, their calendar, and whom to ask for help."""
    next_url = redirects.next_url(request)
    workspaces = list(WorkspacePage.objects.for_user(request.user).live().order_by("title"))
    officers = (
        Membership.objects.active()
        .filter(workspace__in=workspaces, role=Role.OFFICER)
        .select_related("user", "workspace")
        .order_by("workspace__title", "user__display_name")
    )
    context = {"workspaces": workspaces, "officers": officers, "next": next_url}
    return render(request, "workspaces/welcome.html", context)


@workspace_view()
def members(request, access):
    memberships = (
        Membership.objects.active()
        .filter(workspace=access.workspace)
        .select_related("user")
        .order_by("role", "user__display_name")
    )
    return render(request, "workspaces/members.html", {"memberships": memberships})


@workspace_view(methods=("GET", "HEAD", "POST"))
def serve_page(request, access, path=""):
    """Any page of the workspace tree, found by its path below the workspace page."""
    components = [component for component in path.split("/") if component]
    page = pages.find(request, access.workspace, components)
    request.workspace_page = page
    if page.pk != access.workspace.pk:
        # Found below this workspace: the page need not ask the database which one it is in.
        page.workspace = access.workspace
    return pages.serve(request, access, page)
