"""A draft as a PDF or a Word file for the envoy's office: the text and nothing of who wrote it.

Neither file carries an author, a participant, a comment or a revision: the metadata fields are
set to the platform's name, and the parts of a Word package that record editing sessions,
thumbnails or the producing program are dropped. Arabic is shaped (HarfBuzz through fpdf2) with
a font that has Arabic glyphs: DejaVu Sans, from Debian's `fonts-dejavu-core`.
"""

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone, translation

from core import dates
from workspaces.markup import direction

from .text import blocks

# fontTools reports every table it prunes while subsetting the font, at INFO level.
logging.getLogger("fontTools").setLevel(logging.WARNING)

NEUTRAL = "CSSR"
FONT_DIR = Path(getattr(settings, "DRAFTS_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
MARGIN = 20
BULLET = "•"


@dataclass(frozen=True)
class Line:
    """One paragraph of an export: its plain text, its inline HTML and how it is set."""

    style: str  # "title", "subtitle", "section", "heading", "paragraph", "bullet", "number"
    text: str
    html: str = ""
    number: int = 0
    level: int = 0
    # Labels of ours follow the document's language; members' text, its own first letter.
    fixed_direction: str = ""

    @property
    def direction(self):
        return self.fixed_direction or direction(self.text)


def lines(draft):
    """What an export shows, in order, in the language the draft is written in."""
    language = draft.language()
    document_direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    with translation.override(language):
        when = dates.day(timezone.localdate())
        yield Line("title", draft.title)
        yield Line(
            "subtitle",
            f"{draft.get_kind_display()} · {draft.workspace.title} · {when}",
            fixed_direction=document_direction,
        )
        for section, source in draft.filled_sections():
            if draft.is_briefing:
                yield Line("section", str(section.label), fixed_direction=document_direction)
            for block in blocks(source):
                style = "heading" if block.kind == "heading" else block.kind
                yield Line(style, block.text, block.html, block.number, block.level)


def filename(draft, extension):
    return f"{draft.slug}.{extension}"


# -- PDF ---------------------------------------------------------------------------------------

PDF_SIZES = {"title": 18, "subtitle": 10, "section": 14, "heading": 12}


def _fonts():
    missing = [name for name in FONTS.values() if not (FONT_DIR / name).exists()]
    if missing:
        raise ImproperlyConfigured(
            f"PDF export needs {', '.join(missing)} in {FONT_DIR} (Debian: fonts-dejavu-core), "
            "or DRAFTS_FONT_DIR pointing at them."
        )
    return {style: FONT_DIR / name for style, name in FONTS.items()}


def pdf(draft):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    document = FPDF(format="A4")
    document.set_margins(MARGIN, MARGIN, MARGIN)
    document.set_auto_page_break(True, margin=MARGIN)
    for style, path in _fonts().items():
        document.add_font("text", style, str(path))
    language = draft.language()
    document.set_lang(language)
    document.set_title(draft.title)
    for setter in (document.set_author, document.set_creator, document.set_producer):
        setter(NEUTRAL)
    document.add_page()

    for line in lines(draft):
        rtl = line.direction == "rtl"
        document.set_font(
            "text",
            "B" if line.style in PDF_SIZES and line.style != "subtitle" else "",
            PDF_SIZES.get(line.style, 11),
        )
        document.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else "ltr")
        if line.style in ("section", "heading"):
            document.ln(3)
        text = line.text
        indent = 0
        if line.style == "bullet":
            text, indent = f"{BULLET} {text}", 6 * (line.level + 1)
        elif line.style == "number":
            text, indent = f"{line.number}. {text}", 6 * (line.level + 1)
        width = document.epw - indent
        document.set_x(document.l_margin + (0 if rtl else indent))
        document.multi_cell(
            width,
            PDF_SIZES.get(line.style, 11) * 0.6,
            text,
            align="R" if rtl else "L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        document.ln(2)
    return bytes(document.output())


# -- Word ---------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RSID = re.compile(rf"^\{{{re.escape(W_NS)}\}}rsid")
# What a package may keep: the document, its styles, numbering, settings, fonts and theme.
DROPPED_PACKAGE_PARTS = {"thumbnail", "extended-properties"}
DROPPED_DOCUMENT_PARTS = {"customXml", "stylesWithEffects", "comments", "people"}


def _runs(paragraph, html, rtl):
    """Add `html`'s text to `paragraph` as runs, bold and italic kept."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.descendants:
        if not isinstance(node, NavigableString) or not str(node):
            continue
        names = {parent.name for parent in node.parents}
        run = paragraph.add_run(str(node))
        bold, italic = bool(names & {"strong", "b"}), bool(names & {"em", "i"})
        run.bold = run.font.cs_bold = bold or None
        run.italic = run.font.cs_italic = italic or None
        if rtl:
            run.font.rtl = True


# What follows <w:bidi> in a paragraph's properties; Word insists on the schema's order.
AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _set_bidi(paragraph):
    from docx.oxml import OxmlElement

    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(OxmlElement("w:bidi"), *AFTER_BIDI)


def _neutral(document, title, language):
    core = document.core_properties
    now = timezone.now().replace(microsecond=0)
    core.author = core.last_modified_by = NEUTRAL
    core.title = title
    for field in ("subject", "keywords", "comments", "category", "content_status", "identifier"):
        setattr(core, field, "")
    core.version = ""
    core.language = language
    core.revision = 1
    core.created = core.modified = now
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in DROPPED_PACKAGE_PARTS:
            package.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in DROPPED_DOCUMENT_PARTS:
            document.part.rels.pop(rel_id)
    # Revision-session ids tie a file to the editing sessions that made it.
    for root in (document.element, document.settings.element, document.styles.element):
        for element in root.iter():
            for name in [name for name in element.attrib if RSID.match(name)]:
                del element.attrib[name]
        for tag in ("rsids", "rsid"):
            for element in root.findall(f".//{{{W_NS}}}{tag}"):
                element.getparent().remove(element)


def docx(draft):
    from docx import Document

    document = Document()
    language = draft.language()
    styles = {
        "title": ("Title", None),
        "subtitle": ("Subtitle", None),
        "section": ("Heading 1", None),
        "heading": ("Heading 2", None),
        "paragraph": ("Normal", None),
        "bullet": ("List Bullet", "List Bullet {level}"),
        "number": ("List Number", "List Number {level}"),
    }
    for line in lines(draft):
        style, nested = styles[line.style]
        if nested and line.level:
            style = nested.format(level=min(line.level + 1, 3))
        paragraph = document.add_paragraph(style=style)
        rtl = line.direction == "rtl"
        if rtl:
            _set_bidi(paragraph)
        if line.html:
            _runs(paragraph, line.html, rtl)
        else:
            run = paragraph.add_run(line.text)
            run.font.rtl = rtl or None
    _neutral(document, draft.title, language)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


EXPORTS = {
    "pdf": (pdf, "application/pdf"),
    "docx": (docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
