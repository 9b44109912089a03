from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache import invalidate_public_pages, invalidate_sites


def _page_changed(sender, instance=None, **kwargs):
    invalidate_public_pages()


def _page_path_changed(sender, instance=None, **kwargs):
    # A cached site holds its root page, whose URL path may be the one that changed.
    invalidate_sites()


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, BaseSiteSetting | Site):
        invalidate_sites()
    elif isinstance(instance, Page | PageViewRestriction):
        invalidate_public_pages()


def _saved(sender, instance, **kwargs):
    if isinstance(instance, BaseSiteSetting | Site):
        invalidate_sites()
    elif isinstance(instance, PageViewRestriction):
        # A new view restriction hides pages that anonymous visitors may have cached.
        invalidate_public_pages()


def register_signal_handlers():
    # Any publication can change other pages too (the home page lists the latest updates, menus
    # and feeds list pages), so each one empties the whole public cache.
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"cssr-cache-{signal!r}")
    for signal in (post_page_move, page_slug_changed):
        signal.connect(_page_path_changed, dispatch_uid=f"cssr-cache-{signal!r}")
    post_delete.connect(_deleted, dispatch_uid="cssr-cache-delete")
    post_save.connect(_saved, dispatch_uid="cssr-cache-settings")
