"""The admin's side doors stay shut on the workspaces for everyone but platform staff.

Beyond the explorer and the choosers (tests/workspaces/test_admin.py), an editor could learn of a
workspace through the page chooser's answer for chosen ids, a page link in rich text, the tag
autocompletes, the filters that name people, the page types report and the workflow that covers
the tree. Each is looked at as the demo `editor`, and staff keep what they need.
"""

import html
import json
import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TagBase
from wagtail.models import Page, WorkflowPage

from home.models import HomePage
from workspaces.discussions.models import DiscussionPage
from workspaces.models import WorkspaceIndexPage, WorkspacePage

# Everyone in the demo who takes part in a workspace and has no business in the admin.
PARTICIPANTS = [
    "member_legal",
    "member_new",
    "member_electoral",
    "rapporteur_legal",
    "officer_legal",
    "focal_legal",
    "wab_member",
]
WORKSPACE_TAG_MODELS = [
    model
    for model in apps.get_models()
    if issubclass(model, TagBase) and model._meta.app_config.name.split(".")[0] == "workspaces"
]


def _chosen(client, pages):
    query = "&".join(f"id={page.pk}" for page in pages)
    response = client.get(f"/admin/choose-page/chosen-multiple/?{query}")
    assert response.status_code == 200
    return {item["id"]: item for item in json.loads(response.content)["result"]}


def test_the_page_chooser_names_no_workspace_page_to_editors(planted):
    """Page ids are sequential: asking for each in turn would list every discussion."""
    legal = planted.workspaces["legal-constitutional"]
    inner = planted.planted["legal-constitutional"]
    home = Page.objects.get(depth=2, slug="cssr")
    index = WorkspaceIndexPage.objects.get()
    asked = [index, legal, inner, home]

    chosen = _chosen(planted.client("editor"), asked)
    assert set(chosen) == {home.pk}
    assert chosen[home.pk]["url"] == home.url

    chosen = _chosen(planted.client("staff"), asked)
    assert set(chosen) == {page.pk for page in asked}
    assert chosen[inner.pk]["adminTitle"] == inner.title


def test_public_rich_text_never_links_to_a_workspace_page(planted):
    """A page link renders the linked page's address, and a discussion's slug spells its title."""
    inner = planted.planted["legal-constitutional"]
    legal = planted.workspaces["legal-constitutional"]
    home = Page.objects.get(depth=2, slug="cssr").specific
    faq = home.get_children().get(slug="faq")
    home.intro = (
        f'<p><a linktype="page" id="{inner.pk}">اقرأ ما يدور</a> '
        f'<a linktype="page" id="{legal.pk}">في المجموعة</a> '
        f'<a linktype="page" id="{faq.pk}">والأسئلة الشائعة</a></p>'
    )
    home.save_revision().publish()

    public = planted.client().get("/ar/").content.decode()
    assert "<a>اقرأ ما يدور</a>" in public
    assert "<a>في المجموعة</a>" in public
    assert f'<a href="{faq.url}">والأسئلة الشائعة</a>' in public
    assert f"/workspaces/{legal.slug}/" not in public
    assert inner.slug not in public

    # Nor does the editor, which shows each linked page's address: an editor could type any id.
    response = planted.client("editor").get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    form = html.unescape(response.content.decode())
    assert faq.url in form
    assert f"/workspaces/{legal.slug}/" not in form
    assert inner.slug not in form


@pytest.mark.parametrize("model", WORKSPACE_TAG_MODELS, ids=lambda model: model._meta.label)
def test_workspace_tags_autocomplete_for_staff_only(world, model):
    model.objects.create(name="حصر الأملاك المصادرة", slug="confiscated")
    url = f"/admin/tag-autocomplete/{model._meta.app_label}/{model._meta.model_name}/?term=حصر"

    response = world.client("editor").get(url, follow=True)
    assert response.status_code == 404
    assert "حصر الأملاك المصادرة" not in response.content.decode()

    response = world.client("staff").get(url)
    assert response.json() == ["حصر الأملاك المصادرة"]


def test_the_site_tags_still_autocomplete_for_editors(world):
    assert len(WORKSPACE_TAG_MODELS) >= 2
    Tag.objects.create(name="تقرير سنوي", slug="annual-report")
    response = world.client("editor").get("/admin/tag-autocomplete/?term=تقرير")
    assert response.json() == ["تقرير سنوي"]


def _names(world, usernames):
    return {
        name for username in usernames for name in (username, world.users[username].display_name)
    }


def test_admin_filters_name_no_workspace_participant_to_editors(planted):
    """The page listings' "Owner" and "Edited by" and Site history's "User" list people."""
    home = Page.objects.get(depth=2, slug="cssr")
    screens = [
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/?owner=1",
        "/admin/pages/usage/wagtailcore/page/",
        "/admin/pages/usage/discussions/discussionpage/",
        "/admin/reports/site-history/",
        "/admin/reports/site-history/results/",
    ]
    participants = _names(planted, PARTICIPANTS)
    editor = planted.client("editor")
    for url in screens:
        response = editor.get(url)
        assert response.status_code == 200, url
        shown = sorted(name for name in participants if name in response.content.decode())
        assert not shown, f"{url} names {shown}"

    # Nor does its "Page type" filter offer the workspaces' page types.
    offered = set(
        map(int, re.findall(r'name="content_type" value="(\d+)"', editor.get("/admin/pages/").text))
    )
    types = ContentType.objects.get_for_models(HomePage, WorkspacePage, DiscussionPage)
    assert types[HomePage].pk in offered
    assert not offered & {types[WorkspacePage].pk, types[DiscussionPage].pk}

    staff = planted.client("staff")
    index = WorkspaceIndexPage.objects.get()
    assert "member_legal" in staff.get(f"/admin/pages/{index.pk}/").content.decode()
    assert "member_legal" in staff.get("/admin/reports/site-history/").content.decode()


PAGE_TYPE_ROW = re.compile(
    r'<td class="app-label"[^>]*>\s*([\w.]+)\s*</td>\s*<td class="count"[^>]*>\s*(?:<a[^>]*>)?\s*(\d+)'
)


def _page_type_counts(client):
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 200
    return {label: int(count) for label, count in PAGE_TYPE_ROW.findall(response.content.decode())}


def _expected_counts(pages):
    counts = {}
    for page in pages.select_related("content_type"):
        label = f"{page.content_type.app_label}.{page.content_type.model}"
        counts[label] = counts.get(label, 0) + 1
    return counts


def test_the_page_types_report_counts_for_editors_only_public_pages(planted):
    index = WorkspaceIndexPage.objects.get()
    shown = _page_type_counts(planted.client("editor"))
    public = _expected_counts(Page.objects.filter(depth__gt=1).not_descendant_of(index, True))
    assert {label: count for label, count in shown.items() if count} == public
    assert "discussions.discussionpage" not in shown

    # Staff see Wagtail's own report, which counts the root page too.
    shown = _page_type_counts(planted.client("staff"))
    everything = _expected_counts(Page.objects.all())
    assert {label: count for label, count in shown.items() if count} == everything


def test_workflows_cover_the_public_trees_only(world):
    """Moderators would otherwise be asked to approve, and shown, workspace pages."""
    index = WorkspaceIndexPage.provision()
    root = Page.get_first_root_node()
    before = set(WorkflowPage.objects.values_list("page_id", "workflow_id"))

    assert not WorkflowPage.objects.filter(page=root).exists()
    public = root.get_children().exclude(pk=index.pk)
    assert public.exists()
    for tree in public:
        assert tree.get_workflow().name == "Moderators approval"
    assert index.get_workflow() is None
    for workspace in WorkspacePage.objects.all():
        assert workspace.get_workflow() is None
        for page in workspace.get_descendants():
            assert page.get_workflow() is None

    WorkspaceIndexPage.provision()
    assert set(WorkflowPage.objects.values_list("page_id", "workflow_id")) == before
