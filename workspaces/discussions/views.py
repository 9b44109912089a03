"""Discussion views. Every one goes through `workspace_view`: the access rule is never repeated.

The thread itself is a page of the tree, shown by `thread.serve`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from search.text import normalise
from workspaces import attachments
from workspaces import search as workspace_search
from workspaces.access import workspace_view
from workspaces.models import WorkspacePage

from .forms import DiscussionForm, ReplyForm, SearchForm, tag_names_in
from .models import DiscussionPage, Reply
from .thread import prepare_listing

DISCUSSIONS_PER_PAGE = 20
SEARCH_RESULTS_PER_PAGE = 20
MAX_SEARCH_WORDS = 8


class UncountedPage:
    """A page of search results, newest first, that never counts them all: a common word may
    match most of a workspace, and a total would read every match. The page reads one row more
    than it shows to know whether an older page follows. A page number that is not one, or that
    lies past the results, gives the first page (no total says which page is the last).

    Its methods are those of Django's `Page` that a template links pages with."""

    # Past it, a page is not read: the OFFSET would step over every earlier match, and a number
    # as long as someone may type would not even fit the database's integers.
    LAST_READ = 1000

    def __init__(self, rows, number, per_page):
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        if number > self.LAST_READ:
            number = 1
        found = list(rows[(number - 1) * per_page : number * per_page + 1])
        if not found and number > 1:
            number, found = 1, list(rows[: per_page + 1])
        self.number = number
        self.object_list = found[:per_page]
        self._older = len(found) > per_page

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self._older

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


# What the gate loads for the addresses of one discussion or one reply.
DISCUSSION = ("discussion_id", DiscussionPage)
REPLY = ("reply_id", Reply.objects.select_related("discussion"))


@workspace_view()
def discussion_list(request, access):
    discussions = DiscussionPage.objects.in_workspace(access.workspace).for_listing(request.user)
    kind = request.GET.get("kind")
    if kind in DiscussionPage.Kind.values:
        discussions = discussions.filter(kind=kind)
    tag = request.GET.get("tag", "").strip()
    if tag:
        discussions = discussions.filter(tags__name=tag)
    page_obj = Paginator(discussions, DISCUSSIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "discussions": prepare_listing(page_obj, request.user, access),
        "kind": kind,
        "kinds": DiscussionPage.Kind.choices,
        "tag": tag,
    }
    return render(request, "discussions/discussion_list.html", context)


@workspace_view(methods=("GET", "HEAD", "POST"), needs="can_post")
def discussion_new(request, access):
    user = request.user
    form = DiscussionForm(request.POST or None, request.FILES or None, access=access, user=user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            discussion = DiscussionPage.create(access.workspace, author=user, **form.post_data)
            attachments.attach(form, access.workspace, user, discussion=discussion)
        messages.success(request, _("Your discussion is published."))
        return redirect(discussion.url)
    context = {"form": form, "tag_suggestions": tag_names_in(access.workspace)}
    return render(request, "discussions/discussion_form.html", context)


@workspace_view(methods=("GET", "HEAD", "POST"), load=DISCUSSION)
def discussion_edit(request, access, discussion):
    if not discussion.is_editable_by(request.user, access):
        raise PermissionDenied
    user = request.user
    form = DiscussionForm.for_discussion(
        discussion, request.POST or None, request.FILES or None, access=access, user=user
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            discussion.revise(user=user, **form.post_data)
            attachments.attach(form, access.workspace, user, discussion=discussion)
        messages.success(request, _("Your changes are saved."))
        return redirect(discussion.url)
    context = {
        "form": form,
        "discussion": discussion,
        "tag_suggestions": tag_names_in(access.workspace),
    }
    return render(request, "discussions/discussion_form.html", context)


@workspace_view(methods=("POST",), load=DISCUSSION)
def reply_new(request, access, discussion):
    if not discussion.can_reply(access):
        raise PermissionDenied
    user = request.user
    form = ReplyForm(request.POST, request.FILES, access=access, user=user)
    if form.is_valid():
        with transaction.atomic():
            reply = discussion.add_reply(author=user, body=form.cleaned_data["body"])
            attachments.attach(form, access.workspace, user, discussion=discussion, reply=reply)
        messages.success(request, _("Your reply is posted."))
        return redirect(discussion.reply_url(reply))
    context = {"form": form, "discussion": discussion}
    return render(request, "discussions/reply_form.html", context)


@workspace_view(methods=("GET", "HEAD", "POST"), load=REPLY)
def reply_edit(request, access, reply):
    if not reply.is_editable_by(request.user, access):
        raise PermissionDenied
    user = request.user
    form = ReplyForm(
        request.POST or None,
        request.FILES or None,
        initial={"body": reply.body},
        access=access,
        user=user,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            reply.revise(body=form.cleaned_data["body"])
            attachments.attach(
                form, access.workspace, user, discussion=reply.discussion, reply=reply
            )
        messages.success(request, _("Your changes are saved."))
        return redirect(reply.discussion.reply_url(reply))
    context = {
        "form": form,
        "discussion": reply.discussion,
        "reply": reply,
    }
    return render(request, "discussions/reply_form.html", context)


@workspace_view(load=REPLY)
def reply_permalink(request, access, reply):
    """A stable address for one reply: the page of the thread where it is, at its anchor."""
    return redirect(reply.discussion.reply_url(reply))


@workspace_view()
def search(request, access):
    """The workspace search: discussions and replies whose folded text holds every word of the
    query, here or in every workspace the user may enter (hidden posts only for those who
    moderate that workspace and for their authors), and, here, what the other features find
    (`workspaces.search`): files, events, drafts.
    """
    form = SearchForm(request.GET or None)
    query, everywhere = "", False
    if form.is_valid():
        query, everywhere = form.cleaned_data["q"].strip(), form.cleaned_data["everywhere"]
    words = normalise(query).split()[:MAX_SEARCH_WORDS]
    context = {"form": form, "query": query, "words": words}
    if not words:
        return render(request, "discussions/search.html", context)

    user = request.user
    if everywhere:
        workspaces = list(WorkspacePage.objects.for_user(user).live())
        accesses = [workspace.access_for(user) for workspace in workspaces]
    else:
        workspaces, accesses = [access.workspace], [access]
    moderated = [entry.workspace for entry in accesses if entry.can_moderate]
    where = {workspace.path: workspace for workspace in workspaces}
    depth = {workspace.depth for workspace in workspaces}

    may_see_discussion = Q(hidden=False) | Q(owner=user)
    may_see_thread = Q(discussion__hidden=False) | Q(discussion__owner=user)
    may_see_reply = Q(hidden=False) | Q(author=user)
    for workspace in moderated:
        may_see_discussion |= Q(path__startswith=workspace.path)
        may_see_thread |= Q(discussion__path__startswith=workspace.path)
        may_see_reply |= Q(discussion__path__startswith=workspace.path)

    discussions = list(
        DiscussionPage.objects.in_workspaces(workspaces)
        .filter(may_see_discussion)
        .matching(words)
        .select_related("owner")
        .order_by("-last_activity_at")[:SEARCH_RESULTS_PER_PAGE]
    )
    # A reply's thread is asked of the discussion joined to it (the replies' own workspace
    # column places them), not as `discussion__in` a subquery of visible discussions: PostgreSQL
    # then sees how many replies of the workspace a common word matches and reads the newest
    # from the (workspace, created_at, id) index, stopping at one page, while a rare word comes
    # from the trigram index (migration 0005).
    replies = UncountedPage(
        Reply.objects.in_workspaces(workspaces)
        .filter(may_see_thread, may_see_reply)
        .matching(words)
        .select_related("author", "discussion")
        .order_by("-created_at", "-pk"),
        request.GET.get("page"),
        SEARCH_RESULTS_PER_PAGE,
    )

    def workspace_of(discussion):
        for length in depth:
            found = where.get(discussion.path[: length * discussion.steplen])
            if found is not None:
                return found
        return access.workspace

    for discussion in discussions:
        discussion.workspace = workspace_of(discussion)
    for reply in replies:
        reply.workspace = workspace_of(reply.discussion)
    context.update({"discussions": discussions, "replies": replies, "everywhere": everywhere})
    if not everywhere:
        context["elsewhere"] = workspace_search.found_elsewhere(access, words)
    return render(request, "discussions/search.html", context)
