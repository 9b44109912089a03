"""Drafts of a workspace: list, start, edit (and merge), history, compare, restore, comments,
exports and publication. Every view goes through `workspace_view`, and every draft, revision
and comment is looked up inside the workspace of the address, never by id alone."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from workinggroups.models import WorkingGroupsPage
from workspaces.access import workspace_view

from . import exports, sections
from .diff import compare as compare_texts
from .forms import (
    CommentForm,
    DraftForm,
    MergeForm,
    PartForm,
    PublishForm,
    ReleaseForm,
    StartDraftForm,
)
from .kinds import TITLE, Release
from .models import DraftPage, DraftRevision, EditConflict
from .naming import NamedInText

# The addresses of one draft: the gate finds it in the workspace and hands it to the view.
DRAFT = ("draft_id", DraftPage)


def _revision(draft, revision_id):
    try:
        return draft.text_revisions.select_related("author").get(pk=int(revision_id))
    except (TypeError, ValueError, DraftRevision.DoesNotExist) as missing:
        raise Http404 from missing


def _numbered(revisions):
    """Revisions newest first, each with its number in the draft's history (1 is the first)."""
    revisions = list(revisions)
    for index, revision in enumerate(revisions):
        revision.number = len(revisions) - index
    return revisions


def _saved(draft, revision, place=""):
    """Back to the draft (at `place`, an anchor of its page), telling the browser which
    revision now holds its kept work."""
    return redirect(f"{draft.url}?saved={revision.pk}{place}")


@workspace_view()
def index(request, access):
    drafts = (
        DraftPage.objects.in_workspace(access.workspace)
        .order_by("-last_published_at", "-pk")
        .prefetch_related("text_revisions__author")
    )
    entries = [(draft, draft.text_revisions.all()[:1]) for draft in drafts]
    return render(request, "drafts/index.html", {"entries": entries})


@workspace_view(methods=("GET", "HEAD", "POST"), needs="can_post")
def start(request, access):
    form = StartDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        draft = DraftPage.create(
            access.workspace,
            author=request.user,
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
        )
        return redirect("workspaces:drafts:edit", slug=access.workspace.slug, draft_id=draft.pk)
    return render(request, "drafts/start.html", {"form": form})


@workspace_view(methods=("GET", "HEAD", "POST"), needs="can_post", load=DRAFT)
def edit(request, access, draft):
    """The whole text, or with `?section=` one section and `&part=` one part of it, which a
    phone edits more easily than every section at once."""
    latest = draft.current_revision()
    if request.method != "POST":
        form = _edit_form(request.GET, draft, latest)
        return render(request, "drafts/edit.html", {"draft": draft, "form": form})

    if "merge_from" in request.POST:
        return _merge(request, access, draft)
    form = (PartForm if "section" in request.POST else DraftForm)(request.POST, draft=draft)
    if not form.is_valid():
        return render(request, "drafts/edit.html", {"draft": draft, "form": form})
    base_id = form.cleaned_data["base_revision"]
    base = draft.text_revisions.filter(pk=base_id).first() if base_id else None
    title, texts = form.edited(base or draft)
    try:
        revision = draft.save_text(request.user, title, texts, base_id)
    except EditConflict as conflict:
        merge = MergeForm.after_conflict(draft, base, conflict.latest, title, texts)
        return _merge_screen(request, access, draft, merge)
    messages.success(request, _("Saved."))
    section = form.cleaned_data.get("section")
    return _saved(draft, revision, f"#section-{section}" if section else "")


def _edit_form(query, draft, latest):
    if "section" not in query:
        return DraftForm.for_draft(draft, latest)
    part = query.get("part")
    if part is not None and not part.isdigit():
        raise Http404
    form = PartForm.for_draft(draft, latest, query["section"], None if part is None else int(part))
    if form is None:
        raise Http404
    return form


def _merge(request, access, draft):
    theirs = _revision(draft, request.POST.get("base_revision"))
    base_id = request.POST.get("merge_from") or None
    base = _revision(draft, base_id) if base_id else None
    merge = MergeForm(request.POST, draft=draft, base=base, theirs=theirs)
    if not merge.is_valid():
        return _merge_screen(request, access, draft, merge)
    title, texts = merge.merged()
    try:
        revision = draft.save_text(
            request.user, title, texts, theirs.pk, origin=DraftRevision.Origin.MERGE
        )
    except EditConflict as conflict:
        # Someone saved again while this merge was being chosen: merge the result with theirs.
        again = MergeForm.after_conflict(draft, theirs, conflict.latest, title, texts)
        return _merge_screen(request, access, draft, again)
    messages.success(request, _("Merged and saved."))
    return _saved(draft, revision)


def _merge_screen(request, access, draft, merge):
    since = draft.text_revisions.select_related("author")
    if merge.base is not None:
        since = since.filter(pk__gt=merge.base.pk)
    context = {"draft": draft, "form": merge, "since": since, "title_section": TITLE}
    return render(request, "drafts/merge.html", context, status=409)


@workspace_view(load=DRAFT)
def history(request, access, draft):
    revisions = _numbered(draft.text_revisions.select_related("author", "restored_from"))
    context = {
        "draft": draft,
        "revisions": revisions,
        "latest": revisions[0] if revisions else None,
    }
    return render(request, "drafts/history.html", context)


@workspace_view(load=DRAFT)
def compare(request, access, draft):
    """Two revisions side by side; by default the latest and the one before it."""
    revisions = _numbered(draft.text_revisions.select_related("author"))
    if not revisions:
        raise Http404
    by_id = {str(revision.pk): revision for revision in revisions}

    def chosen(name, default):
        if name not in request.GET:
            return default
        if request.GET[name] not in by_id:
            raise Http404
        return by_id[request.GET[name]]

    new = chosen("to", revisions[0])
    older = [revision for revision in revisions if revision.pk < new.pk]
    old = chosen("from", older[0] if older else new)
    if old.pk > new.pk:
        old, new = new, old
    parts = []
    for section in (TITLE, *draft.sections()):
        rows = compare_texts(getattr(old, section.name), getattr(new, section.name))
        if section is TITLE and all(row.status == "same" for row in rows):
            continue
        parts.append((section, rows))
    context = {
        "draft": draft,
        "old": old,
        "new": new,
        "parts": parts,
        "unchanged": all(row.status == "same" for _section, rows in parts for row in rows),
        "revisions": revisions,
    }
    return render(request, "drafts/compare.html", context)


@workspace_view(methods=("POST",), needs="can_post", load=DRAFT)
def restore(request, access, draft):
    if not request.POST.get("revision", "").isdigit():
        return HttpResponseBadRequest()
    revision = _revision(draft, request.POST["revision"])
    history_url = reverse("workspaces:drafts:history", args=[access.workspace.slug, draft.pk])
    try:
        base_id = int(request.POST.get("base_revision", ""))
    except ValueError:
        base_id = None
    try:
        restored = draft.restore(request.user, revision, base_id)
    except EditConflict:
        messages.error(
            request,
            _(
                "Someone saved the text while you were looking at its history. Check it, then restore again."
            ),
        )
        return redirect(history_url)
    messages.success(request, _("The earlier revision is now the current text."))
    return _saved(draft, restored)


@workspace_view(methods=("POST",), needs="can_post", load=DRAFT)
def comment(request, access, draft):
    form = CommentForm(request.POST, draft=draft)
    if form.is_valid():
        saved = form.save(request.user)
        messages.success(request, _("Your comment is posted."))
        return redirect(f"{draft.url}#comment-{saved.parent_id or saved.pk}")
    context = sections.context(request, access, draft, comment_form=form)
    return render(request, draft.get_template(request), context, status=400)


@workspace_view(methods=("POST",), needs="can_post", load=DRAFT)
def resolve(request, access, draft):
    if not request.POST.get("comment", "").isdigit():
        return HttpResponseBadRequest()
    thread = draft.comments.filter(pk=request.POST["comment"], parent=None).first()
    if thread is None:
        raise Http404
    if request.POST.get("reopen"):
        thread.reopen()
        messages.success(request, _("The comment is open again."))
    else:
        thread.resolve(request.user)
        messages.success(request, _("The comment is resolved."))
    return redirect(f"{draft.url}#comment-{thread.pk}")


def _export(extension):
    build, content_type = exports.EXPORTS[extension]
    release = Release(extension)

    @workspace_view(methods=("GET", "HEAD", "POST"), load=DRAFT)
    def view(request, access, draft):
        # A POST is staff stating why a text that names people may leave all the same.
        if request.method == "POST" and not access.is_staff:
            raise PermissionDenied
        form = ReleaseForm(request.POST if request.method == "POST" else None)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        try:
            with transaction.atomic():
                draft.clear_release(release, request.user, reason)
                content = build(draft)
        except NamedInText as named:
            context = {"draft": draft, "namings": named.namings, "form": form}
            return render(request, "drafts/refused.html", context, status=409)
        response = HttpResponse(content, content_type=content_type)
        # An Arabic slug makes an Arabic file name, which only the RFC 6266 form carries.
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=exports.filename(draft, extension)
        )
        return response

    view.__name__ = f"export_{extension}"
    return view


export_pdf = _export("pdf")
export_docx = _export("docx")


@workspace_view(methods=("GET", "HEAD", "POST"), needs="is_staff", load=DRAFT)
def publish(request, access, draft):
    initial = {"title": draft.paper.title if draft.paper else draft.title}
    if draft.paper:
        initial.update(working_group=draft.paper.working_group, summary=draft.paper.summary)
    form = PublishForm(request.POST or None, draft=draft, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            paper = draft.publish_paper(
                form.cleaned_data["working_group"],
                form.cleaned_data["title"],
                form.cleaned_data["summary"],
                request.user,
                reason=form.cleaned_data.get("reason", ""),
            )
        except WorkingGroupsPage.DoesNotExist:
            form.add_error(None, _("The public site has no working-groups page to publish under."))
        except NamedInText:
            # Someone saved a name into the text since the form was shown: it asks for a reason.
            form = PublishForm(request.POST, draft=draft)
            form.is_valid()
        else:
            messages.success(
                request,
                _(
                    "Published on the public site. Editors add the English version in the "
                    "admin with “Translate”."
                ),
            )
            return redirect(paper.url)
    context = {"draft": draft, "form": form, "namings": form.namings}
    return render(request, "drafts/publish.html", context)
