"""What is made from an upload: its searchable text and its previews.

Neither may refuse an upload that passed the checks: a PDF whose text cannot be read is still a
PDF. Failures are logged and leave the text empty or the preview missing (a generic icon shows).
"""

import io
import logging
import zipfile

from PIL import Image, ImageOps

from search.text import normalise

try:
    import pypdfium2
except ImportError:  # pragma: no cover - PDFs then show a generic icon instead of page one
    pypdfium2 = None

logger = logging.getLogger(__name__)

# Longest side in pixels of each derived picture. Renditions are for images; a PDF gets a
# thumbnail and a preview of its first page.
IMAGE_SIZES = {"thumb": 320, "medium": 960, "large": 1920}
PDF_SIZES = {"thumb": 320, "preview": 1100}
MAX_TEXT_CHARS = 1_000_000
MAX_PDF_PAGES = 200


def searchable_text(checked):
    """The normalised text of a PDF, office file or plain text file; "" for anything else."""
    try:
        text = _extract(checked)
    except Exception:  # a library failing on one odd file must not refuse the upload
        logger.warning("No text extracted from %s", checked.name, exc_info=True)
        text = ""
    return normalise(text[:MAX_TEXT_CHARS])


def _extract(checked):
    extension = checked.extension
    if extension == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(checked.open())
        if reader.is_encrypted:
            return ""
        return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES])
    if extension == "docx":
        import docx

        document = docx.Document(checked.open())
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    if extension == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(checked.open(), read_only=True, data_only=True)
        parts = []
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                parts.extend(str(value) for value in row if value is not None)
                if sum(map(len, parts)) > MAX_TEXT_CHARS:
                    return " ".join(parts)
        return " ".join(parts)
    if extension in {"pptx", "odt", "ods", "odp"}:
        return _xml_text(checked)
    if extension in {"txt", "csv"}:
        return checked.data.decode("utf-8-sig")
    return ""


def _xml_text(checked):
    """Text nodes of the content parts of a presentation or OpenDocument file."""
    from xml.etree.ElementTree import ParseError

    from defusedxml.ElementTree import fromstring

    parts = []
    with zipfile.ZipFile(checked.open()) as archive:
        for name in sorted(archive.namelist()):
            if name == "content.xml" or (
                name.startswith("ppt/slides/slide") and name.endswith(".xml")
            ):
                try:
                    root = fromstring(archive.read(name))
                except ParseError:
                    continue
                parts.extend(text for text in root.itertext() if text.strip())
    return " ".join(parts)


def previews(checked):
    """[(name, bytes, width, height, content type)] for an image or a PDF; [] otherwise."""
    try:
        if checked.kind == "image":
            with Image.open(checked.open()) as image:
                return _scaled(_flatten(ImageOps.exif_transpose(image)), IMAGE_SIZES)
        if checked.is_pdf and pypdfium2 is not None:
            return _scaled(_first_page(checked), PDF_SIZES)
    except Exception:
        logger.warning("No preview made for %s", checked.name, exc_info=True)
    return []


def _first_page(checked):
    document = pypdfium2.PdfDocument(checked.data)
    try:
        page = document[0]
        width, height = page.get_size()
        scale = max(PDF_SIZES.values()) / max(width, height, 1)
        return page.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def _flatten(image):
    """An RGB copy; transparent parts on white, as the page shows them."""
    if image.mode in {"RGBA", "LA"} or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _scaled(image, sizes):
    results = []
    for name, longest in sizes.items():
        copy = image.copy()
        copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        copy.save(out, format="JPEG", quality=82, optimize=True, progressive=True)
        results.append((name, out.getvalue(), copy.width, copy.height, "image/jpeg"))
    return results
