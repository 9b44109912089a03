"""The base template's site menu (the home page's public sections, cached until a publication)
and language switch (where the same content lives in each other language); `since`, the time
elapsed in words; `day`, `long_day`, `when`, `clock` and `month_year`, the one format of dates and times
(`core.dates`); `dir_of`, the direction of a text people wrote.

The menu's markup, `includes/site_menu.html`, is the project's (`cssr/templates`): it links the
project's own sections by URL name, which the engine does not know.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils.timesince import timesince
from django.utils.translation import (
    get_language,
    get_language_from_path,
    get_language_info,
    ngettext_lazy,
    override,
)
from wagtail.models import Page

from core import bidi, dates
from core.cache import current_generation
from core.pages import exclude_restricted
from core.routing import home_url_path

register = template.Library()


def _language_links(request, page):
    """One entry per other language: where the same content lives there, if anywhere."""
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        info = get_language_info(code)
        entry = {"code": code, "name": info["name_local"], "url": None, "post": False}
        if isinstance(page, Page) and _served_by_wagtail(request):
            translation = page.get_translations().live().filter(locale__language_code=code).first()
            if translation is not None:
                entry["url"] = translation.get_url(request)
            else:
                # Say so plainly, and offer that language's home page instead.
                entry["missing"] = True
                with override(code):
                    entry["url"] = reverse("wagtail_serve", args=[""])
        elif get_language_from_path(request.path_info):
            entry["url"] = translate_url(request.get_full_path(), code)
        else:
            # An unprefixed page (sign-in, profile): switch through Django's set_language.
            entry["post"] = True
        links.append(entry)
    return links


def _served_by_wagtail(request):
    # Pages that Wagtail routes have one translation per language. Other views, including the
    # untranslated workspace trees, show the same content under the other language prefix.
    match = request.resolver_match
    return match is not None and match.url_name == "wagtail_serve"


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    request = context["request"]
    return {
        "links": _language_links(request, context.get("page")),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("includes/site_menu.html", takes_context=True)
def site_menu(context):
    """The public sections of the home page in the visitor's language, cached until a publish."""
    request = context["request"]
    language = get_language()
    key = f"site-menu:{current_generation()}:{language}:{request.get_host()}"
    items = cache.get(key)
    if items is None:
        items = []
        home = home_url_path(request)
        if home is not None:
            # The home page's children, found by their URL path (a page's depth is the number of
            # slashes in it) so that no query is spent on finding the home page first.
            sections = (
                Page.objects.live()
                .in_menu()
                .filter(url_path__startswith=home, depth=home.count("/") + 1)
            )
            items = [
                (page.title, page.get_url(request))
                for page in exclude_restricted(sections).order_by("path")
            ]
        cache.set(key, items, settings.PUBLIC_PAGE_CACHE_SECONDS)
    return {
        "items": items,
        "request": request,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
    }


# Django's own Arabic strings for `timesince` put a numeral before the dual ("2 دقيقتين") and
# join two units with a Latin comma. These are the project's, so its catalogue gives each of
# Arabic's six plural forms its own wording, and `since` names one unit only.
TIME_STRINGS = {
    "year": ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    "month": ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    "week": ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    "day": ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    "hour": ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    "minute": ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
}


@register.filter
def since(value):
    """How long ago `value` was, in its largest unit: "3 hours", "ساعتين"."""
    if not value:
        return ""
    return timesince(value, time_strings=TIME_STRINGS, depth=1)


def _dated(format_value):
    """A filter that leaves an empty value empty."""

    def filter_(value, argument=None):
        if not value:
            return ""
        return format_value(value) if argument is None else format_value(value, argument)

    filter_.__name__, filter_.__doc__ = format_value.__name__, format_value.__doc__
    return register.filter(filter_)


for _format in (dates.day, dates.long_day, dates.when, dates.clock, dates.month_year):
    _dated(_format)


DIRECTION_SAMPLE = 500


@register.filter
def dir_of(text):
    """The `dir` attribute for a text people wrote: its dominant script's direction, "auto"
    when it has no letters (`core.bidi`)."""
    # The first few hundred characters tell a text's script; a post may run to 20,000, and
    # this runs for every post of a page on every view.
    return bidi.direction(str(text or "")[:DIRECTION_SAMPLE], "auto")
