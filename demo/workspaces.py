"""The demo workspaces: two working groups and a shared space with the Women's Advisory Board."""

import datetime

from django.utils import timezone

from workspaces.models import (
    CodeOfConduct,
    CodeOfConductAcceptance,
    Membership,
    Role,
    WorkspaceIndexPage,
    WorkspacePage,
)
from workspaces.provisioning import staff_group

CODE_OF_CONDUCT = (
    "<h2>مدونة قواعد السلوك لمجموعات العمل</h2>"
    "<ul>"
    "<li>نحترم بعضنا بعضاً، ونناقش الأفكار لا الأشخاص.</li>"
    "<li>لا نميّز بين المشاركين والمشاركات على أي أساس.</li>"
    "<li>لا ننسب أي رأي أو مساهمة إلى صاحبها خارج مساحة العمل، ولا في أوراق المجموعة.</li>"
    "<li>نحافظ على سرية ما يُتداول داخل المجموعة ووثائقها.</li>"
    "<li>نلتزم بالحوار المدني، ونبلغ المسؤول التقني عن أي مخالفة.</li>"
    "</ul>"
)

WORKSPACES = [
    {
        "slug": "legal-constitutional",
        "title": "مجموعة العمل القانونية والدستورية",
        "theme": "القضايا القانونية والدستورية",
        "description": "<p>تناقش المجموعة الإطار الدستوري وسيادة القانون واستقلال القضاء.</p>",
        "kind": WorkspacePage.Kind.GROUP,
        "cohort": 2,
        "members": {
            "officer_legal": Role.OFFICER,
            "focal_legal": Role.FOCAL_POINT,
            "rapporteur_legal": Role.RAPPORTEUR,
            "member_legal": Role.MEMBER,
            "member_new": Role.MEMBER,
        },
    },
    {
        "slug": "electoral",
        "title": "مجموعة العمل الخاصة بالعملية الانتخابية",
        "theme": "الانتخابات والنظم الانتخابية",
        "description": "<p>تبحث المجموعة في شروط انتخابات حرة ونزيهة ومشاركة اللاجئين والنازحين.</p>",
        "kind": WorkspacePage.Kind.GROUP,
        "cohort": 1,
        "members": {"member_electoral": Role.MEMBER},
    },
    {
        "slug": "women-advisory-board-shared",
        "title": "المساحة المشتركة مع المجلس الاستشاري النسائي",
        "theme": "قضايا مشتركة بين مجموعات العمل والمجلس الاستشاري النسائي",
        "description": "<p>مساحة تجمع أعضاء المجموعتين مع عضوات المجلس الاستشاري النسائي.</p>",
        "kind": WorkspacePage.Kind.SHARED,
        "cohort": 1,
        "members": {"wab_member": Role.MEMBER},
        "admits": ["legal-constitutional", "electoral"],
    },
]

# member_new shows the first-entry flow: everyone else has accepted the code already.
NOT_YET_ACCEPTED = {"member_new"}


def create_workspaces(users):
    index = WorkspaceIndexPage.provision()
    users["staff"].groups.add(staff_group())
    code = CodeOfConduct.objects.first() or CodeOfConduct.objects.create(text=CODE_OF_CONDUCT)
    today = timezone.localdate()
    workspaces = {}
    for spec in WORKSPACES:
        workspace = WorkspacePage.objects.filter(slug=spec["slug"]).first()
        if workspace is None:
            workspace = WorkspacePage(
                slug=spec["slug"],
                title=spec["title"],
                theme=spec["theme"],
                description=spec["description"],
                kind=spec["kind"],
                cohort=spec["cohort"],
                term_start=today - datetime.timedelta(days=30),
                term_end=today + datetime.timedelta(days=90),
            )
            index.add_child(instance=workspace)
            workspace.save_revision().publish()
            workspace.admits.set(WorkspacePage.objects.filter(slug__in=spec.get("admits", [])))
            workspace.save()
        workspace.sync_access()
        for username, role in spec["members"].items():
            Membership.objects.get_or_create(
                user=users[username], workspace=workspace, defaults={"role": role}
            )
        workspaces[spec["slug"]] = workspace
    for username, user in users.items():
        if username not in NOT_YET_ACCEPTED:
            CodeOfConductAcceptance.objects.get_or_create(code=code, user=user)
    return workspaces
