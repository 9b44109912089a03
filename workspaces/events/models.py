"""Events members plan in their workspace, their answers, and each person's calendar feed.

An event is a page of the workspace tree: it inherits the workspace's restriction, and its
revisions record who changed what. Times are stored in UTC together with the zone they were
planned in, because that zone decides what "17:00" means across clock changes, and calendar apps
receive it as TZID.
"""

import datetime
import secrets
import uuid
import zoneinfo

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.models.pages import PageQuerySet

from accounts.models import DEFAULT_TIME_ZONE
from workspaces.pages import FeaturePageMixin
from workspaces.provisioning import STAFF_GROUP_NAME
from workspaces.scoping import InWorkspaceQuerySet
from workspaces.search import SCAN_LIMIT, Found, holds_every
from workspaces.slugs import free_slug

# Where participants and the envoy's office meet; forms offer these first.
COMMON_ZONES = [
    ("Asia/Damascus", _("Damascus")),
    ("Europe/Zurich", _("Geneva")),
    ("Asia/Amman", _("Amman")),
    ("Europe/Istanbul", _("Istanbul")),
    ("Asia/Baghdad", _("Erbil, Baghdad")),
]
# The meeting room is the place to be from shortly before an online event until it ends.
ROOM_OPENS_BEFORE = datetime.timedelta(minutes=15)
LONGEST_EVENT = datetime.timedelta(days=31)


def zone_label(name):
    """A city people recognise for the common zones, the IANA name for the rest."""
    label = dict(COMMON_ZONES).get(name)
    return str(label) if label else name


class EventQuerySet(InWorkspaceQuerySet, PageQuerySet):
    def upcoming(self, now=None):
        return self.filter(end__gt=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lte=now or timezone.now()).order_by("-start")

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gt=start).order_by("start")

    def in_meeting_room(self, now=None):
        """Online events whose room is open: from shortly before the start until the end."""
        now = now or timezone.now()
        return self.filter(
            online=True, cancelled=False, start__lte=now + ROOM_OPENS_BEFORE, end__gt=now
        ).order_by("start")

    def for_home(self, limit, now=None):
        """`(current, upcoming)` from one query: the meeting in the room now (or None) and the
        next `limit` events that have not ended, soonest first."""
        now = now or timezone.now()
        upcoming = self.upcoming(now).order_by("start", "pk").values("pk")[:limit]
        in_room = self.in_meeting_room(now).order_by("start", "pk").values("pk")[:1]
        # The room's meeting has not ended either: when it is not among the next `limit`, those
        # all start before it, so the first `limit` of both together are the upcoming ones.
        events = list(self.filter(Q(pk__in=upcoming) | Q(pk__in=in_room)).order_by("start", "pk"))
        current = next((event for event in events if event.room_is_open(now)), None)
        return current, events[:limit]

    def found(self, words, limit):
        """For the workspace search: the latest events holding every one of the folded `words`
        in their title or description."""
        events = self.order_by("-start")[:SCAN_LIMIT]
        return [
            Found(event.title, event.url, event.description, event.start)
            for event in events
            if holds_every(words, event.title, event.description)
        ][:limit]


class EventManager(PageManager.from_queryset(EventQuerySet)):
    pass


class EventPage(FeaturePageMixin, Page):
    """A meeting, workshop or call of one workspace, planned by a member from the front end."""

    # A change to any of these is news for a calendar app: SEQUENCE grows so it takes the update.
    SCHEDULE_FIELDS = ("start", "end", "time_zone", "online", "location", "cancelled")

    description = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default=DEFAULT_TIME_ZONE)
    online = models.BooleanField(
        _("online"), default=True, help_text=_("In the workspace's meeting room.")
    )
    location = models.CharField(_("place"), max_length=255, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    sequence = models.PositiveIntegerField(
        _("revision number for calendars"), default=0, editable=False
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = EventManager()

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("time_zone")], heading=_("When")
        ),
        MultiFieldPanel([FieldPanel("online"), FieldPanel("location")], heading=_("Where")),
        FieldPanel("cancelled"),
    ]

    parent_page_types = ["workspaces.WorkspacePage"]
    subpage_types = []
    # A copy is another event: calendar apps must not mistake it for this one.
    exclude_fields_in_copy = ["uid", "sequence"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @classmethod
    @transaction.atomic
    def create(cls, workspace, *, author, **fields):
        """Create an event in `workspace` as `author`, published at once with its first revision."""
        event = cls(owner=author, **fields)
        # The day leads, so a meeting held every month gets an address for each.
        words = event.slug or f"{event.start_local.date().isoformat()} {event.title}"
        event.slug = free_slug(workspace, words, fallback="event")
        workspace.add_child(instance=event)
        event._publish(author)
        return event

    def change(self, user, **fields):
        for name, value in fields.items():
            setattr(self, name, value)
        self._publish(user)

    def _publish(self, user):
        # Members have no admin page permissions: the views have asked the workspace's access
        # rule already, so Wagtail's own check would only refuse them.
        self.save_revision(user=user).publish(user=user, skip_permission_checks=True)

    def cancel(self, user):
        self.change(user, cancelled=True)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or set(update_fields) & set(self.SCHEDULE_FIELDS)):
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values("sequence", *self.SCHEDULE_FIELDS)
                .first()
            )
            if stored is not None:
                # A revision carries the sequence it was made with: never let it go back.
                self.sequence = max(self.sequence, stored["sequence"])
                if any(stored[name] != getattr(self, name) for name in self.SCHEDULE_FIELDS):
                    self.sequence += 1
                    if update_fields is not None:
                        kwargs["update_fields"] = {*update_fields, "sequence"}
        return super().save(*args, **kwargs)

    # -- Time ------------------------------------------------------------------------------

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def zone_label(self):
        return zone_label(self.time_zone)

    @property
    def start_local(self):
        return self.start.astimezone(self.zone)

    @property
    def end_local(self):
        return self.end.astimezone(self.zone)

    def local_days(self, zone):
        """The dates this event touches in `zone`; one ending at midnight stays on its last day."""
        first = self.start.astimezone(zone).date()
        last = (self.end - datetime.timedelta(microseconds=1)).astimezone(zone).date()
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    def is_over(self, now=None):
        return self.end <= (now or timezone.now())

    def room_is_open(self, now=None):
        now = now or timezone.now()
        return (
            self.online and not self.cancelled and self.start - ROOM_OPENS_BEFORE <= now < self.end
        )

    # -- Who may do what -------------------------------------------------------------------

    def can_edit(self, user, access):
        """Staff, and the member who planned it while they may still post in the workspace."""
        return access.is_staff or (access.can_post and self.owner_id == user.pk)

    def can_answer(self, access, now=None):
        return (
            access.can_view
            and access.workspace.is_open
            and not self.cancelled
            and not self.is_over(now)
        )


class EventAnswerQuerySet(models.QuerySet):
    def from_people_inside(self, workspace):
        """Answers of people who may still enter: someone who left the group no longer counts."""
        staff = Q(user__is_superuser=True) | Q(user__groups__name=STAFF_GROUP_NAME)
        return self.filter(Q(user__in=workspace.people_with_access()) | staff).distinct()


class EventAnswer(models.Model):
    """One person's answer to one event; they may change it until the event ends."""

    class Answer(models.TextChoices):
        GOING = "going", _("Going")
        MAYBE = "maybe", _("Maybe")
        NOT_GOING = "not_going", _("Not going")

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="answers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="event_answers",
    )
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    answered_at = models.DateTimeField(_("answered"), auto_now=True)

    objects = EventAnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer to an event")
        verbose_name_plural = _("answers to events")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_answer_per_event")
        ]

    def __str__(self):
        return f"{self.user} · {self.event} · {self.get_answer_display()}"


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """The secret in a person's calendar subscription address: the only key calendar apps have.

    The token is stored as it is, not hashed, so the profile page can show the address again
    whenever the person adds another device; a token that may have leaked is revoked or replaced
    from the same page. A revoked token leaves the row with no token, so the address is not
    silently recreated on the next visit to the profile.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        """The person's subscription, created on first use; its token is None once revoked."""
        feed, _created = cls.objects.get_or_create(user=user, defaults={"token": new_feed_token()})
        return feed

    @classmethod
    def user_for(cls, token):
        """The active user holding `token`, or None. Only a unique-index lookup touches the
        secret, and the final comparison takes the same time wherever the strings differ."""
        if not token:
            return None
        feed = cls.objects.filter(token=token).select_related("user").first()
        if feed is None or not constant_time_compare(feed.token, token):
            return None
        return feed.user if feed.user.is_active else None

    def regenerate(self):
        self.token = new_feed_token()
        self.created_at = timezone.now()
        self.save(update_fields=["token", "created_at"])

    def revoke(self):
        self.token = None
        self.save(update_fields=["token"])
