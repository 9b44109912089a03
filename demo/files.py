"""Demo files: in each workspace a PDF working paper in Arabic and a picture, both in the library
and attached to the workspace's first discussion when there is one. Made in code at seed time."""

from django.core.files.uploadedfile import SimpleUploadedFile

from workspaces.discussions.models import DiscussionPage
from workspaces.files.checks import check_upload
from workspaces.files.models import WorkspaceFile

from .samples import arabic_pdf, demo_image

PAPER_LINES = [
    "ورقة عمل للنقاش",
    "{theme}",
    "",
    "تعرض هذه الورقة أسئلة أولية للنقاش داخل المجموعة،",
    "وتقترح خطوات لإعداد مذكرة إحاطة مشتركة قبل نهاية الدورة.",
    "نرجو من الأعضاء قراءة الورقة وإضافة ملاحظاتهم في النقاش.",
]
PAPER_TAGS = ["ورقة عمل", "مسودة"]
IMAGE_TITLE = "صورة من الاجتماع التشاوري"
IMAGE_DESCRIPTION = "لقطة من الاجتماع الأخير للمجموعة، للتذكير بترتيب الجلسة."


def _discussion(workspace):
    return DiscussionPage.objects.child_of(workspace).live().order_by("path").first()


# Who shares the demo files in each workspace: one of its own members.
UPLOADERS = {
    "legal-constitutional": "member_legal",
    "electoral": "member_electoral",
    "women-advisory-board-shared": "wab_member",
}


def create_files(workspaces, users):
    created = []
    for index, (slug, workspace) in enumerate(workspaces.items()):
        uploader = users[UPLOADERS.get(slug, "member_legal")]
        paper_title = f"ورقة عمل: {workspace.theme}"
        if WorkspaceFile.objects.in_workspace(workspace).filter(title=paper_title).exists():
            continue
        attached_to = _discussion(workspace)
        lines = [line.format(theme=workspace.theme) for line in PAPER_LINES]
        paper = SimpleUploadedFile(
            "working-paper.pdf", arabic_pdf(lines, title=paper_title), "application/pdf"
        )
        picture = SimpleUploadedFile("meeting.jpg", demo_image(seed=index), "image/jpeg")
        created.append(
            WorkspaceFile.create(
                workspace,
                author=uploader,
                upload=check_upload(paper),
                title=paper_title,
                description="مسودة أولى لورقة العمل، للتعليق قبل الاجتماع القادم.",
                tags=PAPER_TAGS,
                attached_to=attached_to,
            )
        )
        created.append(
            WorkspaceFile.create(
                workspace,
                author=uploader,
                upload=check_upload(picture),
                title=IMAGE_TITLE,
                description=IMAGE_DESCRIPTION,
                tags=["صور"],
                attached_to=attached_to,
            )
        )
    return created
