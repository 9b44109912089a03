"""Workspace pages are shown by their feature's registered view, behind the gate or in the
admin's preview, and by nothing else."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page

from workspaces.models import WorkspacePage


def tree_pages(workspace):
    """The workspace page and one live page of each type below it."""
    found = {}
    for page in Page.objects.descendant_of(workspace, inclusive=True).live().specific():
        found.setdefault(type(page), page)
    return found


def preview(page, client):
    original = RequestFactory().get("/", HTTP_COOKIE=f"sessionid={client.session.session_key}")
    return page.make_preview_request(original, page.default_preview_mode)


def test_staff_preview_every_page_type_of_a_workspace_as_it_is_served(world):
    legal = world.workspaces["legal-constitutional"]
    pages = tree_pages(legal)
    assert len(pages) == 4, pages
    staff = world.client("staff")
    for page in pages.values():
        response = preview(page, staff)
        assert response.status_code == 200, page
        assert page.title in response.content.decode()


def test_a_preview_is_refused_to_someone_outside_the_workspace(world):
    legal = world.workspaces["legal-constitutional"]
    for page in tree_pages(legal).values():
        assert preview(page, world.client("member_electoral")).status_code == 403, page


def test_a_workspace_page_is_served_only_through_the_gate(world):
    for page in tree_pages(world.workspaces["electoral"]).values():
        request = RequestFactory().get(page.url)
        request.user = world.users["staff"]
        with pytest.raises(Http404):
            page.serve(request)
    assert WorkspacePage in tree_pages(world.workspaces["electoral"])
