"""One way of writing dates, with the month names Syrians use (issue 13, item 10)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import dateformat, timezone, translation

from core import dates
from tests.factories import (
    add_member,
    adopt_code_of_conduct,
    make_user,
    make_workspace,
    start_discussion,
)
from workspaces.discussions.models import DiscussionPage
from workspaces.models import Role

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


CAIRO = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"]
CAIRO += ["يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MOMENT = datetime.datetime(2027, 2, 4, 14, 30, tzinfo=datetime.UTC)


def render(template, **context):
    return Template("{% load core_tags %}" + template).render(Context(context))


@pytest.fixture
def chosen():
    """Activate a reader's choices as the profile middleware does, for one test."""
    tokens = []
    yield lambda months, clock: tokens.append(dates.activate(months, clock))
    for token in reversed(tokens):
        dates.deactivate(token)


def test_the_filters_write_one_format_levantine_and_24_hour_by_default(compiled_catalogues):
    with translation.override("ar"), timezone.override("Asia/Damascus"):
        shown = render(
            "{{ m|day }}|{{ m|when }}|{{ m|clock }}|{{ m|month_year }}|{{ m|long_day }}|"
            "{{ m|long_day:False }}|{{ nothing|when }}",
            m=MOMENT,
            nothing=None,
        )
    # 14:30 UTC is 17:30 in Damascus.
    assert shown.split("|") == [
        "4 شباط 2027",
        "4 شباط 2027 · 17:30",
        "17:30",
        "شباط 2027",
        "الخميس 4 شباط 2027",
        "الخميس 4 شباط",
        "",
    ]


@pytest.mark.parametrize("month", range(1, 13))
def test_egyptian_and_gulf_month_names_are_a_choice(compiled_catalogues, chosen, month):
    chosen(dates.MonthNames.CAIRO, dates.Clock.H24)
    with translation.override("ar"):
        assert render("{{ d|day }}", d=datetime.date(2027, month, 1)) == (
            f"1 {CAIRO[month - 1]} 2027"
        )


def test_a_12_hour_clock_is_a_choice_and_says_morning_or_evening(compiled_catalogues, chosen):
    chosen(dates.MonthNames.LEVANT, dates.Clock.H12)
    with translation.override("ar"), timezone.override("UTC"):
        assert render("{{ m|clock }}", m=MOMENT) == "2:30 م"
        assert render("{{ m|clock }}", m=MOMENT.replace(hour=9)) == "9:30 ص"
    with translation.override("en"), timezone.override("UTC"):
        assert render("{{ m|when }}", m=MOMENT) == "4 February 2027 · 2:30 PM"


def test_english_says_january_whichever_names_are_chosen(compiled_catalogues, chosen):
    chosen(dates.MonthNames.CAIRO, dates.Clock.H24)
    with translation.override("en"):
        assert render("{{ d|day }}", d=datetime.date(2027, 1, 9)) == "9 January 2027"


def test_a_members_choices_show_on_the_pages_they_read(client, db, compiled_catalogues):
    member = make_user("reader", month_names="cairo", clock="12", time_zone="UTC")
    workspace = make_workspace("alpha", members={member: Role.MEMBER})
    adopt_code_of_conduct(accepted_by=[member])
    discussion = start_discussion(workspace, member, title="نقاش")
    DiscussionPage.objects.filter(pk=discussion.pk).update(first_published_at=MOMENT)
    client.force_login(member)
    client.cookies["cssr_language"] = "ar"
    page = client.get(f"/ar/workspaces/alpha/{discussion.slug}/").content.decode()
    assert "4 فبراير 2027 · 2:30 م" in page
    # Someone else, with the defaults, reads the same moment the Levantine way.
    other = make_user("other", time_zone="UTC")
    add_member(workspace, other)
    adopt_code_of_conduct(accepted_by=[other])
    client.force_login(other)
    assert (
        "4 شباط 2027 · 14:30"
        in client.get(f"/ar/workspaces/alpha/{discussion.slug}/").content.decode()
    )
