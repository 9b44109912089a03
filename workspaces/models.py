"""Workspaces: one private page tree per working group, and who may enter it.

`Membership` is the single source of truth for access. Everything Wagtail needs to enforce it on
its own (the group per workspace, the page view restriction, the private document collection)
is derived from memberships by `WorkspacePage.sync_access()` and never edited by hand.

The access rule itself lives here, once: `WorkspacePage.objects.for_user(user)` lists what a
user may enter and `WorkspacePage.access_for(user)` says what they may do inside. Every view,
file, feed and notification asks one of the two.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageManager,
    PageViewRestriction,
    WorkflowPage,
)
from wagtail.models.pages import PageQuerySet

STAFF_GROUP_NAME = "Platform staff"
PUBLIC_COLLECTION_NAME = "Public site"
INDEX_SLUG = "workspaces"


def is_platform_staff(user):
    """Staff of the CSSR and the envoy's office who run the workspaces (not editors)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_platform_staff", None)
    if cached is None:
        cached = user.groups.filter(name=STAFF_GROUP_NAME).exists()
        user._is_platform_staff = cached
    return cached


class WorkspaceUrlMixin:
    """Workspace pages live outside every site's tree, so Wagtail cannot route to them.

    They are served by `workspaces.views.serve_page` under both language prefixes; the interface
    follows the prefix, the content is the same single tree.
    """

    def get_url_parts(self, request=None):
        # url_path is "/workspaces/<workspace slug>/<path below it>/".
        slug, _slash, below = self.url_path.split("/", 2)[2].partition("/")
        if below:
            url = reverse("workspaces:subpage", args=[slug, below])
        else:
            url = reverse("workspaces:workspace", args=[slug])
        return (None, settings.WAGTAILADMIN_BASE_URL, url)


class FeaturePageMixin(WorkspaceUrlMixin):
    """What every page a feature keeps below a workspace has: a discussion, an event, a draft.

    It knows its workspace; the gate, having found the page inside it, tells it so.
    """

    @cached_property
    def workspace(self):
        return WorkspacePage.objects.ancestor_of(self).first()


class WorkspaceIndexPage(WorkspaceUrlMixin, Page):
    """The parent of all workspaces, beside the public home pages; never public."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["workspaces.WorkspacePage"]
    max_count = 1

    class Meta:
        verbose_name = _("workspaces index")

    def get_url_parts(self, request=None):
        return (None, settings.WAGTAILADMIN_BASE_URL, reverse("workspaces:index"))

    @classmethod
    @transaction.atomic
    def provision(cls):
        """Create the index once, and keep every non-staff admin group out of its tree.

        Wagtail's initial editor and moderator groups hold permissions on the root page and the
        root collection, which would cover the workspaces too; those are moved to the public
        trees and a public collection beside them. So is the workflow on the root page (Wagtail's
        "Moderators approval"): over the workspaces it would send their pages to the moderators.
        """
        index = cls.objects.first()
        root = Page.get_first_root_node()
        if index is None:
            index = cls(title="Workspaces", slug=INDEX_SLUG)
            root.add_child(instance=index)
            index.save_revision().publish()
        PageViewRestriction.objects.get_or_create(
            page=index, restriction_type=PageViewRestriction.LOGIN
        )
        staff = staff_group()
        public_trees = root.get_children().exclude(pk=index.pk)
        for permission in GroupPagePermission.objects.filter(page=root).exclude(group=staff):
            for tree in public_trees:
                GroupPagePermission.objects.get_or_create(
                    group=permission.group, page=tree, permission=permission.permission
                )
            permission.delete()
        for attached in WorkflowPage.objects.filter(page=root):
            for tree in public_trees:
                # A public tree with a workflow of its own keeps it.
                WorkflowPage.objects.get_or_create(
                    page=tree, defaults={"workflow": attached.workflow}
                )
            attached.delete()
        cls._keep_collections_apart(staff)
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
            GroupPagePermission.objects.get_or_create(
                group=staff,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        return index

    @staticmethod
    def _keep_collections_apart(staff):
        """Move non-staff permissions on the root collection to a public collection beside it.

        Collection permissions reach every collection below, and each workspace's collection
        sits below the root: an editor allowed on the root would list, choose and change the
        workspaces' documents and images. The public side's files move along with the
        permissions, so editors keep everything they had.
        """
        root = Collection.get_first_root_node()
        inherited = GroupCollectionPermission.objects.filter(collection=root).exclude(group=staff)
        if not inherited.exists():
            return
        public = root.get_children().filter(name=PUBLIC_COLLECTION_NAME).first()
        if public is None:
            public = root.add_child(name=PUBLIC_COLLECTION_NAME)
        for permission in inherited:
            GroupCollectionPermission.objects.get_or_create(
                group=permission.group, collection=public, permission=permission.permission
            )
            permission.delete()
        get_document_model().objects.filter(collection=root).update(collection=public)
        get_image_model().objects.filter(collection=root).update(collection=public)


class WorkspaceQuerySet(PageQuerySet):
    def for_user(self, user):
        """Workspaces `user` may enter: staff see all; others through an active membership,
        directly or through a group admitted to a shared space."""
        if not user.is_authenticated:
            return self.none()
        if is_platform_staff(user):
            return self
        memberships = Membership.objects.filter(user=user)
        mine = memberships.active().values("workspace_id")
        # Blocked in (or gone from) a shared space means out, even while their group is admitted.
        shut = memberships.exclude(Membership.active_q()).values("workspace_id")
        return self.filter(Q(pk__in=mine) | Q(admits__in=mine)).exclude(pk__in=shut).distinct()


class WorkspaceManager(PageManager.from_queryset(WorkspaceQuerySet)):
    pass


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    OFFICER = "officer", _("Technical officer")
    FOCAL_POINT = "focal_point", _("Focal point")


# The FAQ gives rapporteurs exactly a member's rights; they are only marked as rapporteurs.
POSTING_ROLES = {Role.MEMBER, Role.RAPPORTEUR}
MODERATING_ROLES = {Role.OFFICER}


@dataclass(frozen=True)
class Access:
    """What one user may do in one workspace. `role` is None for staff without a membership."""

    workspace: "WorkspacePage"
    role: str | None
    is_staff: bool
    needs_code_of_conduct: bool = False

    @property
    def role_label(self):
        return Role(self.role).label if self.role else None

    @property
    def can_view(self):
        return self.is_staff or self.role is not None

    @property
    def can_post(self):
        return (
            self.role in POSTING_ROLES and self.workspace.is_open and not self.needs_code_of_conduct
        )

    @property
    def can_moderate(self):
        return self.is_staff or self.role in MODERATING_ROLES

    @property
    def can_report(self):
        return self.role is not None and self.role not in MODERATING_ROLES


class WorkspacePage(WorkspaceUrlMixin, Page):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed (read-only)")
        ARCHIVED = "archived", _("Archived")

    class Kind(models.TextChoices):
        GROUP = "group", _("Working group")
        SHARED = "shared", _("Shared space")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GROUP)
    theme = models.CharField(_("theme"), max_length=255)
    description = RichTextField(
        _("what the group works on"), features=["bold", "italic", "link", "ul", "ol"], blank=True
    )
    cohort = models.PositiveSmallIntegerField(_("cohort"), default=1)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    meeting_url = models.URLField(
        _("meeting room link"),
        blank=True,
        help_text=_("The group's Zoom or Jitsi room. Shown to members only."),
    )
    silence_days = models.PositiveSmallIntegerField(
        _("silence period (days)"),
        default=60,
        help_text=_("Members silent for longer are warned, then blocked from this workspace."),
    )
    admits = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="admitted_to",
        verbose_name=_("groups admitted"),
        help_text=_("For a shared space: the working groups whose members may enter it."),
    )
    group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        Collection,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = WorkspaceManager()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("theme"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("cohort"),
                FieldPanel("term_start"),
                FieldPanel("term_end"),
                FieldPanel("status"),
                FieldPanel("silence_days"),
            ],
            heading=_("Term"),
        ),
        FieldPanel("meeting_url"),
        FieldPanel("admits"),
    ]

    parent_page_types = ["workspaces.WorkspaceIndexPage"]
    subpage_types = ["discussions.DiscussionPage", "events.EventPage", "drafts.DraftPage"]
    # A copy is a new workspace: it gets its own group and collection, never the original's.
    exclude_fields_in_copy = ["group", "collection"]

    class Meta:
        verbose_name = _("workspace")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Created in code, or published by any path (editor, workflow, schedule): the group,
        # view restriction and collection follow at once, so the page is never reachable
        # without them. Saves of single fields (revision bookkeeping) change none of it.
        if kwargs.get("update_fields") is None:
            self.sync_access()
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["access"] = getattr(request, "workspace_access", None) or self.access_for(
            request.user
        )
        return context

    # -- The access rule -------------------------------------------------------------------

    def access_for(self, user):
        """The one answer to "what may this user do here", derived from memberships."""
        staff = is_platform_staff(user)
        role = None
        if user.is_authenticated:
            direct = Membership.objects.filter(user=user, workspace=self).first()
            if direct is not None:
                # A membership of this workspace decides alone: blocked here is blocked, whatever
                # group the person belongs to.
                role = direct.role if direct.is_active else None
            elif self.kind == self.Kind.SHARED:
                via = (
                    Membership.objects.active()
                    .filter(user=user, workspace__admitted_to=self)
                    .values_list("role", flat=True)
                    .first()
                )
                if via is not None:
                    # A rapporteur of one group is an ordinary member of a shared space.
                    role = Role.MEMBER if via == Role.RAPPORTEUR else via
        needs_code = role is not None and not CodeOfConduct.accepted_current(user)
        return Access(workspace=self, role=role, is_staff=staff, needs_code_of_conduct=needs_code)

    @property
    def is_open(self):
        return self.status == self.Status.ACTIVE

    def meeting_room_url(self):
        """The room staff set, or else the workspace's own room on the Jitsi server.

        Anyone who knows a Jitsi room's name can enter it, so the name is derived from the
        secret key and the workspace's id: it cannot be guessed from the slug or the title.
        """
        if self.meeting_url:
            return self.meeting_url
        room = salted_hmac("workspaces.meeting-room", str(self.pk), algorithm="sha256")
        return f"{settings.JITSI_BASE_URL.rstrip('/')}/cssr-{room.hexdigest()[:32]}"

    def people_with_access(self):
        """Users who may enter, other than staff: the set the derived Wagtail group must hold."""
        direct = Q(memberships__workspace=self)
        via_group = Q(memberships__workspace__admitted_to=self)
        active = Membership.active_q(prefix="memberships__")
        shut = Membership.objects.filter(workspace=self).exclude(Membership.active_q())
        return (
            get_user_model()
            .objects.filter(active & (direct | via_group))
            .exclude(pk__in=shut.values("user_id"))
            .distinct()
        )

    # -- Derived Wagtail state -------------------------------------------------------------

    @transaction.atomic
    def sync_access(self):
        """Bring the Wagtail group, view restriction and collection in line with memberships."""
        if self.group is None:
            self.group = Group.objects.create(name=f"Workspace {self.pk}: {self.slug}"[:150])
        if self.collection is None:
            root = Collection.get_first_root_node()
            self.collection = root.add_child(name=f"Workspace {self.pk}: {self.title}"[:255])
        type(self).objects.filter(pk=self.pk).update(group=self.group, collection=self.collection)
        self.group.user_set.set(self.people_with_access())
        allowed = [self.group, staff_group()]

        restriction = PageViewRestriction.objects.filter(page=self).first()
        if restriction is None or restriction.restriction_type != PageViewRestriction.GROUPS:
            PageViewRestriction.objects.filter(page=self).delete()
            restriction = PageViewRestriction.objects.create(
                page=self, restriction_type=PageViewRestriction.GROUPS
            )
        restriction.groups.set(allowed)
        # A copied page brings the original's restriction along; only this workspace's counts.
        PageViewRestriction.objects.filter(page=self).exclude(pk=restriction.pk).delete()

        collection_restriction = CollectionViewRestriction.objects.filter(
            collection=self.collection
        ).first()
        if collection_restriction is None:
            collection_restriction = CollectionViewRestriction.objects.create(
                collection=self.collection, restriction_type=CollectionViewRestriction.GROUPS
            )
        collection_restriction.groups.set(allowed)

        # Shared spaces that admit this group follow its membership.
        for shared in self.admitted_to.all():
            shared.sync_access()

    def access_drift(self):
        """Differences between memberships and the derived Wagtail state; empty when in line."""
        problems = []
        expected_users = set(self.people_with_access().values_list("pk", flat=True))
        if self.group is None:
            return ["no group"]
        actual_users = set(self.group.user_set.values_list("pk", flat=True))
        if expected_users != actual_users:
            problems.append(f"group members {sorted(actual_users)} != {sorted(expected_users)}")
        expected_groups = {self.group_id, staff_group().pk}
        restrictions = list(PageViewRestriction.objects.filter(page=self))
        restriction = restrictions[0] if len(restrictions) == 1 else None
        if restriction is None or restriction.restriction_type != PageViewRestriction.GROUPS:
            problems.append("page view restriction missing or more than one")
        elif set(restriction.groups.values_list("pk", flat=True)) != expected_groups:
            problems.append("page view restriction groups differ")
        collection_restriction = CollectionViewRestriction.objects.filter(
            collection_id=self.collection_id
        ).first()
        if collection_restriction is None:
            problems.append("collection view restriction missing")
        elif set(collection_restriction.groups.values_list("pk", flat=True)) != expected_groups:
            problems.append("collection view restriction groups differ")
        return problems


def staff_group():
    """Platform staff enter the admin for workspaces, memberships and the code of conduct."""
    group, created = Group.objects.get_or_create(name=STAFF_GROUP_NAME)
    if created:
        codenames = [
            "access_admin",
            *(
                f"{action}_{model}"
                for action in ("add", "change", "delete", "view")
                for model in ("membership", "codeofconduct")
            ),
        ]
        group.permissions.set(Permission.objects.filter(codename__in=codenames))
    return group


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(Membership.active_q())


class Membership(models.Model):
    """Who belongs to which workspace, in which role, since when. Staff manage these."""

    class State(models.TextChoices):
        ACTIVE = "active", _("Active")
        WARNED = "warned", _("Warned for silence")
        BLOCKED = "blocked", _("Blocked")
        LEFT = "left", _("Left")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    workspace = models.ForeignKey(
        WorkspacePage,
        verbose_name=_("workspace"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    last_active_at = models.DateTimeField(_("last active"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "workspace"], name="one_membership_per_workspace"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.workspace} · {self.get_role_display()}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.workspace.sync_access()

    def delete(self, *args, **kwargs):
        workspace = self.workspace
        result = super().delete(*args, **kwargs)
        workspace.sync_access()
        return result

    # A warned member still has access until staff (or the silence rule) block them.
    ACTIVE_STATES = (State.ACTIVE, State.WARNED)

    @property
    def is_active(self):
        return self.state in self.ACTIVE_STATES

    @staticmethod
    def active_q(prefix=""):
        return Q(**{f"{prefix}state__in": Membership.ACTIVE_STATES})


class CodeOfConduct(models.Model):
    """The code every participant accepts before entering a workspace; each version anew."""

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    text = RichTextField(_("text"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    published_at = models.DateTimeField(_("published"), default=timezone.now)

    panels = [FieldPanel("text"), FieldPanel("published_at")]

    class Meta:
        verbose_name = _("code of conduct")
        verbose_name_plural = _("codes of conduct")
        ordering = ["-version"]

    def __str__(self):
        return str(_("Code of conduct, version %(version)s") % {"version": self.version})

    def save(self, *args, **kwargs):
        if self.version is None:
            latest = CodeOfConduct.objects.aggregate(models.Max("version"))["version__max"]
            self.version = (latest or 0) + 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        return cls.objects.filter(published_at__lte=timezone.now()).first()

    @classmethod
    def accepted_current(cls, user):
        cached = getattr(user, "_accepted_code_of_conduct", None)
        if cached is None:
            current = cls.current()
            cached = current is None or current.acceptances.filter(user=user).exists()
            user._accepted_code_of_conduct = cached
        return cached


class CodeOfConductAcceptance(models.Model):
    code = models.ForeignKey(CodeOfConduct, on_delete=models.CASCADE, related_name="acceptances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="code_acceptances"
    )
    accepted_at = models.DateTimeField(_("accepted"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["code", "user"], name="one_acceptance_per_version")
        ]

    def __str__(self):
        return f"{self.user} · {self.code}"
