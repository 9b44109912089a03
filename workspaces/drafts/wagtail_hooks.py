"""What drafts add to Wagtail: the log action of a text let out although it names people.

The entry goes to the draft's own page history (Wagtail's log), beside its other history, so it
lives and goes with the draft and the workspace; the reason is shown as the entry's comment.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .kinds import Release
from .models import RELEASED_DESPITE_NAMES


@hooks.register("register_log_actions")
def register_release_despite_names(actions):
    @actions.register_action(RELEASED_DESPITE_NAMES)
    class ReleasedDespiteNames(LogFormatter):
        label = _("Let out although it names people")

        def format_message(self, log_entry):
            release = log_entry.data.get("release")
            if release not in Release.values:
                return self.label
            return _("%(release)s although the text names people of the workspace") % {
                "release": Release(release).label
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")
