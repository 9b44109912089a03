"""One way of writing dates, with the month names Syrians use (issue 13, item 10)."""

import datetime

import pytest
from django.utils import dateformat, translation

LEVANTINE = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_arabic_pages_name_the_months_as_in_the_levant(compiled_catalogues, month):
    with translation.override("ar"):
        shown = dateformat.format(datetime.date(2026, month, 7), "j F Y")
    assert shown == f"7 {LEVANTINE[month - 1]} 2026"


def test_english_pages_keep_their_month_names(compiled_catalogues):
    with translation.override("en"):
        assert dateformat.format(datetime.date(2026, 12, 7), "j F Y") == "7 December 2026"
