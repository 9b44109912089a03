import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from demo.translation import locale, publish_translation
from updates.models import UpdateIndexPage, UpdatePage


def add_index(home, title="التحديثات", slug="updates"):
    index = UpdateIndexPage(title=title, slug=slug, locale=home.locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_update(
    index, title, date=datetime.date(2024, 1, 1), *, tags=(), summary=None, live=True, body=()
):
    update = UpdatePage(
        title=title,
        slug=f"update-{UpdatePage.objects.count() + 1}",
        date=date,
        summary=summary or f"ملخص {title}",
        body=list(body),
        locale=index.locale,
        live=False,
    )
    update.tags.set(list(tags))
    index.add_child(instance=update)
    revision = update.save_revision()
    if live:
        revision.publish()
        update.refresh_from_db()
    return update


def restrict_with_password(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def restrict_to_group(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name=f"Readers of {page.pk}"))
    return restriction


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
