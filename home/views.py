from collections import defaultdict

from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Page


@require_safe
def sitemap(request):
    """Every public page of every language, each with its translations as hreflang alternates.

    Wagtail's generator walks only the site root's own tree, which is the Arabic one; the
    English pages are translations beside it. `.public()` keeps restricted trees out entirely.
    """
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .defer_streamfields()
        .order_by("path")
    )
    entries = []
    by_translation = defaultdict(list)
    for page in pages:
        url = page.get_full_url(request)
        if url is None:
            continue
        entry = {
            "url": url,
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
        }
        entries.append((page.translation_key, entry))
        by_translation[page.translation_key].append(entry)
    urls = [
        {**entry, "alternates": by_translation[key] if len(by_translation[key]) > 1 else []}
        for key, entry in entries
    ]
    return render(request, "sitemap.xml", {"urls": urls}, content_type="application/xml")
