"""When each user last opened each thread: what unread marks and "new" replies are measured from.

`models` imports the model from here (and the app's modules take it from there); it names the
discussion by its label, so this module imports nothing else of the app.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReadState(models.Model):
    """When a user last opened a thread; on the server, so every device shows the same."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_reads"
    )
    discussion = models.ForeignKey(
        "discussions.DiscussionPage", on_delete=models.CASCADE, related_name="read_states"
    )
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "discussion"], name="one_read_state_per_user")
        ]

    def __str__(self):
        return f"{self.user} · {self.discussion_id} · {self.last_read_at:%Y-%m-%d %H:%M}"

    @classmethod
    def mark_read(cls, user, discussion):
        """Record that `user` has seen the thread now; return when they had seen it before.

        A discussion fetched `with_read_state(user)` already says when: one write, no read.
        """
        now = timezone.now()
        if hasattr(discussion, "last_read_at"):
            previous = discussion.last_read_at
            mine = cls.objects.filter(user=user, discussion=discussion)
            if previous is not None and mine.update(last_read_at=now):
                return previous
        state, created = cls.objects.get_or_create(
            user=user, discussion=discussion, defaults={"last_read_at": now}
        )
        if created:
            return None
        previous, state.last_read_at = state.last_read_at, now
        state.save(update_fields=["last_read_at"])
        return previous
