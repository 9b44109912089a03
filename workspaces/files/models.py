"""A workspace's documents and images, their versions and previews.

These are not Wagtail documents or images: those have public serving paths, renditions without
privacy, and admin choosers that list every group's files. Here every byte sits in the private
storage and leaves only through `workspaces.files.views`, behind the workspace access rule.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase

from search.text import normalise
from workspaces.models import WorkspacePage
from workspaces.scoping import InWorkspaceQuerySet
from workspaces.search import Found

from . import derive
from .checks import Kind
from .storage import derivative_name, private_storage, random_name

logger = logging.getLogger(__name__)


class FileTag(TagBase):
    """Tags of workspace files, apart from the site's tags so no admin autocomplete shows them."""

    class Meta:
        verbose_name = _("file tag")
        verbose_name_plural = _("file tags")


class TaggedFile(ItemBase):
    tag = models.ForeignKey(FileTag, on_delete=models.CASCADE, related_name="tagged_files")
    content_object = models.ForeignKey(
        "WorkspaceFile", on_delete=models.CASCADE, related_name="tagged_items"
    )


class WorkspaceFileQuerySet(InWorkspaceQuerySet, models.QuerySet):
    workspace_field = "workspace"

    def posted(self):
        """Every file with an address: all but those waiting in a composer."""
        return self.filter(in_library=True)

    def in_library(self):
        """The files the library lists and searches: posted, and not attached to a post that a
        moderator hid (those stay with the hidden post, for who may still read it)."""
        return self.posted().exclude(Q(attached_to__hidden=True) | Q(reply__hidden=True))

    def pending(self):
        """Files uploaded from a composer for a post not sent yet (`workspaces.attachments`)."""
        return self.filter(in_library=False)

    def attached_to(self, page):
        return self.filter(attached_to=page)

    def search(self, query):
        """Files whose title, description, tags or text hold every word of `query`, in any
        spelling `search.text.normalise` folds together (tashkeel, alef forms, case)."""
        for word in normalise(query).split():
            self = self.filter(search_text__contains=word)
        return self

    def found(self, words, limit):
        """For the workspace search: the latest files holding every one of the folded `words`,
        with the text of their current version."""
        files = self.search(" ".join(words)).with_versions().order_by("-updated_at")[:limit]
        return [
            Found(
                file.title,
                file.get_absolute_url(),
                file.current_version.text if file.current_version else file.description,
                file.updated_at,
            )
            for file in files
        ]

    def with_versions(self):
        """Prefetch versions newest first, so `current_version` costs no query per file."""
        return self.select_related("uploaded_by", "workspace").prefetch_related(
            Prefetch(
                "versions",
                queryset=FileVersion.objects.order_by("-number").prefetch_related("derivatives"),
            )
        )

    SORTS = {
        "recent": ("-updated_at", "-pk"),
        "oldest": ("created_at", "pk"),
        "title": ("title", "pk"),
    }

    def sorted_by(self, key):
        return self.order_by(*self.SORTS.get(key, self.SORTS["recent"]))


def _remove(names):
    storage = private_storage()
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not remove %s after a failed upload", name)


class WorkspaceFile(models.Model):
    workspace = models.ForeignKey(
        WorkspacePage,
        verbose_name=_("workspace"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    tags = TaggableManager(through=TaggedFile, blank=True, verbose_name=_("tags"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # False while the file waits for the post it was attached to in a composer: until then it
    # is in no list, no search, and at no address (`workspaces.attachments`).
    in_library = models.BooleanField(_("listed in the library"), default=True)
    # Attachments go with the discussion they belong to, and with the reply that brought them.
    attached_to = models.ForeignKey(
        "discussions.DiscussionPage",
        verbose_name=_("attached to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    reply = models.ForeignKey(
        "discussions.Reply",
        verbose_name=_("attached to the reply"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    # Title, description, tags and the current version's text, normalised for search.
    search_text = models.TextField(blank=True, editable=False)

    objects = WorkspaceFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("workspace file")
        verbose_name_plural = _("workspace files")
        indexes = [models.Index(fields=["workspace", "in_library", "updated_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workspaces:files:detail", args=[self.workspace.slug, self.pk])

    @classmethod
    def create(
        cls,
        workspace,
        *,
        author,
        upload,
        title="",
        description="",
        tags=(),
        attached_to=None,
        reply=None,
        in_library=True,
    ):
        """Create a file with its first version from `upload`, a `CheckedUpload`; all of it
        or nothing.

        `attached_to` must be a discussion of the same workspace, and `reply`, if given, one of
        its replies. Anything that goes wrong
        after the first byte is written removes what was written.
        """
        if attached_to is not None and not attached_to.is_descendant_of(workspace):
            raise ValidationError("An attachment belongs to a discussion of its own workspace.")
        if reply is not None and reply.discussion_id != getattr(attached_to, "pk", None):
            raise ValidationError("A reply's attachment belongs to the reply's discussion.")
        written = []
        try:
            with transaction.atomic():
                file = cls.objects.create(
                    workspace=workspace,
                    title=(title or upload.name.rpartition(".")[0] or upload.name)[:255],
                    description=description,
                    kind=upload.kind,
                    uploaded_by=author,
                    attached_to=attached_to,
                    reply=reply,
                    in_library=in_library,
                )
                if tags:
                    file.tags.set(list(tags))
                file._write_version(upload, author, written)
        except BaseException:
            _remove(written)
            raise
        return file

    @classmethod
    def attachable_in(cls, workspace):
        """What a file of `workspace` may be attached to: the workspace's discussions.

        Asked of the relation, so this feature needs no import of the discussions'.
        """
        return cls._meta.get_field("attached_to").related_model.objects.in_workspace(workspace)

    @property
    def current_version(self):
        if "versions" in getattr(self, "_prefetched_objects_cache", {}):
            versions = self.versions.all()
            return versions[0] if versions else None
        return self.versions.order_by("-number").first()

    @property
    def attached_url(self):
        if self.reply_id:
            return reverse(
                "workspaces:discussions:reply", args=[self.workspace.slug, self.reply_id]
            )
        return self.attached_to.url if self.attached_to_id else None

    @property
    def is_image(self):
        return self.kind == Kind.IMAGE

    def add_version(self, checked, user):
        """Store `checked` as the next version; earlier versions stay as they are."""
        if checked.kind != self.kind:
            raise ValidationError(
                _("A new version must be of the same kind as the file (%(kind)s)."),
                code="kind",
                params={"kind": self.get_kind_display()},
            )
        written = []
        try:
            with transaction.atomic():
                # Locks the row so two versions uploaded at once get different numbers.
                type(self).objects.select_for_update().filter(pk=self.pk).first()
                version = self._write_version(checked, user, written)
        except BaseException:
            _remove(written)
            raise
        return version

    def _write_version(self, checked, user, written):
        latest = self.versions.aggregate(models.Max("number"))["number__max"] or 0
        version = FileVersion(
            file=self,
            number=latest + 1,
            original_name=checked.name,
            size=checked.size,
            content_type=checked.content_type,
            extension=checked.extension,
            sha256=checked.sha256,
            text=derive.searchable_text(checked),
            uploaded_by=user,
        )
        version.stored.save("upload", ContentFile(checked.data), save=False)
        written.append(version.stored.name)
        version.save()
        for name, data, width, height, content_type in derive.previews(checked):
            derivative = Derivative(
                version=version, name=name, width=width, height=height, content_type=content_type
            )
            derivative.stored.save("upload", ContentFile(data), save=False)
            written.append(derivative.stored.name)
            derivative.save()
        self.updated_at = version.created_at
        self.refresh_search_text(current=version)
        self.save(update_fields=["updated_at", "search_text"])
        return version

    def refresh_search_text(self, current=None):
        current = current or self.current_version
        parts = [self.title, self.description, *self.tags.names(), current.text if current else ""]
        self.search_text = normalise("\n".join(parts))


class FileVersion(models.Model):
    file = models.ForeignKey(
        WorkspaceFile, verbose_name=_("file"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    stored = models.FileField(storage=private_storage, upload_to=random_name, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    extension = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField(_("size"))
    # Detected from the bytes at upload, never taken from the browser.
    content_type = models.CharField(max_length=120)
    sha256 = models.CharField(max_length=64)
    text = models.TextField(blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["file", "number"], name="one_number_per_version")
        ]

    def __str__(self):
        return f"{self.file} v{self.number}"

    def _url(self, name, *extra):
        return reverse(
            f"workspaces:files:{name}",
            args=[self.file.workspace.slug, self.file_id, self.number, *extra],
        )

    def get_download_url(self):
        return self._url("download")

    def get_rendition_url(self, size):
        return self._url("rendition", size)

    def get_preview_url(self):
        return self._url("preview")

    @property
    def rendition_urls(self):
        """{size: URL} of the renditions this version has (images only)."""
        return {
            derivative.name: self.get_rendition_url(derivative.name)
            for derivative in self.derivatives.all()
            if derivative.name in derive.IMAGE_SIZES and self.file.kind == Kind.IMAGE
        }

    def derivative(self, name):
        for derivative in self.derivatives.all():
            if derivative.name == name:
                return derivative
        return None

    @property
    def has_thumbnail(self):
        return self.derivative("thumb") is not None

    @property
    def has_preview(self):
        return self.derivative("preview") is not None


class Derivative(models.Model):
    """A picture made from a version: an image's rendition or a PDF's first page."""

    version = models.ForeignKey(FileVersion, on_delete=models.CASCADE, related_name="derivatives")
    name = models.CharField(max_length=20)
    stored = models.FileField(storage=private_storage, upload_to=derivative_name, max_length=255)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    content_type = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="one_derivative_per_name")
        ]

    def __str__(self):
        return f"{self.version} {self.name}"
