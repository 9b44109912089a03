from django.utils import timezone

from .models import zone_for


class TimeZoneMiddleware:
    """Show a signed-in person every time in their own time zone (set on their profile).

    Django renders aware datetimes in the active time zone. Anonymous visitors, whose pages are
    shared through the public cache, keep the server's zone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            timezone.activate(zone_for(request.user))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
