"""Wagtail's front-end helper addresses that the site does not use answer 404, whatever the id.

Sign-in is our own form, and shared-password restrictions are switched off; Wagtail's password
form used to answer differently for a workspace discussion, another workspace page, a public page
and an unknown id, which told an anonymous visitor what exists in the private tree.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from tests.factories import make_user, make_workspace, start_discussion
from workspaces.models import Role


@pytest.fixture
def page_ids(demo_site):
    member = make_user("member")
    workspace = make_workspace("legal", members={member: Role.MEMBER})
    discussion = start_discussion(workspace, member, title="نقاش في مساحة العمل")
    return {
        "workspace discussion": discussion.pk,
        "workspace": workspace.pk,
        "public page": demo_site.pk,
        "unknown": Page.objects.order_by("-pk").first().pk + 1000,
    }


@pytest.fixture
def restriction_ids(page_ids):
    existing = PageViewRestriction.objects.get(page_id=page_ids["workspace"]).pk
    return [existing, existing + 1000]


def assert_not_found(response):
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_password_form_address_is_404_for_every_page(
    client, page_ids, restriction_ids, language, method
):
    client.raise_request_exception = False
    for page_id in page_ids.values():
        for restriction_id in restriction_ids:
            address = f"/{language}/_util/authenticate_with_password/{restriction_id}/{page_id}/"
            send = getattr(client, method)
            data = {"password": "guess", "return_url": "/"} if method == "post" else None
            assert_not_found(send(address, data))


def test_document_password_form_address_is_404(client, db):
    collection = Collection.get_first_root_node().add_child(name="للأعضاء")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    for restriction_id in (restriction.pk, restriction.pk + 1000):
        address = f"/documents/authenticate_with_password/{restriction_id}/"
        assert client.get(address, follow=True).status_code == 404
        assert client.post(address, {"password": "guess"}, follow=True).status_code == 404


@pytest.mark.parametrize("language", ["ar", "en"])
def test_wagtails_own_sign_in_form_is_gone(client, demo_site, language):
    assert_not_found(client.get(f"/{language}/_util/login/"))
    assert_not_found(client.post(f"/{language}/_util/login/", {"username": "x", "password": "y"}))


def test_a_login_restricted_page_still_sends_visitors_to_our_sign_in(client, demo_site):
    page = Page(title="صفحة للأعضاء", slug="members-only")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/ar/members-only/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/ar/members-only/"


@pytest.fixture
def admin_client_(client, db):
    admin = get_user_model().objects.create_superuser("admin", password="pw-12345-long")
    client.force_login(admin)
    return client


def test_privacy_dialogs_offer_no_shared_password(admin_client_, demo_site):
    page_dialog = admin_client_.get(f"/admin/pages/{demo_site.pk}/privacy/").json()["html"]
    collection = Collection.get_first_root_node()
    collection_dialog = admin_client_.get(f"/admin/collections/{collection.pk}/privacy/")
    for html in (page_dialog, collection_dialog.json()["html"]):
        assert 'value="login"' in html
        assert 'value="password"' not in html
        assert 'name="password"' not in html
