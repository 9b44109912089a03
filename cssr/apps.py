from django.apps import AppConfig


class CssrConfig(AppConfig):
    """The project package: base templates, the language switch and the catalogue tools."""

    name = "cssr"
    verbose_name = "CSSR"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
