from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events members plan in their workspace, and the calendars that carry them."""

    name = "workspaces.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from workspaces import pages, search

        from . import views
        from .models import EventPage

        pages.register(EventPage, views.event_page)
        search.register("events", _("Events"), EventPage.objects.in_workspace)
