"""Where to send someone after an action: the `next` they came with, if it stays on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request, fallback=""):
    """The request's `next` (form field, else query string) when it is an address on this site,
    else `fallback`: an action never leads off the site, whatever the link said."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return fallback
