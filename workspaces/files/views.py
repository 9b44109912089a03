"""The library, uploads, and the one way out for stored bytes.

Every view here goes through `workspace_view`, and every file is looked up inside
`access.workspace`: an id from another workspace is a 404 like any unknown one.
"""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workspaces.access import workspace_view
from workspaces.scripted import form_errors, wants_json

from .derive import IMAGE_SIZES
from .forms import LibraryFilterForm, UploadForm, VersionForm
from .models import FileTag, WorkspaceFile

PER_PAGE = 24


# What the gate loads for the addresses of one file: with its versions, or plain for the
# addresses of one version, which is then found among the file's own. A file waiting in a
# composer for its post has no address yet, not even for its uploader.
FILE = ("file_id", WorkspaceFile.objects.posted().with_versions())
FILE_ONLY = ("file_id", WorkspaceFile.objects.posted())


def _version(file, number):
    return get_object_or_404(file.versions.prefetch_related("derivatives"), number=number)


def send_private_file(stored, content_type, filename, as_attachment):
    """The bytes of a stored file, or with `PRIVATE_MEDIA_ACCEL_REDIRECT` set, an internal
    redirect for nginx to send them. The caller has already asked the access rule."""
    prefix = settings.PRIVATE_MEDIA_ACCEL_REDIRECT
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(stored.name)
    else:
        try:
            handle = stored.storage.open(stored.name, "rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a browser were talked into rendering a file, it runs nothing and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@workspace_view()
def library(request, access):
    workspace = access.workspace
    form = LibraryFilterForm(request.GET or None)
    files = form.filter(WorkspaceFile.objects.in_workspace(workspace).in_library().with_versions())
    page_obj = Paginator(files, PER_PAGE).get_page(request.GET.get("page"))
    tags = (
        FileTag.objects.filter(
            tagged_files__content_object__workspace=workspace,
            tagged_files__content_object__in_library=True,
        )
        .distinct()
        .order_by("name")
    )
    context = {
        "form": form,
        "query": form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else "",
        "active_tag": request.GET.get("tag", ""),
        "page_obj": page_obj,
        "tags": tags,
    }
    return render(request, "files/library.html", context)


def library_search_url(workspace, words):
    """The library's own search for `words`: where the workspace search sends for more files."""
    library = reverse("workspaces:files:list", args=[workspace.slug])
    return f"{library}?{urlencode({'q': ' '.join(words)})}"


def _described(file):
    """A file as the upload scripts show it; a pending one has no address yet."""
    version = file.current_version
    return {
        "id": file.pk,
        "title": file.title,
        "url": file.get_absolute_url() if file.in_library else None,
        "size": filesizeformat(version.size) if version else "",
    }


@workspace_view(methods=("GET", "HEAD", "POST"), needs="can_post")
def upload(request, access):
    workspace = access.workspace
    if request.method == "POST":
        form = UploadForm(workspace, request.POST, request.FILES)
        if form.is_valid():
            created = form.save(request.user)
            if wants_json(request):
                return JsonResponse({"files": [_described(file) for file in created]}, status=201)
            messages.success(
                request,
                ngettext("%(count)d file uploaded.", "%(count)d files uploaded.", len(created))
                % {"count": len(created)},
            )
            if created[0].attached_url:
                return redirect(created[0].attached_url)
            if len(created) == 1:
                return redirect(created[0].get_absolute_url())
            return redirect("workspaces:files:list", workspace.slug)
        if wants_json(request):
            return form_errors(form)
        status = 400
    else:
        # A discussion's author arrives here from "Attach files" under their discussion.
        form = UploadForm(workspace, initial={"attach_to": request.GET.get("attach_to")})
        status = 200
    attach_to = form["attach_to"].value()
    discussion = (
        form.fields["attach_to"].queryset.filter(pk=attach_to).first() if attach_to else None
    )
    context = {"form": form, "discussion": discussion}
    return render(request, "files/upload.html", context, status=status)


@workspace_view(load=FILE)
def detail(request, access, file):
    return _detail(request, access, file, VersionForm(file) if access.can_post else None)


def _detail(request, access, file, version_form, status=200):
    versions = list(file.versions.all())
    context = {
        "file": file,
        "current": versions[0] if versions else None,
        "versions": versions,
        "version_form": version_form,
    }
    return render(request, "files/detail.html", context, status=status)


@workspace_view(methods=("POST",), needs="can_post", load=FILE)
def new_version(request, access, file):
    form = VersionForm(file, request.POST, request.FILES)
    if form.is_valid():
        version = form.save(request.user)
        if wants_json(request):
            return JsonResponse({"files": [_described(file)]}, status=201)
        messages.success(request, _("Version %(number)d uploaded.") % {"number": version.number})
        return redirect(file.get_absolute_url())
    if wants_json(request):
        return form_errors(form)
    return _detail(request, access, file, form, status=400)


@workspace_view(load=FILE_ONLY)
def download(request, access, file, number):
    # Always an attachment: the original is never shown inline, whatever it holds.
    version = _version(file, number)
    return send_private_file(
        version.stored, version.content_type, version.original_name, as_attachment=True
    )


def _send_derivative(version, name):
    derivative = version.derivative(name)
    if derivative is None:
        raise Http404
    stem = version.original_name.rpartition(".")[0] or version.original_name
    return send_private_file(
        derivative.stored,
        derivative.content_type,
        f"{stem}-{name}.jpg",
        as_attachment=False,
    )


@workspace_view(load=FILE_ONLY)
def rendition(request, access, file, number, size):
    if size not in IMAGE_SIZES:
        raise Http404
    return _send_derivative(_version(file, number), size)


@workspace_view(load=FILE_ONLY)
def preview(request, access, file, number):
    return _send_derivative(_version(file, number), "preview")


@workspace_view(load=FILE)
def thumbnail(request, access, file):
    current = file.current_version
    if current is None:
        raise Http404
    return _send_derivative(current, "thumb")
