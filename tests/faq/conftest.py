import pytest

from faq.blocks import section_data


def faq_body(*sections):
    """A FAQ body from (heading, [(question, answer_html), ...]) pairs."""
    return [section_data(heading, questions) for heading, questions in sections]


@pytest.fixture
def make_faq(demo_site):
    """Publish an Arabic FAQ page under the Arabic home page."""
    from faq.models import FAQPage

    def make(*sections, title="الأسئلة", intro="", slug="faq"):
        page = FAQPage(title=title, slug=slug, intro=intro, body=faq_body(*sections))
        demo_site.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def demo_faq(demo_site):
    from demo.faq import create_faq

    return create_faq(demo_site)
