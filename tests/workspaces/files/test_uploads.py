"""Uploading: what is refused (and leaves nothing), what is accepted, versions, attachments."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image, PngImagePlugin

from demo.samples import arabic_pdf, demo_image
from workspaces.files.models import Derivative, FileTag, FileVersion, WorkspaceFile

UPLOAD = "/en/workspaces/legal-constitutional/library/upload/"


def post(client, *files, json=False, **fields):
    data = {"files": list(files), "title": "", "description": "", "tags": "", **fields}
    headers = {"Accept": "application/json"} if json else {}
    return client.post(UPLOAD, data, headers=headers)


@pytest.fixture
def member(client, world):
    client.force_login(world["users"]["member_legal"])
    return client


def nothing_stored(stored_files):
    return (
        not WorkspaceFile.objects.exists()
        and not FileVersion.objects.exists()
        and not Derivative.objects.exists()
        and stored_files() == []
    )


def broken_jpeg():
    # A JPEG header and then noise: the type matches, the picture cannot be decoded.
    return demo_image()[:200] + b"\x00" * 500


REFUSALS = [
    ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "not a type"),
    (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "not a type",
    ),
    ("run.exe", b"MZ\x90\x00" + b"\x00" * 100, "not a type"),
    ("report.pdf", b"#!/bin/sh\nrm -rf ~\n", "does not match"),
    ("notes.docx", b"PK\x03\x04 not really a zip", "does not match"),
    ("photo.jpg", broken_jpeg(), "could not be read as an image"),
    ("photo.png", demo_image(), "does not match"),  # a JPEG named .png
    ("empty.txt", b"", "is empty"),
    ("binary.txt", b"abc\x00def", "does not match"),
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_uploads_are_refused_with_a_clear_error_and_nothing_stored(
    member, stored_files, name, data, message
):
    response = post(member, SimpleUploadedFile(name, data), title="My title", description="Kept")
    assert response.status_code == 400
    page = response.content.decode()
    assert name in page and message in page
    # The other fields are kept for a second try.
    assert 'value="My title"' in page and "Kept</textarea>" in page
    assert nothing_stored(stored_files)


def test_a_file_over_the_size_limit_is_refused(member, stored_files, settings):
    settings.WORKSPACE_UPLOAD_MAX_BYTES = 10_000
    response = post(member, SimpleUploadedFile("big.pdf", arabic_pdf(["كبير"]) + b" " * 10_000))
    assert response.status_code == 400
    assert "a file can be at most 9.8\xa0KB" in response.content.decode()
    assert nothing_stored(stored_files)


def test_the_default_size_limit_is_25_megabytes(settings):
    from django.conf import settings as live

    assert live.WORKSPACE_UPLOAD_MAX_BYTES == 25 * 1024 * 1024


def test_one_bad_file_in_a_batch_stores_none_of_them(member, stored_files):
    good = SimpleUploadedFile("paper.pdf", arabic_pdf(["ورقة"]))
    bad = SimpleUploadedFile("page.html", b"<html></html>")
    response = post(member, good, bad)
    assert response.status_code == 400
    assert "page.html" in response.content.decode()
    assert nothing_stored(stored_files)


TOO_MANY = {
    "en": "You can upload at most 10 files at once; you chose 11.",
    "ar": "يمكنك رفع 10 ملفات على الأكثر في المرة الواحدة، وقد اخترت 11.",
}


@pytest.mark.parametrize("language", TOO_MANY)
def test_more_files_than_the_cap_are_refused_in_the_users_language(member, stored_files, language):
    notes = [SimpleUploadedFile(f"note {n}.txt", "ملاحظة".encode()) for n in range(11)]
    response = member.post(
        f"/{language}/workspaces/legal-constitutional/library/upload/",
        {"files": notes, "title": "", "description": "Kept", "tags": "محاضر"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert TOO_MANY[language] in page
    assert "Kept</textarea>" in page and 'value="محاضر"' in page
    assert nothing_stored(stored_files)


def test_the_cap_is_ten_files_and_any_request_django_reads_gets_the_message(member, stored_files):
    from django.conf import settings as live

    assert live.WORKSPACE_UPLOAD_MAX_FILES == 10
    # Up to the number of files Django reads at all, the member sees the form, not a bare 400.
    count = live.DATA_UPLOAD_MAX_NUMBER_FILES
    assert count > live.WORKSPACE_UPLOAD_MAX_FILES
    notes = [SimpleUploadedFile(f"note {n}.txt", b"note") for n in range(count)]
    response = post(member, *notes)
    assert response.status_code == 400
    assert f"you chose {count}." in response.content.decode()
    assert nothing_stored(stored_files)
    # Past it Django stops reading the request.
    response = post(member, *notes, SimpleUploadedFile("one more.txt", b"note"))
    assert response.status_code == 400
    assert nothing_stored(stored_files)


def test_refusals_in_the_script_path_come_back_as_json_errors(member, stored_files):
    response = post(member, SimpleUploadedFile("x.svg", b"<svg/>"), json=True)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert len(errors) == 1 and "x.svg" in errors[0]
    assert nothing_stored(stored_files)


def test_several_files_upload_at_once_each_titled_by_its_name(member, legal, stored_files):
    response = post(
        member,
        SimpleUploadedFile("محضر الاجتماع.pdf", arabic_pdf(["محضر"])),
        SimpleUploadedFile("group photo.jpg", demo_image()),
        tags="اجتماع, صور",
    )
    assert response.status_code == 302
    files = WorkspaceFile.objects.in_workspace(legal).order_by("title")
    assert [f.title for f in files] == ["group photo", "محضر الاجتماع"]
    assert all(set(f.tags.names()) == {"اجتماع", "صور"} for f in files)
    # Random names, nothing of the uploader's name in the storage.
    assert stored_files() and not any("photo" in name or ".pdf" in name for name in stored_files())


def test_the_script_path_answers_with_the_new_files_address(member, legal):
    response = post(member, SimpleUploadedFile("plan.pdf", arabic_pdf(["خطة"])), json=True)
    assert response.status_code == 201
    created = WorkspaceFile.objects.in_workspace(legal).get()
    [answer] = response.json()["files"]
    assert answer["id"] == created.pk and answer["title"] == "plan" and answer["size"]
    assert answer["url"] == created.get_absolute_url()


def heic_photo():
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = io.BytesIO()
    Image.open(io.BytesIO(demo_image())).save(out, format="HEIF")
    return out.getvalue()


def test_heic_photos_are_accepted_and_converted_to_jpeg(member, legal):
    response = post(member, SimpleUploadedFile("IMG_0001.HEIC", heic_photo()))
    assert response.status_code == 302
    version = WorkspaceFile.objects.in_workspace(legal).get().current_version
    assert version.original_name == "IMG_0001.jpg"
    assert version.content_type == "image/jpeg"
    with version.stored.open("rb") as stored:
        assert Image.open(stored).format == "JPEG"
    assert {d.name for d in version.derivatives.all()} == {"thumb", "medium", "large"}


GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_with_location(image_format="JPEG", orientation=6):
    """A phone-like photo: taken sideways (the EXIF says to turn it) and where, to the second."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"  # camera make
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (33.0, 30.0, 50.0), 3: "E", 4: (36.0, 17.0, 30.0)})
    out = io.BytesIO()
    Image.open(io.BytesIO(demo_image(width=300, height=200))).save(
        out, format=image_format, exif=exif, quality=90
    )
    return out.getvalue()


def stored_image(workspace):
    version = WorkspaceFile.objects.in_workspace(workspace).get().current_version
    with version.stored.open("rb") as stored:
        data = stored.read()
    return version, data, Image.open(io.BytesIO(data))


@pytest.mark.parametrize("name, image_format", [("IMG_2001.jpg", "JPEG"), ("shot.webp", "WEBP")])
def test_a_photo_is_kept_without_its_location_and_device_but_upright(
    member, legal, name, image_format
):
    uploaded = photo_with_location(image_format)
    assert Image.open(io.BytesIO(uploaded)).getexif().get_ifd(GPS_IFD)

    assert post(member, SimpleUploadedFile(name, uploaded)).status_code == 302

    version, data, image = stored_image(legal)
    assert image.format == image_format
    assert version.original_name == name
    assert "exif" not in image.info
    assert not image.getexif()
    assert b"PhoneMaker" not in data
    # Taken sideways: the stored pixels are turned as the orientation tag said.
    assert image.size == (200, 300)
    assert version.size == len(data)


def test_a_png_loses_its_text_chunks_and_keeps_every_pixel(member, legal):
    original = Image.open(io.BytesIO(demo_image(width=120, height=80))).convert("RGBA")
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Yusuf, Idlib")
    info.add_text("GPSPosition", "35.93 N, 36.63 E")
    out = io.BytesIO()
    original.save(out, format="PNG", pnginfo=info)

    assert post(member, SimpleUploadedFile("map.png", out.getvalue())).status_code == 302

    _version, data, image = stored_image(legal)
    assert image.format == "PNG"
    assert not image.text
    assert b"Idlib" not in data
    assert image.convert("RGBA").tobytes() == original.tobytes()


def animated_gif(comment=None):
    """Three frames, each shown for its own time, looping for ever."""
    frames = []
    for number in range(3):
        frame = Image.new("P", (16, 12), number)
        frame.putpalette([200, 30, 30, 30, 160, 60, 20, 40, 200])
        frame.putpixel((number, number), (number + 1) % 3)
        frames.append(frame)
    out = io.BytesIO()
    options = {"comment": comment} if comment else {}
    frames[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 250, 400],
        loop=0,
        **options,
    )
    return out.getvalue()


def gif_frames(data):
    image = Image.open(io.BytesIO(data))
    frames = []
    for number in range(image.n_frames):
        image.seek(number)
        frames.append((image.info["duration"], image.convert("RGB").tobytes()))
    return image.info.get("loop"), frames


XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description GPSLatitude="35,56.1N"/></x:xmpmeta>'


def gif_with_comment_and_xmp():
    data = animated_gif(comment=b"Taken by Yusuf in Idlib")
    # XMP travels in an application extension, its packet followed by the "magic trailer" that
    # lets GIF readers skip it; a second comment sits between the frames, and an archive hides
    # after the end of the image.
    xmp = b"!\xff\x0bXMP DataXMP" + XMP + bytes([1, *range(255, -1, -1), 0])
    first, second, _third = (i for i in range(len(data)) if data.startswith(b"!\xf9", i))
    between = b"!\xfe\x0eMoayad's phone\x00"
    hidden = b"PK\x03\x04 a hidden archive"
    return data[:first] + xmp + data[first:second] + between + data[second:] + hidden


def test_a_gif_loses_its_comments_and_xmp_and_keeps_every_frame(member, legal):
    uploaded = gif_with_comment_and_xmp()
    assert gif_frames(uploaded) == gif_frames(animated_gif())

    assert post(member, SimpleUploadedFile("vote.gif", uploaded)).status_code == 302

    version, data, image = stored_image(legal)
    for private in (b"Idlib", b"Moayad", b"XMP", b"GPSLatitude", b"hidden archive"):
        assert private not in data
    assert image.format == "GIF" and "comment" not in image.info
    assert gif_frames(data) == gif_frames(uploaded)
    assert version.size == len(data)


@pytest.mark.parametrize(
    ("name", "plain"),
    [("plain.jpg", demo_image(width=300, height=200)), ("plain.gif", animated_gif())],
)
def test_an_image_without_metadata_is_stored_as_it_came(member, legal, name, plain):
    assert post(member, SimpleUploadedFile(name, plain)).status_code == 302

    assert stored_image(legal)[1] == plain


def test_office_and_text_files_are_accepted_when_their_content_matches(member, legal):
    import docx
    from openpyxl import Workbook

    document = docx.Document()
    document.add_paragraph("مسودة الدستور")
    docx_bytes = io.BytesIO()
    document.save(docx_bytes)
    workbook = Workbook()
    workbook.active["A1"] = "ميزانية"
    xlsx_bytes = io.BytesIO()
    workbook.save(xlsx_bytes)
    response = post(
        member,
        SimpleUploadedFile("draft.docx", docx_bytes.getvalue()),
        SimpleUploadedFile("budget.xlsx", xlsx_bytes.getvalue()),
        SimpleUploadedFile("notes.txt", "ملاحظات".encode()),
    )
    assert response.status_code == 302
    texts = {f.title: f.current_version.text for f in WorkspaceFile.objects.in_workspace(legal)}
    assert "مسودة الدستور" in texts["draft"]
    assert "ميزانية" in texts["budget"]
    assert "ملاحظات" in texts["notes"]


def test_a_zip_passed_off_as_a_word_file_is_refused(member, stored_files):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.sh", "echo hi")
    response = post(member, SimpleUploadedFile("report.docx", archive.getvalue()))
    assert response.status_code == 400
    assert nothing_stored(stored_files)


@pytest.mark.parametrize("username", ["officer_legal", "focal_legal", "staff"])
def test_only_posting_members_may_upload(client, world, username, stored_files):
    client.force_login(world["users"][username])
    assert client.get(UPLOAD).status_code == 403
    response = client.post(UPLOAD, {"files": [SimpleUploadedFile("a.pdf", arabic_pdf(["ا"]))]})
    assert response.status_code == 403
    assert nothing_stored(stored_files)


def test_a_closed_workspace_takes_no_uploads(member, legal):
    legal.status = legal.Status.CLOSED
    legal.save()
    assert member.get(UPLOAD).status_code == 403


def test_a_new_version_keeps_the_earlier_ones_downloadable(member, legal, make_file):
    file = make_file(legal, "paper.pdf", data=arabic_pdf(["النسخة الأولى"]))
    first_bytes = file.current_version.stored.open("rb").read()
    url = reverse("workspaces:files:new_version", args=[legal.slug, file.pk])
    response = member.post(
        url, {"file": SimpleUploadedFile("paper-v2.pdf", arabic_pdf(["النسخة الثانية"]))}
    )
    assert response.status_code == 302
    assert [v.number for v in file.versions.all()] == [2, 1]
    detail = member.get(file.get_absolute_url()).content.decode()
    assert "paper-v2.pdf" in detail and "paper.pdf" in detail
    old = member.get(reverse("workspaces:files:download", args=[legal.slug, file.pk, 1]))
    assert b"".join(old.streaming_content) == first_bytes
    file.refresh_from_db()
    assert "الثانية" in file.search_text and "الاولى" not in file.search_text


def test_a_new_version_must_be_of_the_same_kind(member, legal, make_file, stored_files):
    file = make_file(legal, "paper.pdf")
    before = stored_files()
    with translation.override("en"):  # the English page, whether or not Arabic is compiled
        url = reverse("workspaces:files:new_version", args=[legal.slug, file.pk])
    response = member.post(url, {"file": SimpleUploadedFile("photo.jpg", demo_image())})
    assert response.status_code == 400
    assert "same kind" in response.content.decode()
    assert file.versions.count() == 1 and stored_files() == before


def test_files_attach_to_a_discussion_of_the_same_workspace_only(
    member, world, legal, start_discussion
):
    discussion = start_discussion(legal)
    electoral = world["workspaces"]["electoral"]
    elsewhere = start_discussion(electoral, "نقاش آخر", author="member_electoral")
    refused = post(member, SimpleUploadedFile("a.pdf", arabic_pdf(["ا"])), attach_to=elsewhere.pk)
    assert refused.status_code == 400
    assert not WorkspaceFile.objects.exists()
    response = post(member, SimpleUploadedFile("a.pdf", arabic_pdf(["ا"])), attach_to=discussion.pk)
    with translation.override("en"):
        assert response["Location"] == discussion.url
    attached = WorkspaceFile.objects.get()
    assert attached.attached_to.pk == discussion.pk and attached.in_library
    page = member.get(discussion.url).content.decode()
    assert reverse("workspaces:files:download", args=[legal.slug, attached.pk, 1]) in page


def test_deleting_files_removes_their_bytes_and_unused_tags(
    legal, make_file, stored_files, django_capture_on_commit_callbacks
):
    file = make_file(legal, "photo.jpg", tags=["سري"])
    make_file(legal, "paper.pdf", tags=["عام"])
    assert len(stored_files()) == 4 + 3  # image and renditions, PDF and its two previews
    with django_capture_on_commit_callbacks(execute=True):
        file.delete()
    assert len(stored_files()) == 3
    assert list(FileTag.objects.values_list("name", flat=True)) == ["عام"]
    with django_capture_on_commit_callbacks(execute=True):
        legal.delete()
    assert stored_files() == [] and not FileTag.objects.exists()
