"""Fast, isolated test runs. DATABASE_URL still applies when set (CI).

The cache is local memory; tests/core/test_shared_cache.py points it at REDIS_URL itself.
Under pytest-xdist every worker process gets media folders of its own (its test database is
already its own), so no worker counts or deletes another's files.
"""

import os

from .base import *  # noqa: F403

# "gw0", "gw1", ... in an xdist worker; empty in a plain run.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")

SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# In the process; tests/workspaces/chat/test_live.py points the layer at REDIS_URL itself.
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
_MEDIA_SUFFIX = f"-{TEST_WORKER}" if TEST_WORKER else ""
MEDIA_ROOT = BASE_DIR / "artifacts" / f"test-media{_MEDIA_SUFFIX}"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "artifacts" / f"test-private-media{_MEDIA_SUFFIX}"  # noqa: F405
PRIVATE_MEDIA_ACCEL_REDIRECT = None
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the source folders; `collectstatic` is for production only.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
