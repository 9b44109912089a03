from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_from_path, get_language_info
from wagtail.models import Locale, Page, Site

from cssr.cache import current_generation

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
                home = _home_for(request, page, code)
                entry["url"] = home.get_url(request) if home else f"/{code}/"
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


def _home_for(request, page, language_code):
    site = page.get_site()
    if site is None:
        return None
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return None
    return site.root_page.get_translation_or_none(locale)


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
        site = Site.find_for_request(request)
        home = site.root_page.localized if site else None
        if home is not None:
            sections = home.get_children().live().public().in_menu().order_by("path")
            items = [(page.title, page.get_url(request)) for page in sections]
        cache.set(key, items, settings.PUBLIC_PAGE_CACHE_SECONDS)
    return {
        "items": items,
        "request": request,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
    }
