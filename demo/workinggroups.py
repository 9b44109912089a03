"""Demo working groups, their public page and one paper, in Arabic with English translations."""

import datetime

from django.utils import timezone

from workinggroups.models import PaperPage, WorkingGroup, WorkingGroupsPage

from .translation import locale, publish_translation

PAGE_TITLE = "مجموعات العمل التخصصية"
PAGE_INTRO = (
    "<p>تعمل كل مجموعة على موضوع واحد لفترة محددة، ثم تقدّم أوراقها إلى مكتب المبعوث الخاص.</p>"
)
PAGE_ENGLISH = {
    PAGE_TITLE: "Thematic working groups",
    "تعمل كل مجموعة على موضوع واحد لفترة محددة، ثم تقدّم أوراقها إلى مكتب المبعوث الخاص.": (
        "Each group works on one theme for a set term, then hands its papers to the Special "
        "Envoy's office."
    ),
}

# name, theme, description (Arabic) → English of each; days from today for the term.
GROUPS = [
    (
        ("مجموعة العمل القانونية والدستورية", "Legal and constitutional working group"),
        ("القضايا القانونية والدستورية", "Legal and constitutional issues"),
        (
            "الإطار الدستوري وسيادة القانون واستقلال القضاء.",
            "The constitutional framework, the rule of law and an independent judiciary.",
        ),
        (-30, 90),
    ),
    (
        ("مجموعة العمل الخاصة بالعملية الانتخابية", "Electoral working group"),
        ("الانتخابات والنظم الانتخابية", "Elections and electoral systems"),
        (
            "شروط انتخابات حرة ونزيهة ومشاركة اللاجئين والنازحين فيها.",
            "Conditions for free and fair elections, and how refugees and displaced people take part.",
        ),
        (-30, 90),
    ),
    (
        (
            "مجموعة العمل حول الحوكمة المحلية واللامركزية",
            "Local governance and decentralisation working group",
        ),
        ("الحوكمة المحلية واللامركزية", "Local governance and decentralisation"),
        (
            "الموضوعات الفرعية التي حددها المشاركون حول الإدارة المحلية وتوزيع الصلاحيات.",
            "Sub-themes chosen by the participants on local administration and the sharing of powers.",
        ),
        (-300, -180),
    ),
]

PAPER_TITLE = "ورقة إحاطة: أولويات الحوكمة المحلية"
PAPER_SUMMARY = "خلاصة نقاشات المجموعة حول الحوكمة المحلية، دون نسبة أي رأي إلى أحد المشاركين."
PAPER_BODY = [
    ("heading", "مجالات التوافق"),
    ("paragraph", "<p>رأى المشاركون أن تقريب الخدمات من السكان شرط لأي استقرار دائم.</p>"),
    ("heading", "آراء متباينة"),
    (
        "paragraph",
        "<p>رأى بعض المشاركين أن تبدأ اللامركزية بالخدمات، ورأى آخرون أن تبدأ بالتمثيل.</p>",
    ),
]
PAPER_ENGLISH = {
    PAPER_TITLE: "Briefing paper: priorities for local governance",
    PAPER_SUMMARY: "The group's discussions on local governance, with no view attributed to any participant.",
    "مجالات التوافق": "Areas of agreement",
    "رأى المشاركون أن تقريب الخدمات من السكان شرط لأي استقرار دائم.": (
        "Participants held that bringing services closer to people is a condition of any lasting stability."
    ),
    "آراء متباينة": "Divergent views",
    "رأى بعض المشاركين أن تبدأ اللامركزية بالخدمات، ورأى آخرون أن تبدأ بالتمثيل.": (
        "Some participants would start decentralisation with services; others with representation."
    ),
}


def create_working_groups(home):
    arabic = locale("ar")
    page = WorkingGroupsPage.objects.filter(locale=arabic).first()
    if page is None:
        page = WorkingGroupsPage(
            title=PAGE_TITLE, slug="working-groups", intro=PAGE_INTRO, show_in_menus=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        publish_translation(page, "en", PAGE_ENGLISH)

    today = timezone.localdate()
    groups = []
    for (name, name_en), (theme, theme_en), (text, text_en), (start, end) in GROUPS:
        group = WorkingGroup.objects.filter(locale=arabic, name=name).first()
        if group is None:
            group = WorkingGroup.objects.create(
                locale=arabic,
                name=name,
                theme=theme,
                description=f"<p>{text}</p>",
                term_start=today + datetime.timedelta(days=start),
                term_end=today + datetime.timedelta(days=end),
                status=WorkingGroup.Status.COMPLETED if end < 0 else WorkingGroup.Status.ACTIVE,
            )
            publish_translation(group, "en", {name: name_en, theme: theme_en, text: text_en})
        groups.append(group)

    if not PaperPage.objects.filter(locale=arabic).exists():
        paper = PaperPage(
            title=PAPER_TITLE,
            slug="local-governance-priorities",
            working_group=groups[-1],
            date=today - datetime.timedelta(days=170),
            summary=PAPER_SUMMARY,
            body=PAPER_BODY,
        )
        page.add_child(instance=paper)
        paper.save_revision().publish()
        publish_translation(paper, "en", PAPER_ENGLISH)
    return page
