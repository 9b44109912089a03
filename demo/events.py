"""A meeting in each demo workspace, three days ahead at 17:00 Damascus time, with answers.

The platform officer sets up each group's meetings; members add their own events beside them.
"""

import datetime
import zoneinfo

from django.utils import timezone

from workspaces.events.models import EventAnswer, EventPage

GOING, MAYBE = EventAnswer.Answer.GOING, EventAnswer.Answer.MAYBE

DEMO_EVENTS = {
    "legal-constitutional": {
        "title": "اجتماع المجموعة: استقلال القضاء في المبادئ الدستورية",
        "description": (
            "نراجع معاً الفقرات الخاصة باستقلال القضاء في مسودة المبادئ، ونتفق على النقاط "
            "التي ستحملها المقررتان إلى ورقة الإحاطة.\n"
            "يرجى قراءة المسودة قبل الاجتماع."
        ),
        "answers": {"member_legal": GOING, "rapporteur_legal": MAYBE},
    },
    "electoral": {
        "title": "جلسة عمل: مشاركة اللاجئين والنازحين في الانتخابات",
        "description": "نناقش خيارات تسجيل الناخبين خارج البلاد وضمانات سرية الاقتراع.",
        "answers": {"member_electoral": GOING, "staff": GOING},
    },
    "women-advisory-board-shared": {
        "title": "لقاء مشترك مع المجلس الاستشاري النسائي",
        "description": "لقاء مفتوح لأعضاء المجموعتين وعضوات المجلس حول تمثيل النساء في العملية الدستورية.",
        "answers": {"wab_member": GOING, "member_legal": GOING},
    },
}
DEMO_SLUG = "demo-meeting"
ZONE = zoneinfo.ZoneInfo("Asia/Damascus")


def create_events(users, workspaces):
    """Create each demo meeting once; a later run leaves them and their answers as they are."""
    day = timezone.now().astimezone(ZONE).date() + datetime.timedelta(days=3)
    start = datetime.datetime.combine(day, datetime.time(17, 0), ZONE)
    events = {}
    for slug, spec in DEMO_EVENTS.items():
        workspace = workspaces[slug]
        event = EventPage.objects.child_of(workspace).filter(slug=DEMO_SLUG).first()
        if event is None:
            event = EventPage.create(
                workspace,
                author=users["staff"],
                slug=DEMO_SLUG,
                title=spec["title"],
                description=spec["description"],
                start=start,
                end=start + datetime.timedelta(minutes=90),
                time_zone=str(ZONE),
                online=True,
            )
            for username, answer in spec["answers"].items():
                EventAnswer.objects.create(event=event, user=users[username], answer=answer)
        events[slug] = event
    return events
