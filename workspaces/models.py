"""Workspaces: one private page tree per working group, and who may enter it.

`Membership` is the single source of truth for access. Everything Wagtail needs to enforce it on
its own (the group per workspace, the page view restriction, the private document collection)
is derived from memberships by `WorkspacePage.sync_access()` (`workspaces.provisioning`) and
never edited by hand.

The access rule itself lives here, once: `WorkspacePage.objects.for_user(user)` lists what a
user may enter and `WorkspacePage.access_for(user)` says what they may do inside. Every view,
file, feed and notification asks one of the two.
"""

import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Exists, F, FilteredRelation, OuterRef, Q, Subquery, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page, PageManager
from wagtail.models.pages import PageQuerySet

from . import provisioning
from .conduct import CodeOfConduct, CodeOfConductAcceptance
from .pages import WorkspaceTreePageMixin, WorkspaceUrlMixin
from .provisioning import STAFF_GROUP_NAME, is_platform_staff
from .roles import Access, Role


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
    def provision(cls):
        """Create the index once, and keep every non-staff admin group out of its tree."""
        return provisioning.provision_index(cls)


class WorkspaceQuerySet(PageQuerySet):
    def for_user(self, user):
        """Workspaces `user` may enter: staff see all; others through an active membership,
        directly or through a group admitted to a shared space. Each knows its
        `access_for(user)` without another query."""
        if not user.is_authenticated:
            return self.none()
        entered = self.with_access(user)
        if is_platform_staff(user):
            return entered
        # `WorkspacePage.role_from` in SQL: some role, from either way in.
        return entered.filter(
            Q(direct_state__in=Membership.ACTIVE_STATES)
            | Q(direct_state__isnull=True, kind=WorkspacePage.Kind.SHARED, via_role__isnull=False)
        )

    def with_access(self, user, navigation=True, at=None):
        """Annotate each workspace with what `access_for(user)` derives its answer from: the
        state and role of `user`'s membership of it, their role through a group it admits,
        whether they are platform staff and whether they accepted the code of conduct.

        The gate asks this for every workspace address: it must stay one query, and a cheap
        one to build (the role is derived in Python, `WorkspacePage.role_from`). With
        `navigation`, the query also brings what the pages' navigation shows
        (`NAVIGATION_FACTS`); asked where nothing is shown (a live connection), it does not.
        `at` is the moment asked about (now, unless given).
        """
        if not user.is_authenticated:
            return self.annotate(
                access_user_id=Value(None, output_field=models.IntegerField()),
                direct_state=Value(None, output_field=models.CharField()),
                direct_role=Value(None, output_field=models.CharField()),
                via_role=Value(None, output_field=models.CharField()),
                user_is_staff=Value(False),
                user_accepted_code=Value(True),
            )
        via, staff, code, accepted = _access_questions()
        facts = {name: build() for name, build in NAVIGATION_FACTS.items()} if navigation else {}
        return self.annotate(
            direct=FilteredRelation("memberships", condition=Q(memberships__user=user)),
            access_user_id=Value(user.pk, output_field=models.IntegerField()),
            access_time=Value(at or timezone.now(), output_field=models.DateTimeField()),
            direct_state=F("direct__state"),
            direct_role=F("direct__role"),
            via_role=Subquery(via),
            user_is_staff=Value(True) if user.is_superuser else Exists(staff),
            user_accepted_code=~Exists(code) | Exists(accepted),
            **facts,
        )


# What the navigation of every workspace page shows about the user there (the chat's unread
# count), asked in the gate's one query rather than one query more per page. A feature adds a
# fact in its `AppConfig.ready()`: `build()` returns an expression that may name the user and
# the time only as `OuterRef("access_user_id")` and `OuterRef("access_time")`, and the
# workspace as `OuterRef("pk")`.
NAVIGATION_FACTS = {}


def register_navigation_fact(name, build):
    NAVIGATION_FACTS[name] = functools.cache(build)


@functools.cache
def _access_questions():
    """The subqueries of `with_access`, built once per process.

    They name the user and the time only through the outer query's `access_user_id` and
    `access_time`, so nothing in them changes from one request to the next: building them anew
    cost the gate about a millisecond of every workspace request.
    """
    user = OuterRef("access_user_id")
    via = (
        Membership.objects.active()
        .filter(user=user, workspace__admitted_to=OuterRef("pk"))
        .order_by("pk")
        .values("role")[:1]
    )
    staff = Group.objects.filter(name=STAFF_GROUP_NAME, user=user)
    code = CodeOfConduct.objects.filter(published_at__lte=OuterRef("access_time"))
    # The code in force, asked from inside `accepted`: the time is two queries out.
    current = CodeOfConduct.objects.filter(
        published_at__lte=OuterRef(OuterRef("access_time"))
    ).order_by("-version")
    accepted = CodeOfConductAcceptance.objects.filter(
        user=user, code=Subquery(current.values("pk")[:1])
    )
    return via, staff, code, accepted


class WorkspaceManager(PageManager.from_queryset(WorkspaceQuerySet)):
    pass


class WorkspacePage(WorkspaceTreePageMixin, Page):
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

    @property
    def workspace(self):
        return self

    # -- The access rule -------------------------------------------------------------------

    def access_for(self, user):
        """The one answer to "what may this user do here", derived from memberships.

        Read from the annotations of `WorkspaceQuerySet.with_access` when this instance was
        loaded with them for `user` (the gate does), else asked in one query.
        """
        if not user.is_authenticated:
            return Access(workspace=self, role=None, is_staff=False)
        facts = self
        if getattr(self, "access_user_id", None) != user.pk:
            facts = type(self).objects.filter(pk=self.pk).with_access(user).get()
        # Other checks of the same request (drafts, the admin's privacy rules) ask these again.
        user._is_platform_staff = facts.user_is_staff
        user._accepted_code_of_conduct = facts.user_accepted_code
        role = self.role_from(facts.direct_state, facts.direct_role, facts.via_role)
        needs_code = role is not None and not facts.user_accepted_code
        return Access(
            workspace=self,
            role=role,
            is_staff=facts.user_is_staff,
            needs_code_of_conduct=needs_code,
            gender=getattr(user, "gender", ""),
        )

    def role_from(self, direct_state, direct_role, via_role):
        """The role a membership gives here (`for_user` filters by the same rule in SQL)."""
        if direct_state is not None:
            # A membership of this workspace decides alone: blocked here is blocked, whatever
            # group the person belongs to.
            return direct_role if direct_state in Membership.ACTIVE_STATES else None
        if self.kind == self.Kind.SHARED and via_role is not None:
            # A rapporteur of one group is an ordinary member of a shared space.
            return Role.MEMBER if via_role == Role.RAPPORTEUR else via_role
        return None

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

    def sync_access(self):
        """Bring the Wagtail group, view restriction and collection in line with memberships."""
        provisioning.sync_access(self)

    def access_drift(self):
        """Differences between memberships and the derived Wagtail state; empty when in line."""
        return provisioning.access_drift(self)


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
    def role_label(self):
        """The role's name, agreeing with the member's gender (load `user` with it)."""
        return Role.label_for(self.role, self.user.gender)

    @property
    def is_active(self):
        return self.state in self.ACTIVE_STATES

    @staticmethod
    def active_q(prefix=""):
        return Q(**{f"{prefix}state__in": Membership.ACTIVE_STATES})
