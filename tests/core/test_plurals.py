"""Arabic counts in all six plural forms (issue 13, item 9): no numeral before a dual, no "0"."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone, translation
from django.utils.translation import ngettext

COUNTS = [0, 1, 2, 3, 10, 11, 99, 100, 101, 103]


@pytest.fixture(autouse=True)
def arabic(compiled_catalogues):
    with translation.override("ar"):
        yield


def test_reply_counts_read_naturally_in_every_plural_form():
    said = {
        n: ngettext("%(counter)s reply", "%(counter)s replies", n) % {"counter": n} for n in COUNTS
    }
    assert said == {
        0: "لا ردود",
        1: "رد واحد",
        2: "ردّان",
        3: "3 ردود",
        10: "10 ردود",
        11: "11 رداً",
        99: "99 رداً",
        100: "100 رد",
        101: "101 رد",
        103: "103 ردود",
    }


def test_result_counts_say_none_rather_than_zero():
    said = [
        ngettext("%(counter)s result", "%(counter)s results", n) % {"counter": n} for n in COUNTS
    ]
    assert said[:4] == ["لا نتائج", "نتيجة واحدة", "نتيجتان", "3 نتائج"]
    assert not any(text.startswith("0") for text in said)


@pytest.mark.parametrize(
    ("ago", "said"),
    [
        (datetime.timedelta(seconds=20), "منذ لحظات"),
        (datetime.timedelta(minutes=1), "منذ دقيقة"),
        (datetime.timedelta(minutes=2, seconds=30), "منذ دقيقتين"),
        (datetime.timedelta(minutes=7), "منذ 7 دقائق"),
        (datetime.timedelta(minutes=45), "منذ 45 دقيقة"),
        (datetime.timedelta(hours=2, minutes=10), "منذ ساعتين"),
        (datetime.timedelta(hours=11), "منذ 11 ساعة"),
        (datetime.timedelta(days=1, hours=3), "منذ يوم"),
        (datetime.timedelta(days=5), "منذ 5 أيام"),
        (datetime.timedelta(days=400), "منذ سنة"),
    ],
)
def test_time_since_names_one_unit_in_the_right_form(ago, said):
    template = engines["django"].from_string(
        "{% load i18n core_tags %}{% blocktranslate with since=when|since %}{{ since }} ago"
        "{% endblocktranslate %}"
    )
    # Django keeps a number and its unit together with a no-break space.
    assert template.render({"when": timezone.now() - ago}).replace("\xa0", " ") == said


def test_time_since_in_english():
    with translation.override("en"):
        assert (
            engines["django"]
            .from_string("{% load core_tags %}{{ when|since }}")
            .render({"when": timezone.now() - datetime.timedelta(hours=3, minutes=5)})
            == "3\xa0hours"
        )
