"""Read a plain-text FAQ document into FAQ page content.

The rules (also in `import_faq --help`):

- Every non-empty line is one paragraph; blank lines only separate.
- The first non-empty line is the page title.
- A line ending in `?` or `؟` is a question.
- A line starting with `-` and a space, or with `•`, is a list item; neighbouring items form one
  bulleted list.
- A heading is a line of at most ten words, not a question or list item, not ending in
  punctuation, whose next non-empty line is a question. It starts a new section.
- The lines after a question, up to the next question or heading, are its answer. Inside an
  answer, a line that would pass as a heading but is followed by more answer text is kept as a
  bold paragraph (answers have no headings of their own).
- Lines between the title and the first question or heading are the page's introduction;
  questions before the first heading form a first section without a heading.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape

from .blocks import section_data

QUESTION_MARKS = ("?", "؟")
FINAL_PUNCTUATION = tuple(".,:;!?…،؛؟")
MAX_HEADING_WORDS = 10
MAX_LINE_LENGTH = 255  # page titles, headings and questions
_ITEM = re.compile(r"^(?:-\s+|•\s*)(?P<text>.*)$")


class FAQFormatError(ValueError):
    pass


def _rich_text(blocks):
    """Rich text from ("p" | "b", text) and ("ul", [items]) blocks; the text is never markup."""
    parts = []
    for kind, content in blocks:
        if kind == "ul":
            items = "".join(f"<li>{escape(item)}</li>" for item in content)
            parts.append(f"<ul>{items}</ul>")
        elif kind == "b":
            parts.append(f"<p><b>{escape(content)}</b></p>")
        else:
            parts.append(f"<p>{escape(content)}</p>")
    return "".join(parts)


@dataclass
class Question:
    text: str
    line: int
    answer: list = field(default_factory=list)  # ("p" | "b", text) or ("ul", [items])

    def answer_html(self):
        return _rich_text(self.answer)


@dataclass
class Section:
    heading: str
    questions: list = field(default_factory=list)


@dataclass
class ParsedFAQ:
    title: str
    intro: list = field(default_factory=list)
    sections: list = field(default_factory=list)

    @property
    def questions(self):
        return [question for section in self.sections for question in section.questions]

    def intro_html(self):
        return _rich_text(self.intro)

    def body_data(self):
        """The FAQ page body in StreamField's stored form."""
        return [
            section_data(
                section.heading,
                [(question.text, question.answer_html()) for question in section.questions],
            )
            for section in self.sections
        ]


def _item_text(line):
    match = _ITEM.match(line)
    return match["text"].strip() if match else None


def _is_question(line):
    return line.endswith(QUESTION_MARKS) and _item_text(line) is None


def _is_short_plain_line(line):
    return (
        not _is_question(line)
        and _item_text(line) is None
        and len(line.split()) <= MAX_HEADING_WORDS
        and not line.endswith(FINAL_PUNCTUATION)
        and any(char.isalpha() for char in line)
    )


def _kinds(lines):
    """What each line is: "question", "heading", "item" or "text" (headings need lookahead)."""
    kinds = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _is_question(line):
            kinds.append("question")
        elif _item_text(line) is not None:
            kinds.append("item")
        elif _is_short_plain_line(line) and _is_question(following):
            kinds.append("heading")
        else:
            kinds.append("text")
    return kinds


def parse(text):
    """A `ParsedFAQ` from the document's text; `FAQFormatError` says what is wrong with it."""
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise FAQFormatError("The file is empty.")
    (title_line, title), body = lines[0], lines[1:]
    if len(title) > MAX_LINE_LENGTH:
        raise FAQFormatError(
            f"The title (line {title_line}) is longer than {MAX_LINE_LENGTH} characters; "
            "the first non-empty line must be the page title."
        )
    faq = ParsedFAQ(title=title)
    question = None

    def close_question():
        if question is not None and not question.answer:
            raise FAQFormatError(
                f"The question on line {question.line} has no answer: {question.text}"
            )

    kinds = _kinds([line for _number, line in body])
    for index, ((number, line), kind) in enumerate(zip(body, kinds, strict=True)):
        if kind == "question":
            close_question()
            if len(line) > MAX_LINE_LENGTH:
                raise FAQFormatError(
                    f"The question on line {number} is longer than {MAX_LINE_LENGTH} characters."
                )
            if not faq.sections:
                faq.sections.append(Section(heading=""))
            question = Question(text=line, line=number)
            faq.sections[-1].questions.append(question)
        elif kind == "heading":
            close_question()
            faq.sections.append(Section(heading=line))
            question = None
        else:
            blocks = question.answer if question is not None else faq.intro
            if kind == "item":
                item = _item_text(line)
                if not item:
                    continue
                if blocks and blocks[-1][0] == "ul":
                    blocks[-1][1].append(item)
                else:
                    blocks.append(("ul", [item]))
            elif _is_short_plain_line(line) and kinds[index + 1 : index + 2] in (
                ["text"],
                ["item"],
            ):
                blocks.append(("b", line))
            else:
                blocks.append(("p", line))
    close_question()
    if not faq.questions:
        raise FAQFormatError(
            "No question found: a question is a line ending in a question mark (? or ؟)."
        )
    return faq
