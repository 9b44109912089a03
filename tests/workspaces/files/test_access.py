"""Every address that reaches a workspace file, asked by every kind of visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from demo.samples import demo_image

ALLOWED = ["member_legal", "rapporteur_legal", "officer_legal", "focal_legal", "staff"]
REFUSED = ["outsider", "member_electoral", "wab_member"]


@pytest.fixture
def files(legal, make_file, world):
    paper = make_file(legal, "paper.pdf", title="ورقة")
    picture = make_file(legal, "photo.png", data=demo_image(format="PNG"), title="صورة")
    from tests.factories import upload
    from workspaces.files.checks import check_upload

    picture.add_version(
        check_upload(upload("photo-2.jpg", demo_image(seed=3))), world["users"]["member_legal"]
    )
    return {"paper": paper, "picture": picture}


def file_urls(files):
    slug = files["paper"].workspace.slug
    paper, picture = files["paper"], files["picture"]

    def url(name, *args):
        return reverse(f"workspaces:files:{name}", args=[slug, *args])

    return {
        "library": url("list"),
        "document": url("download", paper.pk, 1),
        "document detail": url("detail", paper.pk),
        "PDF preview": url("preview", paper.pk, 1),
        "PDF thumbnail": url("thumbnail", paper.pk),
        "original image": url("download", picture.pk, 2),
        "rendition thumb": url("rendition", picture.pk, 2, "thumb"),
        "rendition medium": url("rendition", picture.pk, 2, "medium"),
        "rendition large": url("rendition", picture.pk, 2, "large"),
        "image thumbnail": url("thumbnail", picture.pk),
        "old version": url("download", picture.pk, 1),
        "old version rendition": url("rendition", picture.pk, 1, "medium"),
    }


BYTES = {
    "document",
    "PDF preview",
    "PDF thumbnail",
    "original image",
    "rendition thumb",
    "rendition medium",
    "rendition large",
    "image thumbnail",
    "old version",
    "old version rendition",
}


def test_anonymous_visitors_are_sent_to_sign_in_for_every_file_url(client, files):
    for label, url in file_urls(files).items():
        response = client.get(url)
        assert response.status_code == 302, label
        assert response["Location"].startswith("/accounts/login/"), label


@pytest.mark.parametrize("username", REFUSED)
def test_people_outside_the_workspace_get_404_for_every_file_url(client, files, world, username):
    client.force_login(world["users"][username])
    for label, url in file_urls(files).items():
        for method in (client.get, client.head, client.post):
            response = method(url)
            assert response.status_code == 404, (label, method)
            assert b"%PDF" not in response.content and b"JFIF" not in response.content


@pytest.mark.parametrize("username", ALLOWED)
def test_members_officers_and_staff_get_every_file_url(client, files, world, username):
    client.force_login(world["users"][username])
    for label, url in file_urls(files).items():
        response = client.get(url)
        assert response.status_code == 200, label
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        if label in BYTES:
            assert response["X-Content-Type-Options"] == "nosniff", label
            body = b"".join(response.streaming_content)
            assert body, label


def test_file_ids_of_another_workspace_are_404_under_ones_own(client, files, world, make_file):
    electoral = world["workspaces"]["electoral"]
    theirs = make_file(electoral, "their-paper.pdf", user=world["users"]["member_electoral"])
    client.force_login(world["users"]["member_legal"])
    for name, args in [
        ("detail", [theirs.pk]),
        ("download", [theirs.pk, 1]),
        ("preview", [theirs.pk, 1]),
        ("thumbnail", [theirs.pk]),
    ]:
        url = reverse(f"workspaces:files:{name}", args=["legal-constitutional", *args])
        assert client.get(url).status_code == 404, name


def test_the_library_of_one_workspace_never_lists_anothers_files(client, files, world, make_file):
    electoral = world["workspaces"]["electoral"]
    make_file(electoral, "secret.pdf", title="خطة سرية", user=world["users"]["member_electoral"])
    client.force_login(world["users"]["member_legal"])
    page = client.get(reverse("workspaces:files:list", args=["legal-constitutional"]))
    assert "خطة سرية" not in page.content.decode()
    assert "ورقة" in page.content.decode()


def test_raw_storage_paths_are_not_served_by_any_url(client, files, world, stored_files):
    names = stored_files()
    assert len(names) >= 7  # originals of three versions and their previews
    client.force_login(world["users"]["staff"])
    prefixes = ["/media/", "/private_media/", "/protected/", "/static/", "/", "/ar/", "/en/"]
    for name in names:
        for prefix in prefixes:
            response = client.get(prefix + name, follow=True)
            assert response.status_code == 404, prefix + name
    for folder in ["/media/", "/private_media/", "/protected/", "/private_media/" + names[0][:3]]:
        assert client.get(folder, follow=True).status_code == 404, folder


def test_a_member_waiting_on_the_code_of_conduct_gets_no_bytes(client, files, world):
    client.force_login(world["users"]["member_new"])
    response = client.get(file_urls(files)["document"])
    assert response.status_code == 302
    assert reverse("workspaces:code_of_conduct") in response["Location"]


def test_anonymous_user_object_is_not_a_member(files):
    # The rule the views ask answers the same way outside a request.
    access = files["paper"].workspace.access_for(AnonymousUser())
    assert not access.can_view
