import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo.samples import arabic_pdf, demo_image
from workspaces.files.checks import check_upload
from workspaces.files.models import WorkspaceFile


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test stores into its own empty folder, so what it leaves behind can be counted."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def stored_files(private_media):
    def listing():
        if not private_media.exists():
            return []
        return sorted(
            str(p.relative_to(private_media)) for p in private_media.rglob("*") if p.is_file()
        )

    return listing


@pytest.fixture
def world(db, demo_users):
    """The demo workspaces and users, with an outsider and staff."""
    from django.contrib.auth import get_user_model

    from demo.workspaces import create_workspaces

    workspaces = create_workspaces(demo_users)
    outsider = get_user_model().objects.create_user("outsider", password="outsider-pass-1")
    return {"users": {**demo_users, "outsider": outsider}, "workspaces": workspaces}


@pytest.fixture
def legal(world):
    return world["workspaces"]["legal-constitutional"]


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type)


@pytest.fixture
def start_discussion(world):
    from workspaces.discussions.models import DiscussionPage

    def start(workspace, title="نقاش", author="member_legal"):
        return DiscussionPage.create(
            workspace=workspace,
            author=world["users"][author],
            title=title,
            body="نص النقاش",
            kind=DiscussionPage.Kind.DISCUSSION,
        )

    return start


@pytest.fixture
def make_file(world):
    def make(workspace, name="paper.pdf", data=None, user=None, **kwargs):
        if data is None:
            data = arabic_pdf(["ورقة عمل"]) if name.endswith(".pdf") else demo_image()
        user = user or world["users"]["member_legal"]
        return WorkspaceFile.create(
            workspace, author=user, upload=check_upload(upload(name, data)), **kwargs
        )

    return make
