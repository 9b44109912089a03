import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The bilingual home pages and the site, as `seed_demo` builds them."""
    from demo.home import create_home_pages

    return create_home_pages()


@pytest.fixture
def demo_users(db):
    from demo.people import create_users

    return create_users("demo-pass")


@pytest.fixture
def compiled_catalogues():
    call_command("compile_catalogues", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives a test's database; never let one test see another's pages."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# The Playwright fixtures (one Chromium for the whole run) are defined once, here, so every test
# folder shares them: a second session browser in the same thread cannot start.
from tests.browser.fixtures import (  # noqa: E402, F401 (fixtures and the skip notice hook)
    _catalogues,
    browser,
    demo_password,
    demo_world,
    page,
    pytest_terminal_summary,
    screenshots,
    sign_in,
    traffic,
)
