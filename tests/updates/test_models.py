import datetime

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from demo.translation import publish_translation
from home.models import HomePage
from tests.factories import add_index, add_update
from updates.models import UpdateIndexPage, UpdatePage


def test_update_index_lives_once_under_a_home_page(demo_site):
    assert UpdateIndexPage.can_create_at(demo_site)
    assert not UpdateIndexPage.can_create_at(Page.get_first_root_node())
    add_index(demo_site)
    assert not UpdateIndexPage.can_create_at(demo_site)


def test_updates_live_only_under_an_update_index(index):
    update = add_update(index, "تحديث")
    assert UpdatePage.can_create_at(index)
    assert not UpdatePage.can_create_at(index.get_parent().specific)
    assert not UpdatePage.can_create_at(update)
    assert not UpdateIndexPage.can_create_at(index)
    assert not HomePage.can_create_at(update)


class UpdatePageTreeTests(WagtailPageTestCase):
    def test_an_update_index_holds_updates_only(self):
        self.assertAllowedSubpageTypes(UpdateIndexPage, {UpdatePage})


def test_date_defaults_to_today(db):
    assert UpdatePage().date == datetime.date.today()


def test_plain_text_is_the_visible_text_without_title_tags_or_markup(index):
    image = Image.objects.create(title="صورة", file=get_test_image_file())
    update = add_update(
        index,
        "عنوان لا يتكرر",
        summary="ملخص قصير",
        tags=["وسم-مخفي"],
        body=[
            ("paragraph", "<p>فقرة <b>أولى</b></p><p>وفقرة ثانية &amp; أخيرة</p>"),
            ("heading", "عنوان فرعي"),
            ("quote", {"text": "قول مأثور", "attribution": "قائله"}),
            ("image", {"image": image, "alt": "نص بديل", "caption": "تعليق الصورة"}),
        ],
    )
    text = update.plain_text()
    for visible in [
        "ملخص قصير",
        "فقرة أولى",
        "وفقرة ثانية & أخيرة",
        "عنوان فرعي",
        "قول مأثور",
        "قائله",
        "تعليق الصورة",
    ]:
        assert visible in text
    for hidden in ["عنوان لا يتكرر", "وسم-مخفي", "نص بديل", "<", "&amp;"]:
        assert hidden not in text


def test_summary_and_body_are_searchable():
    names = {field.field_name for field in UpdatePage.search_fields}
    assert {"title", "summary", "body"} <= names


def test_tags_are_translated_with_the_page_and_follow_later_changes(index, english_index):
    update = add_update(index, "عن الحماية", summary="ملخص", tags=["حماية"])
    strings = {"عن الحماية": "On protection", "ملخص": "Summary", "حماية": "protection"}
    english = publish_translation(update, "en", strings)
    assert sorted(english.tags.names()) == ["protection"]

    update.tags.set(["حماية", "جنيف"])
    update.save_revision().publish()
    english = publish_translation(update, "en", {**strings, "جنيف": "Geneva"})
    assert sorted(english.tags.names()) == ["Geneva", "protection"]
    assert sorted(update.tags.names()) == ["جنيف", "حماية"]

    update.tags.set([])
    update.save_revision().publish()
    english = publish_translation(update, "en", strings)
    assert list(english.tags.names()) == []


def test_site_search_finds_an_update_by_its_body_text_in_any_spelling(client, index):
    add_update(index, "تحديث الحماية", body=[("paragraph", "<p>أولويات المجموعة الجديدة</p>")])
    add_update(index, "تحديث آخر")

    html = client.get("/ar/search/", {"q": "اولويات"}).content.decode()

    assert "تحديث الحماية" in html
    assert "تحديث آخر" not in html
