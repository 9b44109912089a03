from django.utils import timezone

from core import dates

from .models import zone_for


class PreferencesMiddleware:
    """Show a signed-in person every time in their own time zone, with the month names and the
    clock they chose on their profile.

    Django renders aware datetimes in the active time zone; `core.dates` formats with the active
    choices. Anonymous visitors, whose pages are shared through the public cache, keep the
    server's zone and the defaults.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        timezone.activate(zone_for(user))
        chosen = dates.activate(user.month_names, user.clock)
        try:
            return self.get_response(request)
        finally:
            dates.deactivate(chosen)
            timezone.deactivate()
