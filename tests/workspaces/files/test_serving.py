"""How stored bytes leave: headers that keep them private and inert, or nginx's internal redirect."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from demo.samples import demo_image
from workspaces.files.checks import check_upload
from workspaces.files.models import WorkspaceFile


@pytest.fixture
def member(client, world):
    client.force_login(world["users"]["member_legal"])
    return client


def test_downloads_are_private_inert_attachments(member, legal, make_file):
    file = make_file(legal, "ورقة العمل.pdf")
    response = member.get(reverse("workspaces:files:download", args=[legal.slug, file.pk, 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%D9%88%D8%B1%D9%82%D8%A9" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache and "public" not in cache
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_text_files_download_as_attachments_never_as_pages(member, legal, world):
    data = b"<html><script>alert(1)</script></html>"
    file = WorkspaceFile.create(
        legal,
        author=world["users"]["member_legal"],
        upload=check_upload(SimpleUploadedFile("notes.txt", data)),
    )
    response = member.get(reverse("workspaces:files:download", args=[legal.slug, file.pk, 1]))
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_content_type_comes_from_the_bytes_not_the_browser(member, legal, world):
    upload = SimpleUploadedFile("photo.png", demo_image(format="PNG"), content_type="text/html")
    file = WorkspaceFile.create(
        legal, author=world["users"]["member_legal"], upload=check_upload(upload)
    )
    response = member.get(reverse("workspaces:files:download", args=[legal.slug, file.pk, 1]))
    assert response["Content-Type"] == "image/png"


def test_renditions_are_shown_inline_as_jpeg(member, legal, make_file):
    file = make_file(legal, "photo.jpg")
    for size, longest in [("thumb", 320), ("medium", 960), ("large", 1200)]:
        response = member.get(
            reverse("workspaces:files:rendition", args=[legal.slug, file.pk, 1, size])
        )
        assert response["Content-Type"] == "image/jpeg"
        assert response["Content-Disposition"].startswith("inline;")
        from io import BytesIO

        from PIL import Image

        image = Image.open(BytesIO(b"".join(response.streaming_content)))
        assert max(image.size) == longest  # the 1200 px original is never enlarged
    unknown = reverse("workspaces:files:rendition", args=[legal.slug, file.pk, 1, "huge"])
    assert member.get(unknown).status_code == 404


def test_the_pdf_preview_is_the_first_page_as_a_picture(member, legal, make_file):
    file = make_file(legal, "paper.pdf")
    response = member.get(reverse("workspaces:files:preview", args=[legal.slug, file.pk, 1]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    image_file = make_file(legal, "photo.jpg")
    no_preview = reverse("workspaces:files:preview", args=[legal.slug, image_file.pk, 1])
    assert member.get(no_preview).status_code == 404


def test_with_an_accel_prefix_nginx_sends_the_bytes(
    member, client, legal, make_file, settings, world
):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/protected/"
    file = make_file(legal, "paper.pdf")
    url = reverse("workspaces:files:download", args=[legal.slug, file.pk, 1])
    response = member.get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected/" + file.current_version.stored.name
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    client.force_login(world["users"]["member_electoral"])
    refused = client.get(url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused


def test_private_files_have_no_storage_url(legal, make_file):
    version = make_file(legal, "paper.pdf").current_version
    with pytest.raises(ValueError):
        version.stored.url  # noqa: B018
