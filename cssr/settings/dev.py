"""Local development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
# A fixed key is fine on a laptop; production refuses to start without its own.
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
# The manifest needs `collectstatic`; runserver serves the source files directly.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Static files straight from the source folders; `collectstatic` is for production only.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# On a laptop a reset link should show in the terminal at once, without a mail worker running.
EMAIL_BACKEND = MAILER_EMAIL_BACKEND  # noqa: F405
