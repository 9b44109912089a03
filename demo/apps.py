from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo world (`seed_demo`) and what builds it: one module per part of the site, the
    sample files made in code, and the benchmark that runs against the result. It may import
    every app; no app imports it."""

    name = "demo"
    verbose_name = "CSSR demo"
