"""The briefing note leaves the workspace as PDF and Word with no one's name anywhere, metadata
included, and its Arabic survives the trip: shaped in the PDF, and the same text when read back.
"""

import io
import re
import unicodedata
import zipfile

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from workspaces.markup import direction

NOTE = {
    "issues": "- ضمانات استقلال القضاء في المرحلة الانتقالية.\n- آلية كتابة الدستور (constitution-making) ومن يشارك فيها.",
    "agreement": (
        "رأى المشاركون أن استقلال القضاء شرط لأي انتقال سياسي مستدام، وأن تُكتب الوثيقة "
        "الدستورية بمشاركة واسعة وشفافة تشمل السوريين والسوريات في الداخل والخارج خلال عام 2027.\n\n"
        "The participants agreed that the judiciary must be independent of the executive (السلطة التنفيذية)."
    ),
    "divergent_views": "- رأي يرى أن يسبق الدستورَ الدائم إعلانٌ دستوري مؤقت.\n- رأي يرى الذهاب مباشرة إلى دستور دائم.",
    "recommendations": "1. دعم هيئة مستقلة لاختيار القضاة.\n2. نشر المسودات للنقاش العام بنسبة 100% من الوثائق.",
}


def source_paragraphs(note):
    """What a reader should find, paragraph by paragraph, in the order written."""
    expected = [note.title]
    for name in ("issues", "agreement", "divergent_views", "recommendations"):
        for paragraph in NOTE[name].split("\n"):
            if not paragraph.strip():
                continue
            if paragraph.startswith("- "):
                paragraph = "• " + paragraph[2:]
            expected.append(paragraph)
    return expected


@pytest.fixture
def note(world):
    note = world.draft("briefing-note")
    note.save_text(world.users["member_legal"], note.title, NOTE, note.current_revision().pk)
    return note


def export(world, note, extension, username="member_legal"):
    url = reverse(f"workspaces:drafts:export_{extension}", args=[note.workspace.slug, note.pk])
    response = world.client(username).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="briefing-note.{extension}"'
    return response.content


def identities(world):
    """Every way a participant could be named: display names, titles, usernames."""
    found = set()
    for user in world.users.values():
        found.update(value for value in (user.display_name, user.title, user.username) if value)
    return found


# -- Reading the PDF back ------------------------------------------------------------------------


def normalise(text):
    """Bidi-neutral characters left out, compatibility forms folded (NFKC).

    A PDF stores glyphs in visual order. Spaces and punctuation are neutral in the bidi
    algorithm: where Arabic meets Latin, their place in the line depends on the runs around
    them, and an extractor puts them back at either edge of a run (a bracket is even a mirrored
    glyph). Letters, vowel marks and digits, the text itself, must all be there in reading order.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(char for char in text if unicodedata.category(char)[0] in "LMN")


def pdf_lines(data):
    """Each line of the PDF as the text fragments the extractor gives, left to right.

    The extractor puts each right-to-left fragment back in reading order but leaves the
    fragments of a line in visual order.
    """
    lines = []
    for page in PdfReader(io.BytesIO(data)).pages:
        page_lines = []

        def visit(text, _cm, tm, _font, _size, page_lines=page_lines):
            if not text.strip():
                return
            if page_lines and page_lines[-1][0] == tm[5]:
                page_lines[-1][1].append(text)
            else:
                page_lines.append((tm[5], [text]))

        page.extract_text(visitor_text=visit)
        lines.extend(fragments for _y, fragments in page_lines)
    return lines


def logical(fragments, rtl):
    """Bidi normalisation: in a right-to-left paragraph the fragments read right to left."""
    return "".join(reversed(fragments) if rtl else fragments)


def find_in_order(paragraphs, lines):
    """The paragraphs that cannot be read back, in order, from consecutive lines."""
    missing, start = [], 0
    for paragraph in paragraphs:
        target, rtl = normalise(paragraph), direction(paragraph) == "rtl"
        for first in range(start, len(lines)):
            read, end = "", first
            while end < len(lines) and len(read) < len(target):
                read += normalise(logical(lines[end], rtl))
                end += 1
            if read == target:
                start = end
                break
        else:
            missing.append(paragraph)
    return missing


def test_the_pdf_reads_back_as_the_source_text(world, note):
    data = export(world, note, "pdf")
    lines = pdf_lines(data)
    assert lines
    assert find_in_order(source_paragraphs(note), lines) == []


def test_the_pdf_shapes_arabic(world, note):
    """Shaped text uses a letter's initial, medial and final forms: several glyphs for one letter
    in the font's map back to Unicode. Unshaped, each letter would have one glyph."""
    reader = PdfReader(io.BytesIO(export(world, note, "pdf")))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    glyphs_per_letter = {}
    for font in fonts.values():
        cmap = font.get_object()["/ToUnicode"].get_data().decode()
        for _glyph, code in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]{4})>", cmap):
            letter = chr(int(code, 16))
            glyphs_per_letter[letter] = glyphs_per_letter.get(letter, 0) + 1
    assert glyphs_per_letter.get("ل", 0) >= 3  # lam: initial, medial, final
    assert glyphs_per_letter.get("ت", 0) >= 2


def test_the_pdf_names_no_one(world, note):
    data = export(world, note, "pdf")
    reader = PdfReader(io.BytesIO(data))
    metadata = {key: str(value) for key, value in reader.metadata.items()}
    assert metadata["/Author"] == metadata["/Creator"] == metadata["/Producer"] == "CSSR"
    assert metadata["/Title"] == note.title
    text = "\n".join(page.extract_text() for page in reader.pages)
    metadata_text = "\n".join(metadata.values())
    for identity in identities(world):
        assert identity not in text, identity
        assert identity not in metadata_text, identity
        assert identity.encode() not in data, identity


def test_the_docx_has_the_text_and_neutral_properties(world, note):
    data = export(world, note, "docx")
    document = Document(io.BytesIO(data))
    paragraphs = [paragraph.text for paragraph in document.paragraphs if paragraph.text]
    # Word numbers and bullets list items itself, from their style.
    expected = [re.sub(r"^(• |\d+\. )", "", text) for text in source_paragraphs(note)]
    assert [text for text in paragraphs if text in expected] == expected
    styles = {paragraph.text: paragraph.style.name for paragraph in document.paragraphs}
    assert styles["دعم هيئة مستقلة لاختيار القضاة."] == "List Number"
    assert styles["رأي يرى الذهاب مباشرة إلى دستور دائم."] == "List Bullet"
    core = document.core_properties
    assert core.author == core.last_modified_by == "CSSR"
    assert core.title == note.title
    assert core.comments == core.subject == core.keywords == core.category == ""
    assert core.revision == 1
    # Right-to-left paragraphs are marked as such.
    arabic = next(p for p in document.paragraphs if p.text.startswith("رأى المشاركون"))
    assert (
        arabic._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi")
        is not None
    )


def test_the_docx_names_no_one_and_keeps_no_editing_history(world, note):
    data = export(world, note, "docx")
    package = zipfile.ZipFile(io.BytesIO(data))
    names = package.namelist()
    assert not any("comments" in name or "people" in name for name in names)
    # No thumbnail of the page, no record of the program or the editing time.
    assert "docProps/thumbnail.jpeg" not in names
    assert "docProps/app.xml" not in names
    everything = "\n".join(package.read(name).decode("utf-8", "replace") for name in names)
    for identity in identities(world):
        assert identity not in everything, identity
    for trace in ("w:rsid", "<w:ins ", "<w:del ", "w:author", "python-docx", "<Application>"):
        assert trace not in everything, trace


def test_every_role_inside_may_export_and_no_one_outside(world, note):
    for username in ("rapporteur_legal", "officer_legal", "focal_legal", "staff"):
        assert export(world, note, "pdf", username).startswith(b"%PDF")
    url = reverse("workspaces:drafts:export_docx", args=[note.workspace.slug, note.pk])
    assert world.client("member_electoral").get(url).status_code == 404


def test_angle_brackets_typed_in_the_text_survive_in_both_files(world, note):
    typed = ["a < b", "x <b>not bold</b> y", "<img src=x onerror=alert(1)>"]
    texts = dict(NOTE, recommendations="\n\n".join(typed))
    note.save_text(world.users["member_legal"], note.title, texts, note.current_revision().pk)

    pdf_text = [logical(line, False) for line in pdf_lines(export(world, note, "pdf"))]
    docx = Document(io.BytesIO(export(world, note, "docx")))
    docx_text = [paragraph.text for paragraph in docx.paragraphs]
    for paragraph in typed:
        assert paragraph in pdf_text
        assert paragraph in docx_text
    assert not any(run.bold for paragraph in docx.paragraphs for run in paragraph.runs)


def test_a_draft_with_an_arabic_slug_downloads_under_its_arabic_name(world):
    from urllib.parse import quote

    from workspaces.drafts.models import DraftPage, Kind

    draft = DraftPage.create(
        world.workspaces["legal-constitutional"],
        author=world.users["member_legal"],
        title="مسودة الحقوق",
        kind=Kind.TEXT,
        texts={"body": "نص."},
    )
    assert draft.slug == "مسودة-الحقوق"
    url = reverse("workspaces:drafts:export_pdf", args=[draft.workspace.slug, draft.pk])
    response = world.client("member_legal").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f"attachment; filename*=utf-8''{quote('مسودة-الحقوق.pdf')}"
    )
