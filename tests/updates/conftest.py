import pytest

from demo.translation import locale, publish_translation
from tests.factories import add_index


@pytest.fixture
def index(demo_site):
    """The Arabic update index under the Arabic home page."""
    return add_index(demo_site)


@pytest.fixture
def english_index(index):
    return publish_translation(index, "en", {index.title: "Updates"})


@pytest.fixture
def english_home(demo_site):
    return demo_site.get_translation(locale("en"))
