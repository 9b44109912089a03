import re

from bs4 import BeautifulSoup

from faq.blocks import FAQBodyBlock, QuestionBlock, SectionBlock, anchor_base, assign_anchors
from tests.faq.conftest import faq_body

VALID_ID = re.compile(r"^\S+$")


def sections_of(*sections):
    return [child.value for child in FAQBodyBlock().to_python(faq_body(*sections))]


def test_question_renders_with_its_anchor_link_and_answer():
    block = QuestionBlock()
    value = block.to_python(
        {
            "question": "من يمكنه المشاركة؟",
            "answer": "<p>كل <b>سوري</b> مهتم.</p><ul><li>أ</li></ul>",
        }
    )
    soup = BeautifulSoup(block.render(value), "html.parser")
    heading = soup.find("h3")
    assert heading["id"] == "من-يمكنه-المشاركة"
    assert heading["dir"] == "auto"
    assert heading.find("a", href="#من-يمكنه-المشاركة").get_text() == "#"
    answer = soup.find(class_="faq-question__answer")
    assert answer["dir"] == "auto"
    assert answer.find("b").get_text() == "سوري"
    assert answer.find("ul").find("li").get_text() == "أ"
    assert soup.find("a", href="#top")


def test_section_heading_is_h2_and_untitled_section_lifts_its_questions():
    block = SectionBlock()
    titled = block.to_python(
        {"heading": "Language", "questions": [{"question": "Which one?", "answer": "<p>A.</p>"}]}
    )
    soup = BeautifulSoup(block.render(titled), "html.parser")
    assert soup.find("h2", id="language").get_text(strip=True) == "Language"
    assert soup.find("h3", id="which-one")

    untitled = block.to_python(
        {"heading": "", "questions": [{"question": "Which one?", "answer": "<p>A.</p>"}]}
    )
    soup = BeautifulSoup(block.render(untitled), "html.parser")
    assert soup.find("h2", id="which-one")
    assert not soup.find("h3")


def test_anchor_keeps_arabic_letters_and_has_no_spaces():
    anchor = anchor_base("ما هي مجموعات العمل التخصصية؟")
    assert anchor == "ما-هي-مجموعات-العمل-التخصصية"
    assert VALID_ID.match(anchor_base("  What   is it, really?  "))


def test_anchor_falls_back_to_a_stable_hash_when_nothing_is_left_to_slug():
    anchor = anchor_base("؟؟ !!")
    assert re.fullmatch(r"q-[0-9a-f]{8}", anchor)
    assert anchor_base("؟؟ !!") == anchor
    assert anchor_base("?!") != anchor


def test_long_questions_get_short_distinct_anchors():
    opening = "كيف يمكن للمشاركين في مجموعات العمل التخصصية أن يتواصلوا مع مكتب المبعوث "
    first, second = anchor_base(opening + "قبل الاجتماع؟"), anchor_base(opening + "بعده؟")
    assert first != second
    assert len(first) < 70 and len(second) < 70
    assert anchor_base(opening + "قبل الاجتماع؟") == first


def test_identical_questions_get_distinct_anchors():
    sections = assign_anchors(
        sections_of(
            ("", [("Who?", "<p>1</p>"), ("Who?", "<p>2</p>")]),
            ("Who", [("Who?", "<p>3</p>")]),
        )
    )
    anchors = [q.anchor for s in sections for q in s["questions"]] + [sections[1].anchor]
    assert anchors == ["who", "who-2", "who-3", "who-4"]


def test_anchor_survives_reordering_and_edits_of_other_questions():
    before = assign_anchors(
        sections_of(("", [("First?", "<p>1</p>"), ("Second?", "<p>2</p>"), ("Third?", "<p>3</p>")]))
    )
    after = assign_anchors(
        sections_of(
            ("New heading", [("Third?", "<p>3</p>"), ("Brand new?", "<p>0</p>")]),
            ("", [("Second?", "<p>2 changed</p>"), ("First?", "<p>1</p>")]),
        )
    )

    def by_question(sections):
        return {q["question"]: q.anchor for s in sections for q in s["questions"]}

    old, new = by_question(before), by_question(after)
    assert all(new[question] == old[question] for question in old)


def test_anchors_avoid_ids_the_page_itself_uses():
    sections = assign_anchors(sections_of(("", [("Top?", "<p>1</p>"), ("Main?", "<p>2</p>")])))
    assert [q.anchor for q in sections[0]["questions"]] == ["top-2", "main-2"]
