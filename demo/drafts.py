"""Demo drafts: a text co-drafted by two people in each workspace, and in the legal group a
briefing note with its four sections and a comment thread. Every name is invented."""

import datetime

from django.utils import timezone

from workspaces.drafts.models import DraftPage, Kind
from workspaces.models import WorkspacePage

# slug of the workspace: (draft slug, title, [(username, days ago, text)], comment or None)
TEXTS = {
    "legal-constitutional": (
        "constitutional-principles",
        "مسودة: المبادئ الدستورية الأساسية",
        [
            (
                "rapporteur_legal",
                6,
                "## المبادئ العامة\n\n"
                "تقوم الدولة على مبدأ سيادة القانون (rule of law) والفصل بين السلطات.\n\n"
                "- المساواة أمام القانون دون تمييز.\n"
                "- استقلال القضاء.\n\n"
                "يُكتب الدستور بمشاركة واسعة من السوريين والسوريات في الداخل والخارج.",
            ),
            (
                "member_legal",
                2,
                "## المبادئ العامة\n\n"
                "تقوم الدولة على مبدأ سيادة القانون (rule of law) والفصل بين السلطات والتداول "
                "السلمي للسلطة.\n\n"
                "- المساواة أمام القانون دون تمييز.\n"
                "- استقلال القضاء وعدم جواز عزل القضاة إلا وفق القانون.\n"
                "- حماية الحقوق والحريات العامة.\n\n"
                "يُكتب الدستور بمشاركة واسعة من السوريين والسوريات في الداخل والخارج.\n\n"
                "تُعرض المسودة النهائية على استفتاء عام.",
            ),
        ],
        (
            "member_legal",
            "استقلال القضاء وعدم جواز عزل القضاة إلا وفق القانون.",
            "هل نضيف آلية لتعيين القضاة؟",
            ("rapporteur_legal", "نعم، سأقترح فقرة في النسخة القادمة."),
        ),
    ),
    "electoral": (
        "electoral-conditions",
        "مسودة: شروط انتخابات حرة ونزيهة",
        [
            (
                "member_electoral",
                5,
                "تُجرى الانتخابات تحت إشراف هيئة مستقلة.\n\n"
                "يحق لجميع السوريين والسوريات التصويت، بمن فيهم اللاجئون والنازحون.",
            ),
            (
                "member_electoral",
                1,
                "تُجرى الانتخابات تحت إشراف هيئة مستقلة، وبرقابة محلية ودولية (observers).\n\n"
                "يحق لجميع السوريين والسوريات التصويت، بمن فيهم اللاجئون والنازحون.\n\n"
                "- سجل ناخبين محدّث وشفاف.\n"
                "- ضمانات لحرية الحملات الانتخابية.",
            ),
        ],
        None,
    ),
    "women-advisory-board-shared": (
        "shared-priorities",
        "مسودة مشتركة: أولويات مشاركة النساء",
        [
            (
                "wab_member",
                4,
                "تضمن العملية السياسية مشاركة فعلية للنساء في جميع مراحلها.\n\n"
                "- نسبة لا تقل عن 30% في الهيئات المنتخبة.",
            ),
            (
                "member_legal",
                1,
                "تضمن العملية السياسية مشاركة فعلية للنساء في جميع مراحلها، ومنها كتابة الدستور.\n\n"
                "- نسبة لا تقل عن 30% في الهيئات المنتخبة.\n"
                "- حماية المدافعات عن حقوق الإنسان.",
            ),
        ],
        None,
    ),
}

BRIEFING_TITLE = "ورقة إحاطة: استقلال القضاء والإطار الدستوري"
BRIEFING = {
    "issues": (
        "- ضمانات استقلال القضاء في المرحلة الانتقالية.\n"
        "- آلية كتابة الدستور ومن يشارك فيها.\n"
        "- العلاقة بين الإعلان الدستوري والدستور الدائم."
    ),
    "agreement": (
        "رأى المشاركون أن استقلال القضاء شرط لأي انتقال سياسي مستدام.\n\n"
        "اتفق المشاركون على أن تُكتب الوثيقة الدستورية بمشاركة واسعة وشفافة."
    ),
    "divergent_views": (
        "- رأي يرى أن يسبق الدستورَ الدائم إعلانٌ دستوري مؤقت قصير.\n"
        "- رأي يرى الذهاب مباشرة إلى دستور دائم يُعرض على استفتاء عام.\n"
        "- رأي يرى تعديل الدستور القائم بدلاً من كتابة دستور جديد."
    ),
    "recommendations": (
        "1. دعم هيئة مستقلة لاختيار القضاة وفق معايير معلنة.\n"
        "2. إشراك منظمات المجتمع المدني في مشاورات الدستور في الداخل والخارج.\n"
        "3. نشر مسودات الوثائق الدستورية للنقاش العام قبل اعتمادها."
    ),
}


def _backdate(revision, days):
    revision.created_at = timezone.now() - datetime.timedelta(days=days, hours=3)
    revision.save(update_fields=["created_at"])


def create_drafts(users):
    workspaces = {page.slug: page for page in WorkspacePage.objects.filter(slug__in=TEXTS)}
    drafts = {}
    for workspace_slug, (slug, title, versions, comment) in TEXTS.items():
        workspace = workspaces[workspace_slug]
        draft = DraftPage.objects.child_of(workspace).filter(slug=slug).first()
        if draft is None:
            (first_author, first_days, first_text), *later = versions
            draft = DraftPage.create(
                workspace,
                author=users[first_author],
                title=title,
                kind=Kind.TEXT,
                texts={"body": first_text},
                slug=slug,
            )
            _backdate(draft.current_revision(), first_days)
            for username, days, body in later:
                revision = draft.save_text(
                    users[username], title, {"body": body}, draft.current_revision().pk
                )
                _backdate(revision, days)
            if comment:
                author, passage, body, (answerer, answer) = comment
                thread = draft.comments.create(author=users[author], passage=passage, body=body)
                draft.comments.create(author=users[answerer], parent=thread, body=answer)
        drafts[workspace_slug] = draft

    legal = workspaces["legal-constitutional"]
    note = DraftPage.objects.child_of(legal).filter(slug="briefing-note").first()
    if note is None:
        first = dict(BRIEFING, recommendations="")
        note = DraftPage.create(
            legal,
            author=users["rapporteur_legal"],
            title=BRIEFING_TITLE,
            kind=Kind.BRIEFING,
            texts=first,
            slug="briefing-note",
        )
        _backdate(note.current_revision(), 3)
        revision = note.save_text(
            users["member_legal"], BRIEFING_TITLE, BRIEFING, note.current_revision().pk
        )
        _backdate(revision, 1)
    drafts["briefing-note"] = note
    return drafts
