import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from demo.workinggroups import create_working_groups
from workinggroups.models import PaperPage, WorkingGroup, WorkingGroupsPage


@pytest.fixture
def groups_page(demo_site):
    return create_working_groups(demo_site)


def test_page_tree_rules(demo_site, groups_page):
    assert WorkingGroupsPage.can_create_at(demo_site) is False  # one per home page
    assert not WorkingGroupsPage.can_create_at(Page.get_first_root_node())
    assert PaperPage.can_create_at(groups_page)
    assert not PaperPage.can_create_at(demo_site)


def test_groups_are_listed_with_theme_term_and_papers(client, groups_page):
    html = client.get("/ar/working-groups/").content.decode()
    for group in WorkingGroup.objects.filter(locale=groups_page.locale):
        assert group.name in html
        assert group.theme in html
    paper = PaperPage.objects.get(locale=groups_page.locale)
    assert paper.url in html


def test_english_page_lists_the_english_groups(client, groups_page):
    html = client.get("/en/working-groups/").content.decode()
    assert "Legal and constitutional working group" in html
    assert "Briefing paper: priorities for local governance" in html
    assert "مجموعة العمل القانونية" not in html


def test_papers_name_no_participant_and_never_link_into_workspaces(client, groups_page, demo_users):
    paper = PaperPage.objects.get(locale=groups_page.locale)
    html = client.get(paper.url).content.decode()
    assert paper.title in html
    for user in demo_users.values():
        assert user.get_display_name() not in html
    assert "/workspaces/" not in html


def test_restricted_or_draft_papers_are_not_listed(client, groups_page):
    group = WorkingGroup.objects.filter(locale=groups_page.locale).first()
    restricted = PaperPage(title="ورقة مقيدة", slug="restricted", working_group=group, body=[])
    groups_page.add_child(instance=restricted)
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    draft = PaperPage(title="ورقة مسودة", slug="draft", working_group=group, body=[], live=False)
    groups_page.add_child(instance=draft)
    html = client.get("/ar/working-groups/").content.decode()
    assert "ورقة مقيدة" not in html
    assert "ورقة مسودة" not in html


def test_query_count_does_not_grow_with_papers(client, groups_page):
    def count():
        client.get("/ar/?warm-up")
        from django.core.cache import cache

        cache.clear()
        client.get("/ar/?warm-up")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/ar/working-groups/").status_code == 200
        return len(queries)

    few = count()
    group = WorkingGroup.objects.filter(locale=groups_page.locale).first()
    for number in range(12):
        paper = PaperPage(
            title=f"ورقة {number}",
            slug=f"paper-{number}",
            working_group=group,
            date=datetime.date(2026, 1, 1),
            body=[],
        )
        groups_page.add_child(instance=paper)
        paper.save_revision().publish()
    many = count()
    assert few == many
    assert many <= 10
