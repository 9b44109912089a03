from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from faq.importer import FAQFormatError, parse
from faq.models import FAQPage

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.django_db


def import_faq(path, *args):
    out = StringIO()
    call_command("import_faq", str(path), *args, stdout=out)
    return out.getvalue()


def answers(page):
    return [
        BeautifulSoup(str(question["answer"]), "html.parser")
        for section in page.sections()
        for question in section["questions"]
    ]


def test_arabic_document_becomes_a_draft_under_the_arabic_home(demo_site):
    output = import_faq(FIXTURES / "faq_ar.txt", "--locale", "ar")

    page = FAQPage.objects.get()
    assert page.get_parent().specific == demo_site
    assert page.locale.language_code == "ar"
    assert page.title == "دليل المشاركين: أسئلة وأجوبة"
    assert not page.live
    assert page.has_unpublished_changes
    assert page.latest_revision is not None
    assert "تشرح هذه الصفحة باختصار" in page.intro

    sections = page.sections()
    assert [s["heading"] for s in sections] == ["", "تنظيم العمل", "الخصوصية والأمان"]
    assert [len(s["questions"]) for s in sections] == [2, 2, 1]
    tools = answers(page)[2]
    assert [li.get_text() for li in tools.find("ul").find_all("li")] == [
        "حاسوب أو هاتف ذكي؛",
        "اتصال بالإنترنت؛",
        "بريد إلكتروني شخصي.",
    ]
    assert tools.find("b").get_text() == "الأدوات المستخدمة"

    assert "3 section(s) and 5 question(s)" in output
    assert "تنظيم العمل" in output and "من يدير النقاش؟" in output


def test_english_document_becomes_a_draft_under_the_english_home(demo_site):
    output = import_faq(FIXTURES / "faq_en.txt", "--locale", "en")

    page = FAQPage.objects.get()
    assert page.get_parent().specific == demo_site.get_translation(
        Locale.objects.get(language_code="en")
    )
    assert not page.live
    assert [s["heading"] for s in page.sections()] == ["Getting started", "Daily work"]
    assert [q["question"] for q in page.questions()] == [
        "How do I get an account?",
        "Can I share my account with a colleague?",
        "What can I do in my group's space?",
        "How often should I take part?",
    ]
    lists = answers(page)[2].find_all("ul")
    assert len(lists) == 1 and len(lists[0].find_all("li")) == 4
    assert len(BeautifulSoup(page.intro, "html.parser").find_all("p")) == 2
    assert "2 section(s) and 4 question(s)" in output


def test_draft_is_not_served_to_visitors(client, demo_site):
    import_faq(FIXTURES / "faq_en.txt", "--locale", "en")
    assert client.get("/en/faq/").status_code == 404


def test_parent_can_be_named_by_slug(demo_site):
    import_faq(FIXTURES / "faq_ar.txt", "--locale", "ar", "--parent", demo_site.slug)
    assert FAQPage.objects.get().get_parent().pk == demo_site.pk


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\n  \n", "empty"),
        ("عنوان\nفقرة بلا سؤال.\n".encode(), "No question"),
        ((FIXTURES / "faq_malformed.txt").read_bytes(), "line 3 has no answer"),
        ("سؤال؟\nما هذا؟\nجواب.".encode("cp1256"), "not UTF-8"),
    ],
    ids=["empty", "blank", "no-question", "question-without-answer", "not-utf8"],
)
def test_unreadable_documents_are_refused_and_nothing_is_created(
    demo_site, tmp_path, content, message
):
    path = tmp_path / "faq.txt"
    path.write_bytes(content)
    pages_before = FAQPage.objects.count()
    with pytest.raises(CommandError, match=message):
        import_faq(path, "--locale", "ar")
    assert FAQPage.objects.count() == pages_before == 0


def test_refused_when_the_home_page_already_has_an_faq(demo_site):
    import_faq(FIXTURES / "faq_ar.txt", "--locale", "ar")
    with pytest.raises(CommandError, match="at most one FAQ page"):
        import_faq(FIXTURES / "faq_ar.txt", "--locale", "ar")
    assert FAQPage.objects.count() == 1


def test_refused_for_an_unknown_parent_or_locale(demo_site):
    with pytest.raises(CommandError, match="No page with the slug"):
        import_faq(FIXTURES / "faq_ar.txt", "--locale", "ar", "--parent", "nowhere")
    with pytest.raises(CommandError, match="No locale"):
        import_faq(FIXTURES / "faq_ar.txt", "--locale", "fr")
    assert not FAQPage.objects.exists()


def test_dry_run_reports_and_creates_nothing(demo_site):
    output = import_faq(FIXTURES / "faq_en.txt", "--locale", "en", "--dry-run")
    assert "2 section(s) and 4 question(s)" in output
    assert not FAQPage.objects.exists()


def test_markup_in_the_document_stays_text():
    faq = parse("Title\nIs <b>this</b> bold?\nNo, <script>x</script> & co.\n")
    assert faq.sections[0].questions[0].answer_html() == (
        "<p>No, &lt;script&gt;x&lt;/script&gt; &amp; co.</p>"
    )


def test_heading_needs_a_question_after_it():
    faq = parse(
        "Title\n"
        "Opening words without a full stop\n"
        "First question?\n"
        "An answer.\n"
        "Short line\n"
        "More of the answer.\n"
        "A line that is far too long to be a heading because it has many words\n"
        "Second question?\n"
        "Yes.\n"
    )
    assert [s.heading for s in faq.sections] == ["Opening words without a full stop"]
    assert faq.sections[0].questions[0].answer == [
        ("p", "An answer."),
        ("b", "Short line"),
        ("p", "More of the answer."),
        ("p", "A line that is far too long to be a heading because it has many words"),
    ]


def test_list_item_ending_in_a_question_mark_is_not_a_question():
    faq = parse("Title\nWhat can I ask?\n- Who is in my group?\n- When do we meet?\n")
    assert len(faq.questions) == 1
    assert faq.questions[0].answer == [("ul", ["Who is in my group?", "When do we meet?"])]


def test_question_at_the_end_without_answer_is_an_error():
    with pytest.raises(FAQFormatError, match="line 4"):
        parse("Title\nQ?\nA.\nLast question?\n")
