"""The FAQ body: sections of questions and answers.

Each question gets an anchor id so a reader can share a link to it. The id is derived from the
question's own text, so it survives edits to other questions and reordering; only identical
questions need a numbered suffix to stay unique on the page.
"""

import hashlib
import html
import re
import uuid

from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

ANSWER_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# Ids the page template itself uses; a question whose slug happens to match gets a suffix.
RESERVED_IDS = frozenset({"main", "top", "faq-contents", "faq-contents-heading"})

# Long Arabic slugs become very long once percent-encoded in a shared link.
MAX_SLUG_LENGTH = 60

_BLOCK_BOUNDARY = re.compile(r"<(?=/?(?:p|li|ul|ol|br|h[1-6])\b)", re.IGNORECASE)


def anchor_base(text):
    """A readable, stable id for `text`: its slug (Arabic letters kept), else a short hash."""
    text = text or ""
    digest = hashlib.sha256(text.encode()).hexdigest()
    slug = slugify(text, allow_unicode=True)
    if not slug:
        return f"q-{digest[:8]}"
    if len(slug) > MAX_SLUG_LENGTH:
        # The hash keeps two long questions that share their opening words apart.
        slug = f"{slug[:MAX_SLUG_LENGTH].rstrip('-')}-{digest[:6]}"
    return slug


def html_to_text(markup):
    """Visible text of rich text: tags dropped, paragraphs and list items kept apart."""
    text = strip_tags(_BLOCK_BOUNDARY.sub(" <", str(markup or "")))
    return " ".join(html.unescape(text).split())


class AnchoredValue(blocks.StructValue):
    """A value with an id: the page-unique one once `assign_anchors` ran, else its own slug."""

    anchor_source = None

    @property
    def base_anchor(self):
        text = self.get(self.anchor_source)
        return anchor_base(text) if text else ""

    @property
    def anchor(self):
        return getattr(self, "_anchor", None) or self.base_anchor


class QuestionValue(AnchoredValue):
    anchor_source = "question"

    def answer_html(self):
        return str(self.get("answer") or "")

    def plain_text(self):
        return f"{self.get('question', '')} {html_to_text(self.answer_html())}".strip()

    def structured_data(self):
        """One schema.org Question, from the same text the reader sees."""
        return {
            "@type": "Question",
            "name": self.get("question", ""),
            "acceptedAnswer": {"@type": "Answer", "text": self.answer_html()},
        }


class SectionValue(AnchoredValue):
    anchor_source = "heading"

    @property
    def question_heading_level(self):
        """Questions sit under the section heading, or take its level when there is none."""
        return 3 if self.get("heading") else 2

    def plain_text(self):
        parts = [self.get("heading", "")]
        parts.extend(question.plain_text() for question in self.get("questions", []))
        return " ".join(part for part in parts if part)


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=255)
    answer = blocks.RichTextBlock(label=_("answer"), features=ANSWER_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "faq/blocks/question.html"
        value_class = QuestionValue
        label_format = "{question}"


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        max_length=255,
        required=False,
        help_text=_("Leave empty for questions that need no heading, such as the first ones."),
    )
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Section")
        template = "faq/blocks/section.html"
        value_class = SectionValue
        label_format = "{heading}"


class FAQBodyBlock(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        label = _("Questions and answers")
        min_num = 1


def assign_anchors(sections):
    """Give every question, then every section heading, an id unique within the page.

    Questions claim theirs first, in page order, so a question's id never depends on the
    section headings; a duplicate gets the first free `-2`, `-3`, ... suffix.
    """
    taken = set(RESERVED_IDS)

    def claim(value):
        base = value.base_anchor
        anchor, number = base, 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        taken.add(anchor)
        value._anchor = anchor

    for section in sections:
        for question in section["questions"]:
            claim(question)
    for section in sections:
        if section.get("heading"):
            claim(section)
    return sections


def section_data(heading, questions):
    """One section in StreamField's stored form, from (question, answer HTML) pairs.

    List items carry ids as Wagtail stores them; wagtail-localize only translates list items
    that have them.
    """
    return {
        "type": "section",
        "id": str(uuid.uuid4()),
        "value": {
            "heading": heading,
            "questions": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"question": question, "answer": answer},
                }
                for question, answer in questions
            ],
        },
    }
