import xml.etree.ElementTree as ET

from wagtail.models import Page, PageViewRestriction

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def test_sitemap_covers_both_language_trees_with_alternates(client, demo_site):
    root = parse(client)
    urls = {url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", NS)}
    assert set(urls) == {"http://localhost/ar/", "http://localhost/en/"}
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://localhost/ar/"].findall("x:link", NS)
    }
    assert alternates == {"ar": "http://localhost/ar/", "en": "http://localhost/en/"}


def test_sitemap_lists_public_pages_only(client, demo_site):
    draft = Page(title="مسودة", slug="draft", live=False)
    demo_site.add_child(instance=draft)
    private = Page(title="خاص", slug="private")
    demo_site.add_child(instance=private)
    private.save_revision().publish()
    child = Page(title="تحت الخاص", slug="below")
    private.add_child(instance=child)
    child.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    public = Page(title="عام", slug="public")
    demo_site.add_child(instance=public)
    public.save_revision().publish()

    locations = [url.findtext("s:loc", namespaces=NS) for url in parse(client).findall("s:url", NS)]
    assert "http://localhost/ar/public/" in locations
    assert not any(word in loc for loc in locations for word in ("draft", "private", "below"))


def test_robots_points_to_the_sitemap(client, demo_site):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
