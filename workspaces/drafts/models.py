"""Texts a workspace writes together.

A `DraftPage` lives in the workspace's page tree, so it is as private as the workspace. Its
fields always hold the current text; every save also adds a `DraftRevision` with its author
and time. These are our own rows rather than Wagtail's page revisions: publishing a Wagtail
revision announces a publication, which empties the public page cache, and members save often.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page, PageManager
from wagtail.models.pages import PageQuerySet
from wagtail.search import index

from workinggroups.models import PaperPage, WorkingGroupsPage
from workspaces.markup import mostly_rtl, normalise_newlines
from workspaces.models import is_platform_staff
from workspaces.pages import FeaturePageMixin
from workspaces.provisioning import STAFF_GROUP_NAME
from workspaces.scoping import InWorkspaceQuerySet
from workspaces.search import SCAN_LIMIT, Found, holds_every
from workspaces.slugs import free_slug

from . import naming
from . import paper as public_paper
from .kinds import SECTIONS, TEXT_FIELDS, TITLE, Kind, Release
from .naming import NamedInText, Naming
from .text import blocks

# The log action of a text let out of the workspace although it names people (wagtail_hooks).
RELEASED_DESPITE_NAMES = "drafts.release_despite_names"


class DraftText(models.Model):
    """The text of a draft or of one of its revisions: one Markdown field per section."""

    body = models.TextField(_("text"), blank=True)
    issues = models.TextField(_("issues discussed"), blank=True)
    agreement = models.TextField(_("areas of agreement"), blank=True)
    divergent_views = models.TextField(_("divergent views"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)

    class Meta:
        abstract = True

    def texts(self):
        return {name: getattr(self, name) for name in TEXT_FIELDS}


class EditConflict(Exception):
    """Someone saved the draft after the revision an edit started from."""

    def __init__(self, latest):
        super().__init__(f"the draft changed since; now at revision {latest.pk}")
        self.latest = latest


class DraftQuerySet(InWorkspaceQuerySet, PageQuerySet):
    def found(self, words, limit):
        """For the workspace search: the latest drafts holding every one of the folded `words`
        in their title or any section, with their text as read (no Markdown)."""
        drafts = self.order_by("-last_published_at")[:SCAN_LIMIT]
        return [
            Found(draft.title, draft.url, _plain(draft), draft.last_published_at)
            for draft in drafts
            if holds_every(words, draft.title, *draft.texts().values())
        ][:limit]


def _plain(draft):
    return " ".join(block.text for source in draft.texts().values() for block in blocks(source))


class DraftManager(PageManager.from_queryset(DraftQuerySet)):
    pass


class DraftPage(DraftText, FeaturePageMixin, Page):
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    # Private may know public: the paper staff published from this draft, if any. The paper
    # holds nothing that leads back.
    paper = models.ForeignKey(
        PaperPage,
        verbose_name=_("published paper"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DraftManager()

    # The text changes only through the workspace's edit form, where every change becomes a
    # revision with its author; the admin shows the title alone.
    content_panels = [FieldPanel("title")]
    promote_panels = []
    search_fields = Page.search_fields + [index.SearchField(name) for name in TEXT_FIELDS]

    parent_page_types = ["workspaces.WorkspacePage"]
    subpage_types = []
    # Created in the workspace, so every draft starts with a revision by a member.
    is_creatable = False

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self):
        return self.title

    @classmethod
    @transaction.atomic
    def create(cls, workspace, *, author, title, kind, texts=None, slug=None):
        """A new draft under `workspace`, its first revision by `author`."""
        fallback = "briefing-note" if kind == Kind.BRIEFING else "draft"
        draft = cls(title=title, kind=kind, slug=free_slug(workspace, slug or title, fallback))
        for name, value in (texts or {}).items():
            setattr(draft, name, normalise_newlines(value))
        draft.last_published_at = timezone.now()
        workspace.add_child(instance=draft)
        draft.text_revisions.create(
            title=title, author=author, origin=DraftRevision.Origin.CREATE, **draft.texts()
        )
        return draft

    @property
    def is_briefing(self):
        return self.kind == Kind.BRIEFING

    def sections(self):
        return SECTIONS[Kind(self.kind)]

    def filled_sections(self):
        """(section, Markdown) of the sections that have text, in order."""
        return [
            (section, getattr(self, section.name))
            for section in self.sections()
            if getattr(self, section.name).strip()
        ]

    def language(self):
        """The language the text is written in, for the headings of exports and papers."""
        words = " ".join([self.title, *(source for _s, source in self.filled_sections())])
        return "ar" if mostly_rtl(words) else "en"

    # -- Revisions ------------------------------------------------------------------------

    def current_revision(self):
        return self.text_revisions.select_related("author").first()

    @transaction.atomic
    def save_text(self, user, title, texts, base_revision_id, origin=None, restored_from=None):
        """Save a new text as a revision, unless someone saved since `base_revision_id`.

        The draft's row is locked while checking, so of two saves from the same revision the
        second always sees the first and raises `EditConflict` instead of writing over it.
        """
        type(self).objects.select_for_update().filter(pk=self.pk).first()
        latest = self.current_revision()
        texts = {name: normalise_newlines(texts.get(name, "")) for name in TEXT_FIELDS}
        if latest is not None and (latest.title, latest.texts()) == (title, texts):
            # Nothing to save, or exactly what someone else saved meanwhile: nothing is lost.
            return latest
        if latest is not None and latest.pk != base_revision_id:
            raise EditConflict(latest)
        revision = self.text_revisions.create(
            title=title,
            author=user,
            origin=origin or DraftRevision.Origin.EDIT,
            restored_from=restored_from,
            **texts,
        )
        for name, value in texts.items():
            setattr(self, name, value)
        self.title = self.draft_title = title
        self.last_published_at = revision.created_at
        self.save(update_fields=[*TEXT_FIELDS, "title", "draft_title", "last_published_at"])
        return revision

    def restore(self, user, revision, base_revision_id):
        return self.save_text(
            user,
            revision.title,
            revision.texts(),
            base_revision_id,
            origin=DraftRevision.Origin.RESTORE,
            restored_from=revision,
        )

    # -- Non-attribution -------------------------------------------------------------------

    def people_never_named(self):
        """Everyone who may read the draft: the workspace's people, and platform staff as
        `is_platform_staff` counts them (superusers and the staff group)."""
        staff = Q(is_superuser=True) | Q(groups__name=STAFF_GROUP_NAME)
        inside = Q(pk__in=self.workspace.people_with_access().values("pk"))
        return get_user_model().objects.filter(inside | staff).distinct()

    def namings(self):
        """Where the title and sections name someone who may read the draft, in order.

        A briefing note and the paper made from it attribute nothing to anyone: the people
        who took part, and the staff who read along, are named nowhere in them.
        """
        names, usernames = set(), set()
        for values in self.people_never_named().values_list("display_name", "title", "username"):
            *shown, username = values
            names.update(value for value in shown if value)
            usernames.add(username)
        found = []
        for section in (TITLE, *self.sections()):
            source = self.title if section is TITLE else getattr(self, section.name)
            for match in naming.find(source, names, usernames):
                found.append(Naming(section, match.name, naming.passage(source, match)))
        return found

    def named_participants(self):
        """The names the text contains, each once."""
        return list(dict.fromkeys(found.name for found in self.namings()))

    def namings_against(self, release):
        """The namings that keep the text from leaving as `release`: any paper attributes
        nothing to anyone, and of the exports only a briefing note's; a co-drafted text is
        the group's own and exports as it is."""
        if release != Release.PAPER and not self.is_briefing:
            return []
        return self.namings()

    def clear_release(self, release, user, reason=""):
        """Let the text leave as `release`, or raise `NamedInText` saying where it names people.

        Platform staff may let it out anyway by stating why. Wagtail's log keeps that on this
        draft's history: who, when, why, as what, and which revision of the text.
        """
        namings = self.namings_against(release)
        if not namings:
            return
        reason = reason.strip()
        if not (reason and is_platform_staff(user)):
            raise NamedInText(namings)
        revision = self.current_revision()
        log(
            instance=self,
            action=RELEASED_DESPITE_NAMES,
            user=user,
            data={
                "release": str(release),
                "reason": reason,
                "revision": revision.pk if revision else None,
            },
        )

    # -- The public paper ------------------------------------------------------------------

    @transaction.atomic
    def publish_paper(self, working_group, title, summary, user, reason=""):
        """Publish the text as a non-attributed paper of `working_group` on the public site.

        A second publication replaces the same paper's text. The English version is made
        afterwards in the admin, through the usual translation of the Arabic page. A text that
        names people is published only with a reason (`clear_release`).
        """
        self.clear_release(Release.PAPER, user, reason)
        parent = WorkingGroupsPage.objects.filter(locale_id=working_group.locale_id).first()
        if parent is None:
            raise WorkingGroupsPage.DoesNotExist
        paper = PaperPage.objects.filter(pk=self.paper_id).first()
        if paper is None:
            base = slugify(title) or ("briefing-note" if self.is_briefing else "paper")
            paper = PaperPage(slug=find_available_slug(parent, base), title=title, body=[])
            paper.working_group = working_group
            parent.add_child(instance=paper)
        paper.title = title
        paper.working_group = working_group
        paper.summary = summary
        paper.date = timezone.localdate()
        paper.body = public_paper.body(self, parent.locale.language_code)
        # Platform staff hold no page permissions on the public tree; the workspace's access
        # rule (staff only) is what allows this, and the log still says who published.
        paper.save_revision(user=user).publish(user=user, skip_permission_checks=True)
        type(self).objects.filter(pk=self.pk).update(paper=paper)
        self.paper = paper
        return paper


class DraftRevision(DraftText):
    """One saved state of a draft: who saved it, when, and how it came about."""

    class Origin(models.TextChoices):
        CREATE = "create", _("Started")
        EDIT = "edit", _("Edited")
        MERGE = "merge", _("Merged with a concurrent edit")
        RESTORE = "restore", _("Restored an earlier revision")

    draft = models.ForeignKey(DraftPage, on_delete=models.CASCADE, related_name="text_revisions")
    title = models.CharField(_("title"), max_length=255)
    # The text belongs to the group: a member who leaves (or is erased) takes their name
    # with them, not the group's history.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="draft_revisions",
    )
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    origin = models.CharField(_("how"), max_length=10, choices=Origin.choices, default=Origin.EDIT)
    restored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("draft revision")
        verbose_name_plural = _("draft revisions")
        ordering = ["-pk"]

    def __str__(self):
        return f"{self.draft_id}#{self.pk}"

    def text_of(self, name):
        return getattr(self, name)


class DraftCommentQuerySet(models.QuerySet):
    def threads(self):
        """Opening comments with their answers, open ones first, oldest first within each."""
        return (
            self.filter(parent=None)
            .select_related("author", "resolved_by")
            .prefetch_related(
                models.Prefetch(
                    "answers", queryset=DraftComment.objects.select_related("author").order_by("pk")
                )
            )
            .order_by(models.F("resolved_at").asc(nulls_first=True), "pk")
        )


class DraftComment(models.Model):
    """A comment on a passage of a draft, or an answer to one."""

    draft = models.ForeignKey(DraftPage, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    passage = models.TextField(
        _("passage"),
        max_length=1000,
        blank=True,
        help_text=_("The words you comment on. Select them in the text to fill this in."),
    )
    body = models.TextField(_("comment"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="draft_comments",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DraftCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("draft comment")
        verbose_name_plural = _("draft comments")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.draft_id}: {self.body[:40]}"

    @property
    def is_resolved(self):
        return self.resolved_at is not None

    def resolve(self, user):
        self.resolved_at, self.resolved_by = timezone.now(), user
        self.save(update_fields=["resolved_at", "resolved_by"])

    def reopen(self):
        self.resolved_at = self.resolved_by = None
        self.save(update_fields=["resolved_at", "resolved_by"])
