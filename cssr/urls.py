from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from core import views
from home import views as home_views

# Wagtail's own sign-in form and its shared-password forms are not used here: sign-in is ours
# (WAGTAIL_FRONTEND_LOGIN_URL) and shared passwords are off (WAGTAIL_PRIVATE_PAGE_OPTIONS,
# WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS). Wagtail's privacy checks still reverse these names, so
# they keep their addresses, but on a view that answers 404 whatever the ids: the page password
# form told an anonymous visitor which ids were workspace discussions, other pages or nothing.
UNUSED_WAGTAIL_VIEWS = {
    "wagtailcore_login",
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
}


def wagtail_patterns(patterns):
    return [
        URLPattern(pattern.pattern, views.not_found, name=pattern.name)
        if pattern.name in UNUSED_WAGTAIL_VIEWS
        else pattern
        for pattern in patterns
    ]


# Outside the language prefix: the admin (it has its own language setting per user), sign-in
# (a POST must never be redirected), machine endpoints.
urlpatterns = [
    # A few admin screens answered first, so they never show editors a workspace.
    path("admin/", include("workspaces.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtail_patterns(wagtaildocs_urls.urlpatterns))),
    path("accounts/", include("accounts.urls")),
    path("calendar/", include("workspaces.events.feed_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Pages people read: /ar/... and /en/...; `/` redirects by cookie, then Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("workspaces/", include("workspaces.urls")),
    # Wagtail's front-end URLs, its page view replaced by one that finds the page in one query.
    *wagtail_patterns(
        pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"
    ),
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)
