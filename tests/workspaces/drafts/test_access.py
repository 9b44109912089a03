"""Who may use each draft address: the workspace's access rule, and posting roles for changes."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

READ = ("history", "compare", "export_pdf", "export_docx")
WRITE_FORMS = ("edit",)
POST_ONLY = ("restore", "comment", "resolve")


def addresses(draft):
    args = [draft.workspace.slug, draft.pk]
    found = {
        name: reverse(f"workspaces:drafts:{name}", args=args)
        for name in (*READ, *WRITE_FORMS, *POST_ONLY, "publish")
    }
    found["index"] = reverse("workspaces:drafts:list", args=args[:1])
    found["start"] = reverse("workspaces:drafts:new", args=args[:1])
    found["page"] = draft.url
    return found


@pytest.fixture
def draft(world):
    return world.draft("constitutional-principles")


def test_anonymous_visitors_are_sent_to_sign_in(world, draft):
    client = world.client()
    for url in addresses(draft).values():
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            target = urlsplit(response["Location"])
            assert response.status_code == 302, url
            assert target.path == "/accounts/login/"
            assert parse_qs(target.query)["next"] == [url]


@pytest.mark.parametrize("username", ["outsider", "member_electoral", "wab_member", "editor"])
def test_people_outside_the_workspace_get_not_found(world, draft, username):
    client = world.client(username)
    for url in addresses(draft).values():
        for method in ("get", "post", "head"):
            response = getattr(client, method)(url)
            assert response.status_code == 404, (method, url)
            assert draft.title not in response.content.decode()


@pytest.mark.parametrize("username", ["member_legal", "rapporteur_legal"])
def test_members_and_rapporteurs_read_and_write(world, draft, username):
    client = world.client(username)
    found = addresses(draft)
    for name in ("page", "index", "start", *READ, *WRITE_FORMS):
        assert client.get(found[name]).status_code == 200, name
    for name in POST_ONLY:
        assert client.get(found[name]).status_code == 405, name
    assert client.get(found["publish"]).status_code == 403


@pytest.mark.parametrize("username", ["officer_legal", "focal_legal"])
def test_officers_and_focal_points_read_but_do_not_write(world, draft, username):
    client = world.client(username)
    found = addresses(draft)
    for name in ("page", "index", *READ):
        assert client.get(found[name]).status_code == 200, name
    for name in ("start", "publish", *WRITE_FORMS, *POST_ONLY):
        assert client.post(found[name]).status_code == 403, name


def test_staff_read_and_publish_but_do_not_write(world, draft):
    client = world.client("staff")
    found = addresses(draft)
    for name in ("page", "index", "publish", *READ):
        assert client.get(found[name]).status_code == 200, name
    for name in ("start", *WRITE_FORMS, *POST_ONLY):
        assert client.post(found[name]).status_code == 403, name


def test_answers_are_private(world, draft):
    found = addresses(draft)
    for name in ("page", "index", "start", *READ, *WRITE_FORMS):
        response = world.client("member_legal").get(found[name])
        assert {"private", "no-store"} <= {
            part.strip() for part in response["Cache-Control"].split(",")
        }


def test_a_draft_of_one_workspace_is_not_found_under_another(world, draft):
    electoral = world.workspaces["electoral"]
    client = world.client("member_legal")
    for name in (*READ, *WRITE_FORMS):
        url = reverse(f"workspaces:drafts:{name}", args=[electoral.slug, draft.pk])
        assert client.get(url).status_code == 404
    # Nor under a workspace the member belongs to.
    shared = world.workspaces["women-advisory-board-shared"]
    url = reverse("workspaces:drafts:history", args=[shared.slug, draft.pk])
    assert client.get(url).status_code == 404


def test_members_of_admitted_groups_co_draft_in_the_shared_space(world):
    draft = world.draft("shared-priorities")
    for username in ("wab_member", "member_legal", "member_electoral"):
        assert world.client(username).get(addresses(draft)["edit"]).status_code == 200
    assert world.client("outsider").get(draft.url).status_code == 404


def test_a_closed_workspace_is_read_only(world, draft):
    workspace = world.workspaces["legal-constitutional"]
    workspace.status = workspace.Status.CLOSED
    workspace.save()
    client = world.client("member_legal")
    assert client.get(draft.url).status_code == 200
    assert client.get(addresses(draft)["edit"]).status_code == 403
