"""Empty the public page cache when public content changes, and only then.

Public pages are those in the tree of a Wagtail Site. Pages elsewhere (the workspaces' trees sit
beside the home pages, outside every site) are never served by Wagtail to anonymous readers, so
publishing, moving or restricting them leaves the cache alone: otherwise every private write would
cost every reader a cold site.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache import invalidate_public_pages, invalidate_sites


def touches_a_site(*url_paths):
    """Whether a page at any of `url_paths` is in a site's tree or above one (its changes reach
    the site's root: the tree's root page, say).

    Wagtail keeps the site root paths in the shared cache, so this asks the database at most once
    per change of sites.
    """
    roots = [site_root.root_path for site_root in Site.get_site_root_paths()]
    return any(
        path.startswith(root) or root.startswith(path) for path in url_paths for root in roots
    )


def _restricted_page_path(restriction):
    if PageViewRestriction.page.is_cached(restriction):
        return restriction.page.url_path
    # Gone when its page is being deleted too; the page's own deletion then decides.
    return Page.objects.filter(pk=restriction.page_id).values_list("url_path", flat=True).first()


def _page_changed(sender, instance, **kwargs):
    if touches_a_site(instance.url_path):
        invalidate_public_pages()


def _page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    # A cached site holds its root page, whose URL path may be the one that changed.
    if touches_a_site(url_path_before, url_path_after):
        invalidate_sites()


def _slug_changed(sender, instance, instance_before, **kwargs):
    if touches_a_site(instance_before.url_path, instance.url_path):
        invalidate_sites()


def _restriction_changed(restriction):
    path = _restricted_page_path(restriction)
    if path is not None and touches_a_site(path):
        # A new view restriction hides pages that anonymous visitors may have cached.
        invalidate_public_pages()


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, BaseSiteSetting | Site):
        invalidate_sites()
    elif isinstance(instance, Page):
        _page_changed(sender, instance)
    elif isinstance(instance, PageViewRestriction):
        _restriction_changed(instance)


def _saved(sender, instance, **kwargs):
    if isinstance(instance, BaseSiteSetting | Site):
        invalidate_sites()
    elif isinstance(instance, PageViewRestriction):
        _restriction_changed(instance)


def register_signal_handlers():
    # Any publication in a site can change other pages too (the home page lists the latest
    # updates, menus and feeds list pages), so each one empties the whole public cache.
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"cssr-cache-{signal!r}")
    post_page_move.connect(_page_moved, dispatch_uid=f"cssr-cache-{post_page_move!r}")
    page_slug_changed.connect(_slug_changed, dispatch_uid=f"cssr-cache-{page_slug_changed!r}")
    post_delete.connect(_deleted, dispatch_uid="cssr-cache-delete")
    post_save.connect(_saved, dispatch_uid="cssr-cache-settings")
