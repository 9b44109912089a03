from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction

from core.cache import current_generation
from home.models import HomePage
from tests.factories import add_index, add_update


def test_anonymous_visitors_get_the_cached_page(client, demo_site):
    first = client.get("/ar/")
    assert first["X-Cache"] == "miss"
    # A change that bypasses publishing (no editor did it) does not show: the page is cached.
    HomePage.objects.filter(pk=demo_site.pk).update(title="عنوان لم ينشر")
    second = client.get("/ar/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_shows_the_new_text_at_once(client, demo_site):
    client.get("/ar/")
    demo_site.intro = "<p>نص جديد نشره المحرر للتو</p>"
    demo_site.save_revision().publish()
    assert "نص جديد نشره المحرر للتو" in client.get("/ar/").content.decode()


def test_unpublishing_and_moving_empty_the_cache(client, demo_site):
    page = Page(title="صفحة مؤقتة", slug="temporary")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/ar/temporary/").status_code == 200
    page.unpublish()
    assert client.get("/ar/temporary/").status_code == 404

    page.save_revision().publish()
    target = Page(title="قسم", slug="section")
    demo_site.add_child(instance=target)
    target.save_revision().publish()
    assert client.get("/ar/temporary/").status_code == 200
    page.refresh_from_db()
    page.move(target, pos="last-child")
    # The old address now leads to the new one (Wagtail records a redirect), not to a stale copy.
    moved = client.get("/ar/temporary/")
    assert (moved.status_code, moved["Location"]) == (301, "/ar/section/temporary/")
    assert client.get("/ar/section/temporary/").status_code == 200


def test_signed_in_people_are_never_served_from_the_cache(client, demo_site):
    client.get("/ar/")
    user = get_user_model().objects.create_user("reader", password="pw-12345-long")
    client.force_login(user)
    response = client.get("/ar/")
    assert "X-Cache" not in response
    assert "تسجيل الخروج" in response.content.decode()


def test_restricted_pages_are_not_cached(client, demo_site):
    page = Page(title="صفحة محمية", slug="protected")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/ar/protected/")
    assert response.status_code == 302
    assert "X-Cache" not in response
    user = get_user_model().objects.create_user("reader", password="pw-12345-long")
    client.force_login(user)
    assert "صفحة محمية" in client.get("/ar/protected/").content.decode()


def test_restricting_a_page_takes_it_out_of_the_cache(client, demo_site):
    page = Page(title="صفحة ستصبح محمية", slug="soon-private")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/ar/soon-private/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/ar/soon-private/").status_code == 302


def outside_every_site(title="صفحة خارج الموقع", slug="outside"):
    """A live page beside the home pages, in no Wagtail Site's tree (like the workspaces)."""
    page = Page(title=title, slug=slug)
    Page.get_first_root_node().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_changes_to_pages_outside_every_site_leave_the_cache_alone(client, demo_site):
    outside = outside_every_site()
    assert client.get("/ar/")["X-Cache"] == "miss"
    generation = current_generation()

    child = Page(title="صفحة داخلية", slug="inner")
    outside.add_child(instance=child)
    child.save_revision().publish()
    child.title, child.slug = "صفحة داخلية معدلة", "inner-renamed"
    child.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=outside, restriction_type=PageViewRestriction.LOGIN
    )
    restriction.delete()
    other = outside_every_site("صفحة أخرى خارج الموقع", "elsewhere")
    child.refresh_from_db()
    child.move(other, pos="last-child")
    child.refresh_from_db()
    child.unpublish()
    child.delete()

    assert current_generation() == generation
    assert client.get("/ar/")["X-Cache"] == "hit"


def test_a_page_moved_into_a_site_empties_the_cache(client, demo_site):
    outside = outside_every_site()
    client.get("/ar/")
    outside.move(demo_site, pos="last-child")
    assert client.get("/ar/")["X-Cache"] == "miss"
    assert client.get("/ar/outside/").status_code == 200


def test_parameters_no_view_reads_neither_store_a_page_nor_change_it(client, demo_site):
    first = client.get("/ar/", {"utm_source": "junk-one"})
    assert first["X-Cache"] == "miss"
    for junk in ({"utm_source": "junk-two"}, {"x": "1", "y": "2"}, {}):
        again = client.get("/ar/", junk)
        assert again["X-Cache"] == "hit"
        assert again.content == first.content
    assert "junk-" not in first.content.decode()


def test_each_page_of_updates_and_each_query_has_its_own_entry(client, demo_site):
    index = add_index(demo_site)
    for number in range(12):
        add_update(index, f"تحديث رقم {number}", tags=["اقتصاد"] if number % 2 else [])

    first_page = client.get("/ar/updates/")
    second_page = client.get("/ar/updates/", {"page": "2"})
    assert (first_page["X-Cache"], second_page["X-Cache"]) == ("miss", "miss")
    assert second_page.content != first_page.content
    assert client.get("/ar/updates/?x=1&page=2")["X-Cache"] == "hit"

    tagged = client.get("/ar/updates/?tag=اقتصاد&page=1")
    assert tagged["X-Cache"] == "miss"
    assert client.get("/ar/updates/?page=1&tag=اقتصاد&x=2")["X-Cache"] == "hit"

    found = client.get("/ar/search/", {"q": "تحديث"})
    other = client.get("/ar/search/", {"q": "اقتصاد"})
    assert (found["X-Cache"], other["X-Cache"]) == ("miss", "miss")
    assert client.get("/ar/search/", {"q": "تحديث", "ref": "mail"})["X-Cache"] == "hit"
    suggest = client.get("/ar/search/suggest/", {"q": "تحد"})
    assert suggest["X-Cache"] == "miss"
    assert client.get("/ar/search/suggest/", {"q": "تحد", "_": "123"})["X-Cache"] == "hit"
