import datetime

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import add_update, restrict_to_group, restrict_with_password


def pager(response):
    html = response.content.decode()
    links = {}
    for rel in ("prev", "next"):
        marker = f'rel="{rel}"'
        if marker in html:
            start = html.index(marker)
            links[rel] = html[html.rindex("href=", 0, start) + 6 : start - 2]
    return links


def test_update_page_shows_date_summary_body_image_and_tags(client, index):
    image = Image.objects.create(
        title="صورة", description="المشاركون في اللقاء", file=get_test_image_file()
    )
    update = add_update(
        index,
        "لقاء في عمّان",
        datetime.date(2022, 11, 10),
        summary="التقى الفريق فاعلين من المجتمع المدني",
        tags=["زيارات"],
        body=[
            ("heading", "اللقاءات"),
            ("paragraph", "<p>نص <b>الفقرة</b></p>"),
            ("quote", {"text": "قول", "attribution": "قائله"}),
            ("image", {"image": image, "alt": "", "caption": "من اللقاء"}),
        ],
    )
    update.image = image
    update.save_revision().publish()

    html = client.get("/ar/updates/update-1/").content.decode()

    assert '<h1 dir="rtl">لقاء في عمّان</h1>' in html
    assert '<time datetime="2022-11-10">10 تشرين الثاني 2022</time>' in html
    assert '<p class="update__summary" dir="rtl">التقى الفريق فاعلين من المجتمع المدني</p>' in html
    assert '<h2 dir="rtl">اللقاءات</h2>' in html
    assert '<div class="rich-text" dir="auto"><p>نص <b>الفقرة</b></p></div>' in html
    assert '<blockquote dir="auto"><p>قول</p></blockquote>' in html
    assert '<figcaption dir="rtl">من اللقاء</figcaption>' in html
    assert html.count('alt="المشاركون في اللقاء"') == 2
    assert "/media/images/" in html
    assert (
        'href="/ar/updates/?tag=%D8%B2%D9%8A%D8%A7%D8%B1%D8%A7%D8%AA" rel="tag" dir="rtl">زيارات</a>'
        in html
    )


def test_english_dates_follow_the_english_locale(client, index, english_index):
    add_update(english_index, "English update", datetime.date(2022, 11, 10))

    html = client.get("/en/updates/").content.decode()

    assert '<time datetime="2022-11-10">10 November 2022</time>' in html


def test_previous_and_next_follow_the_dates_of_published_public_updates(client, index):
    oldest = add_update(index, "الأقدم", datetime.date(2024, 1, 1))
    add_update(index, "مسودة", datetime.date(2024, 1, 2), live=False)
    restrict_with_password(add_update(index, "بكلمة سر", datetime.date(2024, 1, 3)))
    middle = add_update(index, "الأوسط", datetime.date(2024, 1, 4))
    restrict_to_group(add_update(index, "لمجموعة", datetime.date(2024, 1, 5)))
    newest = add_update(index, "الأحدث", datetime.date(2024, 1, 6))

    assert pager(client.get(middle.url)) == {"prev": oldest.url, "next": newest.url}
    assert pager(client.get(oldest.url)) == {"next": middle.url}
    assert pager(client.get(newest.url)) == {"prev": middle.url}


def test_previous_and_next_break_ties_on_the_same_date_by_publication(client, index):
    day = datetime.date(2024, 1, 1)
    first, second, third = (add_update(index, title, day) for title in ("أول", "ثان", "ثالث"))

    assert pager(client.get(second.url)) == {"prev": first.url, "next": third.url}


def test_previous_and_next_stay_within_the_index(client, index, english_index):
    earlier = add_update(index, "سابق", datetime.date(2024, 1, 1))
    add_update(english_index, "English in between", datetime.date(2024, 1, 2))
    current = add_update(index, "حالي", datetime.date(2024, 1, 3))
    add_update(english_index, "English later", datetime.date(2024, 1, 4))

    assert pager(client.get(current.url)) == {"prev": earlier.url}


def test_update_page_announces_the_feeds_of_its_index(client, index):
    update = add_update(index, "تحديث")

    html = client.get(update.url).content.decode()

    assert 'type="application/rss+xml" href="http://testserver/ar/updates/feed/rss/"' in html
    assert 'type="application/atom+xml" href="http://testserver/ar/updates/feed/atom/"' in html
