"""A member uploads two files with progress bars in the Arabic interface and opens a preview."""

import pytest

from demo.samples import arabic_pdf, demo_image

pytestmark = pytest.mark.browser


@pytest.fixture
def workspaces(demo_world, settings, tmp_path):
    from demo.discussions import create_discussions
    from demo.files import create_files
    from demo.workspaces import create_workspaces

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    workspaces = create_workspaces(demo_world["users"])
    create_discussions(workspaces, demo_world["users"])
    create_files(workspaces, demo_world["users"])
    return workspaces


def test_upload_two_files_with_progress_bars_then_open_the_image_preview(
    page, sign_in, workspaces, screenshots
):
    from playwright.sync_api import expect

    from workspaces.files.models import WorkspaceFile

    library = "/ar/workspaces/legal-constitutional/library/"
    sign_in("member_legal", next_url=library + "upload/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")

    page.set_input_files(
        "input[name=files]",
        [
            {
                "name": "محضر الاجتماع.pdf",
                "mimeType": "application/pdf",
                "buffer": arabic_pdf(["محضر الاجتماع الثالث"]),
            },
            {"name": "صورة الورشة.jpg", "mimeType": "image/jpeg", "buffer": demo_image(seed=2)},
        ],
    )
    items = page.locator(".upload-item")
    expect(items).to_have_count(2)
    expect(page.locator(".upload-item progress")).to_have_count(2)
    page.locator("form[data-upload-form] button[type=submit]").click()
    expect(page.locator(".upload-list__finished")).to_be_visible()
    expect(page.locator(".upload-item--done")).to_have_count(2)
    for index in range(2):
        assert items.nth(index).locator("progress").evaluate("bar => bar.value") == 100
    page.screenshot(path=screenshots / "files-upload-ar.png", full_page=True)
    assert set(
        WorkspaceFile.objects.filter(workspace__slug="legal-constitutional").values_list(
            "title", flat=True
        )
    ) >= {"محضر الاجتماع", "صورة الورشة"}

    # A refused file says why, next to its own progress bar, and leaves the others alone.
    page.set_input_files(
        "input[name=files]",
        [{"name": "شعار.svg", "mimeType": "image/svg+xml", "buffer": b"<svg/>"}],
    )
    page.locator("form[data-upload-form] button[type=submit]").click()
    expect(page.locator(".upload-item--failed [role=alert]")).to_contain_text("شعار.svg")

    page.goto(library)
    card = page.locator(".file-card", has_text="صورة الورشة")
    expect(card.locator("img")).to_be_visible()
    card.locator("a").first.click()
    preview = page.locator(".file-preview__image")
    expect(preview).to_be_visible()
    page.wait_for_load_state("load")
    page.wait_for_function(
        "image => image.complete && image.naturalWidth > 0", arg=preview.element_handle()
    )
    page.screenshot(path=screenshots / "files-image-detail-ar.png", full_page=True)
    with page.expect_navigation():
        page.locator(".file-preview__link").click()
    assert page.evaluate("document.images.length && document.images[0].naturalWidth") == 1200
    page.screenshot(path=screenshots / "files-image-preview.png")

    # The demo files are attached to the group's first discussion, shown under its text.
    from workspaces.discussions.models import DiscussionPage

    discussion = DiscussionPage.objects.child_of(workspaces["legal-constitutional"]).first()
    page.goto(discussion.url.replace("http://testserver", ""))
    attachments = page.locator(".attachments")
    expect(attachments.locator("img")).to_be_visible()
    expect(attachments.locator(".attachments__documents a", has_text="ورقة عمل")).to_be_visible()
    page.screenshot(path=screenshots / "files-discussion-attachments-ar.png", full_page=True)
