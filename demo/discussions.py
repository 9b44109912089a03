"""Demo discussions in the three demo workspaces, written by their demo members.

Each discussion is created once (found again by its title), so a second `seed_demo` run adds
nothing. Times are spread over the past days so lists and unread marks look lived in.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from workspaces.discussions.models import DiscussionPage, Reply

DISCUSSIONS = {
    "legal-constitutional": [
        {
            "author": "member_legal",
            "kind": DiscussionPage.Kind.DISCUSSION,
            "title": "مبادئ العدالة الانتقالية في الدستور المقبل",
            "body": (
                "أقترح أن نبدأ بتحديد المبادئ التي يجب أن ينص عليها الدستور صراحةً:\n\n"
                "1. حق الضحايا في معرفة الحقيقة\n"
                "2. المساءلة وعدم الإفلات من العقاب\n"
                "3. جبر الضرر وضمانات عدم التكرار\n\n"
                "ما رأيكم في إدراجها في **باب الحقوق والحريات** أم في باب مستقل؟"
            ),
            "tags": ["دستور", "عدالة انتقالية"],
            "hours_ago": 96,
            "replies": [
                (
                    "rapporteur_legal",
                    "أميل إلى باب مستقل، لأن العدالة الانتقالية مرحلة لها مؤسساتها وجدولها الزمني.",
                    90,
                ),
                (
                    "member_legal",
                    "> أميل إلى باب مستقل\n\nلكن الباب المستقل قد يُفهم على أنه مؤقت، "
                    "بينما الحقوق في باب الحريات دائمة. ربما نحتاج الاثنين معاً.",
                    70,
                ),
                (
                    "rapporteur_legal",
                    "سأجمع الرأيين في مسودة الورقة الموجزة قبل اجتماعنا القادم.",
                    30,
                ),
            ],
        },
        {
            "author": "rapporteur_legal",
            "kind": DiscussionPage.Kind.CONCERN,
            "title": "قلق بشأن ضمانات استقلال القضاء في المسودة الحالية",
            "body": (
                "تترك المسودة الحالية تعيين أعضاء مجلس القضاء الأعلى للسلطة التنفيذية وحدها.\n"
                "هذا يُضعف استقلال القضاء، ونحتاج أن نرفع هذا القلق إلى مكتب المبعوث."
            ),
            "tags": ["استقلال القضاء"],
            "focal_point_invited": True,
            "hours_ago": 50,
            "replies": [
                (
                    "member_legal",
                    "أوافق. يمكن أن نقترح تعيين نصف الأعضاء بالانتخاب من بين القضاة أنفسهم.",
                    44,
                ),
                (
                    "focal_legal",
                    "شكراً على إثارة هذه النقطة. سننقلها في الإحاطة القادمة، "
                    "ونرحب بأي أمثلة مقارنة من دساتير أخرى.",
                    20,
                ),
                (
                    "rapporteur_legal",
                    "سأضيف أمثلة من تونس وجنوب أفريقيا إلى الورقة.",
                    6,
                ),
            ],
        },
    ],
    "electoral": [
        {
            "author": "member_electoral",
            "kind": DiscussionPage.Kind.DISCUSSION,
            "title": "مشاركة اللاجئين والنازحين في الانتخابات",
            "body": (
                "كيف نضمن حق التصويت لمن هم خارج البلاد أو نزحوا داخلها؟\n\n"
                "- التسجيل في مراكز خارجية\n"
                "- التصويت البريدي\n"
                "- وثائق بديلة لمن فقدوا أوراقهم الثبوتية"
            ),
            "tags": ["انتخابات", "لاجئون"],
            "hours_ago": 120,
            "replies": [
                (
                    "member_electoral",
                    "أضيف: تجربة العراق عام ٢٠٠٥ في التصويت خارج البلاد مفيدة للمقارنة.",
                    100,
                ),
                (
                    "member_electoral",
                    "جمعت ملاحظات عن الوثائق البديلة، وسأشاركها في ملفات المجموعة.",
                    26,
                ),
            ],
        },
        {
            "author": "member_electoral",
            "kind": DiscussionPage.Kind.CONCERN,
            "title": "مخاوف من ضيق الجدول الزمني للانتخابات",
            "body": "الجدول المقترح لا يترك وقتاً كافياً لتحديث سجلات الناخبين ولا لحملات التوعية.",
            "tags": ["انتخابات"],
            "hours_ago": 40,
            "replies": [
                (
                    "member_electoral",
                    "اقتراح: ستة أشهر على الأقل بين إقرار القانون الانتخابي ويوم الاقتراع.",
                    12,
                ),
            ],
        },
    ],
    "women-advisory-board-shared": [
        {
            "author": "wab_member",
            "kind": DiscussionPage.Kind.DISCUSSION,
            "title": "تمثيل النساء في هيئات الحكم الانتقالي",
            "body": (
                "نقترح نسبة تمثيل لا تقل عن ٣٠٪ للنساء في كل هيئة انتقالية، "
                "مع آلية متابعة واضحة. نرحب بملاحظات مجموعتي العمل."
            ),
            "tags": ["تمثيل النساء"],
            "hours_ago": 80,
            "replies": [
                (
                    "member_legal",
                    "من الناحية القانونية، يمكن النص على النسبة في الإعلان الدستوري نفسه "
                    "حتى لا تبقى رهن القوانين العادية.",
                    60,
                ),
                (
                    "wab_member",
                    "فكرة جيدة. هل يمكن أن تقترح صياغة أولية؟",
                    34,
                ),
                (
                    "member_legal",
                    "سأكتب مسودة فقرة وأشاركها هنا هذا الأسبوع.",
                    10,
                ),
            ],
        },
        {
            "author": "member_legal",
            "kind": DiscussionPage.Kind.CONCERN,
            "title": "سلامة المشاركات في المشاورات الميدانية",
            "body": (
                "وصلتنا شهادات عن مضايقات تتعرض لها مشاركات بعد حضور المشاورات. "
                "يجب أن نضع معاً إرشادات للحماية قبل الجولة القادمة."
            ),
            "tags": ["حماية"],
            "hours_ago": 28,
            "replies": [
                (
                    "wab_member",
                    "نعم، ونقترح ألا تُنشر أسماء المشاركات في أي محضر.",
                    16,
                ),
                (
                    "member_legal",
                    "أوافق، وسأضيف ذلك إلى الإرشادات.",
                    3,
                ),
            ],
        },
    ],
}


def create_discussions(workspaces, users):
    """Create the demo discussions once; later runs leave them as they are."""
    now = timezone.now()
    created = []
    for slug, specs in DISCUSSIONS.items():
        workspace = workspaces[slug]
        for spec in specs:
            if DiscussionPage.objects.in_workspace(workspace).filter(title=spec["title"]).exists():
                continue
            discussion = DiscussionPage.create(
                workspace=workspace,
                author=users[spec["author"]],
                title=spec["title"],
                body=spec["body"],
                kind=spec["kind"],
                tags=spec["tags"],
                focal_point_invited=spec.get("focal_point_invited", False),
            )
            started = now - datetime.timedelta(hours=spec["hours_ago"])
            Page.objects.filter(pk=discussion.pk).update(
                first_published_at=started, last_published_at=started
            )
            discussion.first_published_at = started
            for username, body, hours_ago in spec["replies"]:
                reply = Reply.objects.create(
                    discussion=discussion, author=users[username], body=body
                )
                Reply.objects.filter(pk=reply.pk).update(
                    created_at=now - datetime.timedelta(hours=hours_ago)
                )
            discussion.refresh_activity()
            created.append(discussion)
    return created
