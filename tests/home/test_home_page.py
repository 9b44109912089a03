import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, SiteSettings


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("ar", "rtl", "غرفة دعم المجتمع المدني"), ("en", "ltr", "Civil Society Support Room")],
)
def test_home_page_per_language(client, demo_site, language, direction, heading):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert heading in html


def contact_links(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [a["href"] for a in soup.select("main a[href^='mailto:']")]


def test_home_page_shows_the_contact_email_from_site_settings(client, demo_site):
    assert contact_links(client, "/ar/") == ["mailto:contact@example.org"]
    assert contact_links(client, "/en/") == ["mailto:contact@example.org"]

    settings = SiteSettings.for_site(demo_site.get_site())
    settings.contact_email = "team@example.org"
    settings.save()
    assert contact_links(client, "/ar/") == ["mailto:team@example.org"]

    settings.contact_email = ""
    settings.save()
    assert contact_links(client, "/en/") == []


def test_home_page_can_be_created_at_the_root_but_not_under_a_home_page(db):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)


class HomePageTreeTests(WagtailPageTestCase):
    def test_a_second_home_page_is_never_offered_under_a_home_page(self):
        # Whatever the language.
        self.assertCanNotCreateAt(HomePage, HomePage)


def test_the_site_has_one_home_page_per_language(demo_site):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)
    assert not HomePage.can_create_at(demo_site)
    homes = HomePage.objects.child_of(root).order_by("locale__language_code")
    assert [home.locale.language_code for home in homes] == ["ar", "en"]
    assert homes[1].get_translation(demo_site.locale) == demo_site
