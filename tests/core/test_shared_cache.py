"""The public page cache as production runs it: in Redis, shared by every server process.

A publication is handled by whichever process the editor's request reached; every other process
must stop serving the old page at once. These tests publish from a second Python process and
read through this one, both on the real Redis and PostgreSQL (CI sets REDIS_URL and
DATABASE_URL; without them the tests are skipped, and in CI their absence fails the run).
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from tests.factories import add_index, add_update

PROJECT = Path(__file__).resolve().parents[2]
# A database of its own on the same server, so nothing else's keys are touched; counted down
# from the last one by xdist worker ("gw1" takes 14), because clearing the cache empties the
# whole database and two workers must not empty each other's.
LAST_REDIS_DATABASE = 15


def _redis_database():
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return LAST_REDIS_DATABASE - int(worker.removeprefix("gw"))


def _shared_services():
    redis_url = os.environ.get("REDIS_URL", "")
    if redis_url and connection.vendor == "postgresql":
        return redis_url.rsplit("/", 1)[0] + f"/{_redis_database()}"
    message = "needs REDIS_URL and a PostgreSQL DATABASE_URL"
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"The shared-cache tests {message}; CI=true, so their absence fails the run.")
    pytest.skip(message)


@pytest.fixture
def redis_cache(settings):
    location = _shared_services()
    # The cache configuration of the settings, pointed at the tests' own Redis database.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "cssr",
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield location
    cache.clear()


def in_another_process(redis_location, code):
    """Run `code` in a fresh Django process on this test's database and Redis."""
    database = django_settings.DATABASES["default"]
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cssr.settings.dev",
        "DATABASE_URL": url,
        "REDIS_URL": redis_location,
    }
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", textwrap.dedent(code)],
        cwd=PROJECT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
    )


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["X-Cache"], response.content.decode()


def test_a_publication_in_another_process_shows_here_at_once(client, redis_cache, demo_world):
    update = add_update(add_index(demo_world["home"]), "العنوان الأول")
    assert read(client, update.url)[0] == "miss"
    assert read(client, update.url)[0] == "hit"

    in_another_process(
        redis_cache,
        f"""
        from updates.models import UpdatePage
        page = UpdatePage.objects.get(pk={update.pk})
        page.title = "العنوان بعد التعديل"
        page.save_revision().publish()
        """,
    )

    state, html = read(client, update.url)
    assert state == "miss"
    assert "العنوان بعد التعديل" in html
    assert "العنوان بعد التعديل" in read(client, "/ar/updates/")[1]


def test_a_site_setting_changed_in_another_process_shows_here_at_once(
    client, redis_cache, demo_world
):
    assert "desk@example.org" not in read(client, "/ar/")[1]
    assert read(client, "/ar/")[0] == "hit"

    in_another_process(
        redis_cache,
        """
        from home.models import SiteSettings
        from wagtail.models import Site
        setting = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        setting.contact_email = "desk@example.org"
        setting.save()
        """,
    )

    state, html = read(client, "/ar/")
    assert state == "miss"
    assert "desk@example.org" in html
