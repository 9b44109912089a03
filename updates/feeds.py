"""RSS 2.0 and Atom feeds of one update index: its latest public updates.

They are served under the language prefix of their index (/ar/..., /en/...), so the active
language, which Django's feeds declare, is the language of the index and of every item.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext


class UpdatesRssFeed(Feed):
    feed_type = Rss201rev2Feed
    kind = "rss"

    def __init__(self, index):
        self.index = index
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title} · {gettext('Civil Society Support Room')}"

    def description(self, index):
        return gettext("Periodic updates from the Civil Society Support Room.")

    def link(self, index):
        return self.request.build_absolute_uri(index.get_url(self.request))

    def feed_url(self, index):
        return index.full_feed_url(self.request, self.kind)

    def items(self, index):
        return index.feed_updates()

    # Readers treat titles and descriptions as HTML; editors' plain text is escaped to stay text.
    def item_title(self, update):
        return escape(update.title)

    def item_description(self, update):
        return escape(update.summary)

    def item_link(self, update):
        return self.request.build_absolute_uri(update.get_url(self.request))

    def item_pubdate(self, update):
        return datetime.datetime.combine(update.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, update):
        return update.last_published_at

    def item_categories(self, update):
        return [tag.name for tag in update.tags.all()]


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed
    kind = "atom"

    def subtitle(self, index):
        return self.description(index)
