"""Hiding and restoring posts, members' reports, and the log of every moderation action.

A model joins moderation by inheriting `Moderated`, with a manager that finds it in a workspace
(`workspaces.scoping.InWorkspaceQuerySet`), saying who wrote it (`moderation_author_id`) and
where it is read (`get_moderation_url`), and by adding `post_routes()` to its app's URLconf
(see `workspaces.moderation.urls`). Reports and
log entries point at their target generically, so chat messages or draft comments can join
later without a change here; both also carry the workspace, which is what the queue, the
navigation count and the erasure of a workspace filter on.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from workspaces.scoping import InWorkspaceQuerySet

REASON_MAX_LENGTH = 1000


@dataclass(frozen=True)
class ModerationLinks:
    """What `Moderated.moderation_links` gives a page: addresses, or None where not offered."""

    report_url: str | None = None
    action: str | None = None  # "hide" or "restore"
    action_url: str | None = None


class Moderated(models.Model):
    """Something a participant wrote that the technical officer or staff may hide, with a reason.

    A hidden post stays in place: its author sees that it was hidden and why, moderators still
    read it, everyone else sees a placeholder.
    """

    hidden = models.BooleanField(_("hidden"), default=False, editable=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True, editable=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True, editable=False)

    # Deleting a post (or erasing its author) takes its reports and log entries with it.
    moderation_reports = GenericRelation("moderation.Report")
    moderation_log_entries = GenericRelation("moderation.ModerationLog")

    # Names the model in its moderation routes ("hide_reply") and their id argument
    # ("reply_id"); the routes live in the namespace of the model's own URLconf.
    moderation_key = None
    moderation_url_namespace = None

    class Meta:
        abstract = True

    # -- What each moderated model says about itself --------------------------------------

    @property
    def moderation_author_id(self):
        raise NotImplementedError

    def get_moderation_url(self, workspace):
        """Where the post is read, for the queue, the log and the redirect after an action."""
        raise NotImplementedError

    @property
    def moderation_anchor(self):
        """The id of the post's element on the page where it is read."""
        return f"{self.moderation_key}-{self.pk}"

    def moderation_excerpt(self):
        raise NotImplementedError

    def moderation_changed(self):
        """Called after a hide or restore took effect: keep counts that depend on it exact."""

    # -- Behaviour ---------------------------------------------------------------------------

    def moderation_links(self, access, *, may_report, back_to):
        """The moderation links under this post for one reader: reporting it (when
        `may_report`), and hiding or restoring it for those who moderate the workspace, which
        lead back to this post on the page `back_to`."""
        action, action_url = None, None
        if access.can_moderate:
            action = "restore" if self.hidden else "hide"
            back = urlencode({"next": f"{back_to}#{self.moderation_anchor}"})
            action_url = f"{self.get_moderation_action_url(action, access.workspace)}?{back}"
        return ModerationLinks(
            report_url=(
                self.get_moderation_action_url("report", access.workspace) if may_report else None
            ),
            action=action,
            action_url=action_url,
        )

    def get_moderation_action_url(self, action, workspace):
        """The address to "report", "hide" or "restore" this post."""
        return reverse(
            f"{self.moderation_url_namespace}:{action}_{self.moderation_key}",
            kwargs={"slug": workspace.slug, f"{self.moderation_key}_id": self.pk},
        )

    def text_visible_to(self, user, access):
        return not self.hidden or access.can_moderate or self.moderation_author_id == user.pk

    @transaction.atomic
    def hide(self, *, by, reason, workspace):
        """Hide the post, close every open report on it, and log it. False if already hidden."""
        now = timezone.now()
        # A conditional update, so two moderators acting at once log one action, not two.
        changed = (
            type(self)
            ._default_manager.filter(pk=self.pk, hidden=False)
            .update(hidden=True, hidden_reason=reason, hidden_by=by, hidden_at=now)
        )
        if changed:
            self.hidden, self.hidden_reason, self.hidden_by, self.hidden_at = True, reason, by, now
            self.moderation_changed()
            ModerationLog.objects.create(
                workspace=workspace,
                actor=by,
                action=ModerationLog.Action.HIDE,
                target=self,
                reason=reason,
            )
        Report.objects.open().for_target(self).resolve(by=by, resolution=Report.Resolution.HIDDEN)
        return bool(changed)

    @transaction.atomic
    def restore(self, *, by, reason, workspace):
        """Show the post again and log it. False if it was not hidden."""
        changed = (
            type(self)
            ._default_manager.filter(pk=self.pk, hidden=True)
            .update(hidden=False, hidden_reason="", hidden_by=None, hidden_at=None)
        )
        if changed:
            self.hidden, self.hidden_reason, self.hidden_by, self.hidden_at = False, "", None, None
            self.moderation_changed()
            ModerationLog.objects.create(
                workspace=workspace,
                actor=by,
                action=ModerationLog.Action.RESTORE,
                target=self,
                reason=reason,
            )
        return bool(changed)


class TargetQuerySet(InWorkspaceQuerySet, models.QuerySet):
    workspace_field = "workspace"

    def for_target(self, target):
        content_type = ContentType.objects.get_for_model(target)
        return self.filter(content_type=content_type, object_id=target.pk)


class ReportQuerySet(TargetQuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def resolve(self, *, by, resolution):
        return self.update(resolved_at=timezone.now(), resolved_by=by, resolution=resolution)


class Report(models.Model):
    """A participant asks the technical officer to look at a post."""

    class Resolution(models.TextChoices):
        HIDDEN = "hidden", _("Post hidden")
        DISMISSED = "dismissed", _("Dismissed")

    workspace = models.ForeignKey(
        "workspaces.WorkspacePage",
        verbose_name=_("workspace"),
        on_delete=models.CASCADE,
        related_name="moderation_reports",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="moderation_reports",
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.CharField(
        _("resolution"), max_length=10, choices=Resolution.choices, blank=True
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["workspace", "resolved_at"])]
        constraints = [
            # Reporting the same post twice while the first report is open adds nothing.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_report_per_reporter_and_post",
            )
        ]

    def __str__(self):
        return f"{self.reporter} · {self.content_type.model} {self.object_id}"

    @property
    def is_open(self):
        return self.resolved_at is None

    @classmethod
    def file(cls, *, workspace, target, reporter, reason):
        """Open a report unless this reporter has one open on the target. True if filed."""
        try:
            with transaction.atomic():
                cls.objects.create(
                    workspace=workspace, target=target, reporter=reporter, reason=reason
                )
        except IntegrityError:
            return False
        return True

    @transaction.atomic
    def dismiss(self, *, by, reason=""):
        """Close the report without acting on the post, and log it. False if already closed."""
        closed = (
            Report.objects.open()
            .filter(pk=self.pk)
            .resolve(by=by, resolution=self.Resolution.DISMISSED)
        )
        if closed:
            ModerationLog.objects.create(
                workspace_id=self.workspace_id,
                actor=by,
                action=ModerationLog.Action.DISMISS,
                content_type_id=self.content_type_id,
                object_id=self.object_id,
                reason=reason,
            )
        return bool(closed)


class ModerationLog(models.Model):
    """Every hide, restore and dismissal, with who did it and why; read by moderators."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        DISMISS = "dismiss", _("Report dismissed")

    workspace = models.ForeignKey(
        "workspaces.WorkspacePage",
        verbose_name=_("workspace"),
        on_delete=models.CASCADE,
        related_name="moderation_log",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} · {self.content_type.model} {self.object_id}"
