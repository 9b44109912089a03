"""Log lines that never carry the secret token of a personal calendar feed.

A calendar app fetches `/calendar/<token>.ics` every few minutes, and whoever holds the token
reads that person's calendar. Every request's address reaches a log: gunicorn's access and error
logs (`gunicorn.conf.py`), runserver's `django.server` and, for error answers, `django.request`
(`LOGGING` in the settings). Each of those loggers carries `MaskFeedTokens`. This module imports
nothing of Django or gunicorn, so both can load it before anything else.
"""

import logging
import re

# The feed address wherever it appears in a line (a request line, a path, a referring URL);
# anything up to `.ics` counts as the token, so an old or mistyped one is masked too.
_FEED_ADDRESS = re.compile(r"(/calendar/)[^/?#\s\"']+(\.ics)")
MASK = "********"


def mask_feed_tokens(text):
    return _FEED_ADDRESS.sub(rf"\g<1>{MASK}\g<2>", text)


class MaskFeedTokens(logging.Filter):
    """Rewrite a record's message with every feed token masked; never drops a record."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: let the handler report it as usual
            return True
        masked = mask_feed_tokens(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
