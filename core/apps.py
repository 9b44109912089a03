from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The public-site engine: one-query routing, the page cache and its signal handlers, the
    middleware, the menu and language-switch tags, and the catalogue commands. No models, no URLs
    of its own (`cssr/urls.py` mounts its views)."""

    name = "core"
    verbose_name = "CSSR core"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
