"""The admin: closed to participants, blind to workspaces for editors, the workspaces' home for staff.

The admin's addresses are walked from its URLconf rather than listed, so a report, chooser or
bulk action added by an upgrade or an app is tried too.
"""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale, Page

from workspaces.models import Membership, Role, WorkspaceIndexPage
from workspaces.provisioning import PUBLIC_COLLECTION_NAME

from .conftest import Secrets

PARTICIPANTS = ["member_legal", "member_new", "rapporteur_legal", "officer_legal", "focal_legal"]
# Admin addresses that answer anyone: signing in, resetting a password, static helpers.
OPEN_ROUTES = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
# Never walked: they sign the tester out, or are Wagtail's own error demonstrations.
SKIPPED_ROUTES = {"wagtailadmin_logout", "wagtailadmin_error_test"}
SEARCH_WORD = "نقاش"


def _admin_routes():
    """(name, {kwarg: converter}) for every named admin route."""

    def walk(patterns, namespace, converters):
        for entry in patterns:
            found = dict(converters)
            if isinstance(entry.pattern, RoutePattern):
                found.update(entry.pattern.converters)
            else:
                found.update(dict.fromkeys(entry.pattern.regex.groupindex))
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, inner, found)
            elif entry.name:
                yield f"{namespace}{entry.name}", found

    # Wagtail's admin, and the screens answered ahead of it (workspaces/admin_urls.py).
    admins = [entry for entry in get_resolver().url_patterns if str(entry.pattern) == "admin/"]
    return [route for admin in admins for route in walk(admin.url_patterns, "", {})]


def _fillings(world, converters, thorough):
    """Every way to fill a route's arguments with the workspace tree's ids, or None."""
    legal = world.workspaces["legal-constitutional"]
    inner = world.planted["legal-constitutional"]
    ids = [inner.pk, legal.pk, WorkspaceIndexPage.objects.get().pk, legal.collection_id]
    choices = {}
    for kwarg, converter in converters.items():
        kind = type(converter).__name__
        if kind == "IntConverter":
            choices[kwarg] = ids
        elif kwarg in {"content_type_app_name", "app_label", "app_name"}:
            choices[kwarg] = ["workspaces"]
        elif kwarg in {"content_type_model_name", "model_name"}:
            choices[kwarg] = ["workspacepage", "workspaceindexpage"]
        elif kwarg == "pk" and kind == "StringConverter":
            choices[kwarg] = [str(inner.pk)]
        else:
            return None
    fillings = [{}]
    for kwarg, options in choices.items():
        options = options if thorough else options[:1]
        fillings = [{**filling, kwarg: option} for filling in fillings for option in options]
    return fillings


def _bulk_action_urls(world):
    """Every bulk action's confirmation, asked for workspace pages by id and by subtree."""
    index = WorkspaceIndexPage.objects.get()
    root = Page.get_first_root_node()
    pages = [world.workspaces["legal-constitutional"], *world.planted.values()]
    ids = "&".join(f"id={page.pk}" for page in pages)
    bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")  # fills the registry
    urls = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            for action in actions:
                base = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
                urls += [
                    f"{base}?{ids}",
                    f"{base}?id=all&childOf={index.pk}",
                    f"{base}?id=all&childOf={root.pk}&q={SEARCH_WORD}",
                ]
    return urls


def admin_urls(world, thorough=True):
    """Admin URLs filled with ids of the workspace tree, its collection and its page types.

    Not `thorough`: one URL per route, enough to learn whether the admin lets someone in.
    """
    urls = []
    for name, converters in _admin_routes():
        if name in SKIPPED_ROUTES:
            continue
        for kwargs in _fillings(world, converters, thorough) or []:
            url = reverse(name, kwargs=kwargs)
            urls.append(url)
            if thorough and not kwargs:
                urls += [f"{url}?q={SEARCH_WORD}", f"{url}?search={SEARCH_WORD}"]
    return urls + (_bulk_action_urls(world) if thorough else [])


@pytest.mark.slow
@pytest.mark.parametrize("username", [*PARTICIPANTS, "wab_member", "outsider"])
def test_participants_get_no_admin_at_all(planted, username):
    client = planted.client(username)
    secrets = Secrets()
    index = WorkspaceIndexPage.objects.get()
    wrong = []
    explicit = [
        "/admin/",
        "/admin/choose-page/",
        f"/admin/choose-page/{index.pk}/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{planted.workspaces['legal-constitutional'].pk}/edit/",
        "/admin/memberships/",
    ]
    for url in explicit + admin_urls(planted, thorough=False):
        response = client.get(url)
        location = response.get("Location", "")
        refused = response.status_code in (403, 404, 405) or (
            response.status_code == 302 and location.startswith("/admin/login/")
        )
        if resolve(url.split("?")[0]).url_name not in OPEN_ROUTES and not refused:
            wrong.append(f"{url}: {response.status_code} {location}")
        if leaked := secrets.found_in(response):
            wrong.append(f"{url}: shows {leaked}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow
def test_editors_never_meet_a_workspace_anywhere_in_the_admin(planted):
    """Neither its pages' words nor the people who take part in it (filters list people)."""
    client = planted.client("editor")
    secrets = Secrets()
    assert len(secrets.words) >= 6
    people = [planted.users[name] for name in [*PARTICIPANTS, "member_electoral", "wab_member"]]
    secrets.words |= {user.username for user in people} | {user.display_name for user in people}
    wrong = []
    for url in admin_urls(planted):
        response = client.get(url)
        if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
            wrong.append(f"{url}: signed the editor out")
            client = planted.client("editor")
        if leaked := secrets.found_in(response):
            wrong.append(f"{url}: shows {leaked}")
    assert not wrong, "\n".join(wrong)


def test_editors_cannot_open_or_edit_a_workspace_page(planted):
    client = planted.client("editor")
    legal = planted.workspaces["legal-constitutional"]
    index = WorkspaceIndexPage.objects.get()
    for url in (
        f"/admin/pages/{legal.pk}/",
        f"/admin/pages/{index.pk}/",
        f"/admin/choose-page/{legal.pk}/",
        f"/admin/choose-page/{index.pk}/",
        f"/admin/localize/submit/page/{legal.pk}/",
    ):
        # The language middleware sends every 404 on to a prefixed address, itself a 404.
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert legal.theme not in response.content.decode()
    for url in (
        f"/admin/pages/{legal.pk}/edit/",
        f"/admin/pages/{legal.pk}/privacy/",
        f"/admin/pages/{legal.pk}/delete/",
        f"/admin/pages/{legal.pk}/move/",
        f"/admin/pages/{legal.pk}/copy/",
        f"/admin/pages/add/workspaces/workspacepage/{index.pk}/",
    ):
        response = client.get(url)
        # Wagtail answers a refusal with the dashboard and a message.
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), url
        assert legal.theme not in client.get(response["Location"]).content.decode()
    client.post(f"/admin/pages/{legal.pk}/edit/", {"title": "عنوان جديد", "action-publish": "1"})
    legal.refresh_from_db()
    assert legal.title == "مجموعة العمل القانونية والدستورية"


def test_no_one_translates_a_workspace_while_public_pages_still_translate(planted):
    """A translation would copy the workspace's text into a tree editors open."""
    english = Locale.objects.get(language_code="en")
    legal = planted.workspaces["legal-constitutional"]
    client = planted.client("editor")
    response = client.post(
        f"/admin/localize/submit/page/{legal.pk}/", {"locales": [english.pk]}, follow=True
    )
    assert response.status_code == 404
    assert not legal.has_translation(english)

    home = Page.objects.get(depth=2, slug="cssr")
    public = home.add_child(instance=Page(title="صفحة عامة للترجمة", slug="to-translate"))
    form = client.get(f"/admin/localize/submit/page/{public.pk}/")
    assert form.status_code == 200
    assert "صفحة عامة للترجمة" in form.content.decode()


def test_the_explorer_and_chooser_offer_editors_the_public_trees_only(planted):
    client = planted.client("editor")
    index = WorkspaceIndexPage.objects.get()
    home = Page.objects.get(depth=2, slug="cssr")
    explorer = client.get("/admin/pages/").content.decode()
    assert f'href="/admin/pages/{home.pk}/"' in explorer
    assert f'href="/admin/pages/{index.pk}/"' not in explorer
    chooser = json.loads(client.get("/admin/choose-page/").content)["html"]
    assert f"/admin/choose-page/{home.pk}/" in chooser
    assert f"/admin/choose-page/{index.pk}/" not in chooser
    api = client.get("/admin/api/main/pages/?child_of=root&for_explorer=1").json()
    assert index.pk not in {item["id"] for item in api["items"]}


def _page_count(client):
    dashboard = client.get("/admin/").content.decode()
    return int(re.search(r'href="/admin/pages/\d+/">\s*(\d+)', dashboard).group(1))


def test_the_dashboard_counts_for_editors_only_the_pages_they_work_on(world):
    client = world.client("editor")
    before = _page_count(client)
    legal = world.workspaces["legal-constitutional"]
    legal.add_child(instance=Page(title="صفحة داخلية", slug="inner"))
    assert _page_count(client) == before
    home = Page.objects.get(depth=2, slug="cssr")
    home.add_child(instance=Page(title="صفحة عامة جديدة", slug="new-public"))
    assert _page_count(client) == before + 1


def test_editors_manage_public_documents_but_never_a_workspace_file(world):
    """Collection rights on the root would reach every workspace's documents and images."""
    legal = world.workspaces["legal-constitutional"]
    public = Collection.objects.get(name=PUBLIC_COLLECTION_NAME)
    documents = {}
    for title, collection in (
        ("دليل المشاركة العام", public),
        ("محضر اجتماع داخلي", legal.collection),
    ):
        documents[title] = Document.objects.create(
            title=title,
            collection=collection,
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="minutes.pdf"),
        )
    client = world.client("editor")
    for url in (
        "/admin/documents/",
        "/admin/documents/chooser/",
        f"/admin/bulk/wagtaildocs/document/delete/?id={documents['محضر اجتماع داخلي'].pk}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            content = json.dumps(json.loads(content), ensure_ascii=False)
        if "bulk" not in url:
            assert "دليل المشاركة العام" in content, url
        assert "محضر اجتماع داخلي" not in content, url
        for workspace in world.workspaces.values():
            assert workspace.collection.name not in content, url
    edit = f"/admin/documents/edit/{documents['محضر اجتماع داخلي'].pk}/"
    assert client.get(edit).status_code == 302


def test_staff_open_workspaces_in_the_admin(planted):
    client = planted.client("staff")
    legal = planted.workspaces["legal-constitutional"]
    index = WorkspaceIndexPage.objects.get()
    listing = client.get(f"/admin/pages/{index.pk}/").content.decode()
    for workspace in planted.workspaces.values():
        assert workspace.title in listing
    edit = client.get(f"/admin/pages/{legal.pk}/edit/")
    assert edit.status_code == 200
    assert legal.theme in edit.content.decode()


def test_staff_manage_memberships_in_the_admin(world):
    client = world.client("staff")
    listing = client.get("/admin/memberships/")
    assert listing.status_code == 200
    assert world.users["member_legal"].display_name in listing.content.decode()

    legal = world.workspaces["legal-constitutional"]
    outsider = world.users["outsider"]
    response = client.post(
        "/admin/memberships/new/",
        {
            "user": outsider.pk,
            "workspace": legal.pk,
            "role": Role.MEMBER,
            "state": Membership.State.ACTIVE,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    membership = Membership.objects.get(user=outsider, workspace=legal)
    assert legal.access_drift() == []
    assert outsider in legal.group.user_set.all()

    client.post(f"/admin/memberships/delete/{membership.pk}/")
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert legal.access_drift() == []
    assert world.client("outsider").get("/ar/workspaces/legal-constitutional/").status_code == 404


@pytest.mark.parametrize("username", ["editor", "member_legal", "officer_legal"])
def test_nobody_but_staff_manages_memberships(world, username):
    client = world.client(username)
    legal = world.workspaces["legal-constitutional"]
    assert client.get("/admin/memberships/").status_code == 302
    client.post(
        "/admin/memberships/new/",
        {"user": world.users["outsider"].pk, "workspace": legal.pk, "role": Role.MEMBER},
    )
    assert not Membership.objects.filter(user=world.users["outsider"]).exists()
