"""Sample files made in code, for the demo world and the tests: nothing binary is committed.

`arabic_pdf()` writes a small PDF whose Arabic text a reader can both see and extract. It shapes
the letters itself (their joined forms come from Unicode's presentation forms) and lays each
line out right to left, the way office suites write Arabic PDFs; a ToUnicode map makes the text
extractable. The glyphs come from a system font with Arabic presentation forms; on a machine
without one the text is still embedded, invisible, so search and extraction behave the same and
only the page looks bare.
"""

import functools
import io
import struct
import unicodedata
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
]

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LAM = "\u0644"
ALEFS = "\u0622\u0623\u0625\u0627"


# -- Arabic shaping from Unicode data ----------------------------------------------------------


@functools.cache
def _forms():
    """{letter: {"isolated"|"final"|"initial"|"medial": presentation form}} and lam-alef forms."""
    letters, ligatures = {}, {}
    for code in [*range(0xFB50, 0xFDFF), *range(0xFE70, 0xFEFF)]:
        kind, _space, rest = unicodedata.decomposition(chr(code)).partition(" ")
        if kind not in {"<isolated>", "<final>", "<initial>", "<medial>"}:
            continue
        parts = [chr(int(part, 16)) for part in rest.split()]
        form = kind.strip("<>")
        if len(parts) == 1:
            letters.setdefault(parts[0], {}).setdefault(form, chr(code))
        elif len(parts) == 2 and parts[0] == LAM and parts[1] in ALEFS:
            ligatures.setdefault(parts[1], {})[form] = chr(code)
    return letters, ligatures


def _is_mark(char):
    return unicodedata.category(char) == "Mn"


def shape(text):
    """Logical Arabic text → presentation forms, still in logical order."""
    letters, ligatures = _forms()
    joins_forward = {c for c, f in letters.items() if "initial" in f or "medial" in f}

    def neighbour(index, step):
        index += step
        while 0 <= index < len(text) and _is_mark(text[index]):
            index += step
        return text[index] if 0 <= index < len(text) else ""

    shaped, index = [], 0
    while index < len(text):
        char = text[index]
        if char not in letters:
            shaped.append(char)
            index += 1
            continue
        before = neighbour(index, -1)
        joined_before = before in joins_forward
        after = neighbour(index, 1)
        if char == LAM and after in ligatures:
            shaped.append(ligatures[after]["final" if joined_before else "isolated"])
            # Skip marks between lam and alef along with the alef.
            index += 1
            while index < len(text) and _is_mark(text[index]):
                shaped.append(text[index])
                index += 1
            index += 1
            continue
        joined_after = char in joins_forward and after in letters
        form = {
            (True, True): "medial",
            (True, False): "final",
            (False, True): "initial",
            (False, False): "isolated",
        }[(joined_before, joined_after)]
        shaped.append(letters[char].get(form) or letters[char].get("isolated") or char)
        index += 1
    return "".join(shaped)


def _is_rtl(char):
    return unicodedata.bidirectional(char) in {"R", "AL", "NSM"}


def visual_order(text):
    """A single line in display order: right-to-left runs reversed, left-to-right runs kept."""
    runs, current, current_rtl = [], "", None
    for char in text:
        rtl = _is_rtl(char) if not char.isspace() else current_rtl
        if current and rtl != current_rtl:
            runs.append((current, current_rtl))
            current = ""
        current += char
        current_rtl = rtl
    if current:
        runs.append((current, current_rtl))
    return "".join(run[::-1] if rtl else run for run, rtl in reversed(runs))


# -- A TrueType font, read just enough to place glyphs -----------------------------------------


class _Font:
    def __init__(self, data):
        self.data = data
        count = struct.unpack(">H", data[4:6])[0]
        self.tables = {}
        for i in range(count):
            tag, _checksum, offset, length = struct.unpack(
                ">4sIII", data[12 + 16 * i : 28 + 16 * i]
            )
            self.tables[tag.decode("latin-1")] = (offset, length)
        head = self.tables["head"][0]
        self.units_per_em = struct.unpack(">H", data[head + 18 : head + 20])[0]
        hhea = self.tables["hhea"][0]
        self.ascent, self.descent = struct.unpack(">hh", data[hhea + 4 : hhea + 8])
        metrics_count = struct.unpack(">H", data[hhea + 34 : hhea + 36])[0]
        hmtx = self.tables["hmtx"][0]
        self.advances = [
            struct.unpack(">H", data[hmtx + 4 * i : hmtx + 4 * i + 2])[0]
            for i in range(metrics_count)
        ]
        self.cmap = self._read_cmap()

    def _read_cmap(self):
        data, start = self.data, self.tables["cmap"][0]
        count = struct.unpack(">H", data[start + 2 : start + 4])[0]
        for i in range(count):
            platform, encoding, offset = struct.unpack(
                ">HHI", data[start + 4 + 8 * i : start + 12 + 8 * i]
            )
            table = start + offset
            if (platform, encoding) in {(3, 1), (0, 3)} and struct.unpack(
                ">H", data[table : table + 2]
            )[0] == 4:
                return self._read_format4(table)
        return {}

    def _read_format4(self, table):
        data = self.data
        segments = struct.unpack(">H", data[table + 6 : table + 8])[0] // 2
        ends_at = table + 14
        starts_at = ends_at + 2 * segments + 2
        deltas_at = starts_at + 2 * segments
        offsets_at = deltas_at + 2 * segments

        def word(position, signed=False):
            return struct.unpack(">h" if signed else ">H", data[position : position + 2])[0]

        mapping = {}
        for s in range(segments):
            end, begin = word(ends_at + 2 * s), word(starts_at + 2 * s)
            delta, range_offset = word(deltas_at + 2 * s, signed=True), word(offsets_at + 2 * s)
            for code in range(begin, end + 1):
                if code == 0xFFFF:
                    continue
                if range_offset == 0:
                    glyph = (code + delta) & 0xFFFF
                else:
                    glyph = word(offsets_at + 2 * s + range_offset + 2 * (code - begin))
                    if glyph:
                        glyph = (glyph + delta) & 0xFFFF
                if glyph:
                    mapping[chr(code)] = glyph
        return mapping

    def width(self, glyph):
        advance = self.advances[min(glyph, len(self.advances) - 1)]
        return round(advance * 1000 / self.units_per_em)


@functools.cache
def _system_font():
    for candidate in FONT_CANDIDATES:
        path = Path(candidate)
        if not path.is_file():
            continue
        try:
            font = _Font(path.read_bytes())
        except (OSError, KeyError, struct.error):
            continue
        if "\ufefb" in font.cmap and "\ufe8e" in font.cmap:
            return font
    return None


# -- The PDF ------------------------------------------------------------------------------------


def _pdf(objects):
    """Serialise numbered objects (1-based; object 1 is the catalogue) with a cross-reference."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _stream(data, extra=b""):
    packed = zlib.compress(data)
    return (
        b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra)
        + packed
        + b"\nendstream"
    )


def _to_unicode(glyph_text):
    lines = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    items = sorted(glyph_text.items())
    for chunk_start in range(0, len(items), 100):
        chunk = items[chunk_start : chunk_start + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        for glyph, text in chunk:
            lines.append(b"<%04X> <%s>" % (glyph, text.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(lines)


def arabic_pdf(lines, title=""):
    """A one-page A4 PDF with `lines` of (mostly Arabic) text, right-aligned, top to bottom."""
    return _arabic_pdf(tuple(lines), title)


# Samples are made once per process and reused: the demo and the tests ask for the same few
# again and again, and compressing the embedded font is most of the work.
@functools.cache
def _arabic_pdf(lines, title):
    font = _system_font()
    size, leading = 16, 28
    glyph_text, content = {}, [b"BT"]
    if font is None:
        # No font to draw with: the text stays in the file, invisible, for extraction.
        content.append(b"3 Tr")
    y = PAGE_HEIGHT - MARGIN - size
    for line in lines:
        glyphs, width = [], 0
        for char in visual_order(shape(line)):
            if font is not None:
                glyph = font.cmap.get(char) or font.cmap.get(
                    unicodedata.normalize("NFKC", char)[:1], 0
                )
                advance = 0 if _is_mark(char) else font.width(glyph)
            else:
                glyph, advance = 1 + ord(char) % 0xFFFE, 500
            glyph_text.setdefault(glyph, char)
            glyphs.append(glyph)
            width += advance
        x = max(MARGIN, PAGE_WIDTH - MARGIN - width * size / 1000)
        hex_glyphs = "".join(f"{glyph:04X}" for glyph in glyphs).encode()
        content.append(b"/F1 %d Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj" % (size, x, y, hex_glyphs))
        y -= leading
    content.append(b"ET")

    widths = b""
    if font is not None:
        widths = (
            b"/W ["
            + b" ".join(b"%d [%d]" % (glyph, font.width(glyph)) for glyph in sorted(glyph_text))
            + b"]"
        )
        descriptor = (
            b"<< /Type /FontDescriptor /FontName /CSSRSans /Flags 32 /ItalicAngle 0 "
            b"/FontBBox [-1000 -500 2000 1200] /Ascent %d /Descent %d /CapHeight 700 /StemV 80 "
            b"/FontFile2 8 0 R >>"
            % (font.ascent * 1000 // font.units_per_em, font.descent * 1000 // font.units_per_em)
        )
        font_file = _font_file(font)
    else:
        descriptor = (
            b"<< /Type /FontDescriptor /FontName /CSSRSans /Flags 32 /ItalicAngle 0 "
            b"/FontBBox [0 -200 1000 800] /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
        )
        font_file = b"null"
    info_title = ("\ufeff" + title).encode("utf-16-be").hex().upper().encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (ar) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % (PAGE_WIDTH, PAGE_HEIGHT),
        _stream(b"\n".join(content)),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /CSSRSans /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 9 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /CSSRSans "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R /CIDToGIDMap /Identity %s >>" % widths,
        descriptor,
        font_file,
        _stream(_to_unicode(glyph_text)),
        b"<< /Title <%s> /Producer (CSSR) >>" % info_title,
    ]
    return _pdf(objects)


@functools.cache
def _font_file(font):
    return _stream(font.data, b"/Length1 %d " % len(font.data))


# -- An image -----------------------------------------------------------------------------------


@functools.cache
def demo_image(width=1200, height=800, seed=0, format="JPEG"):
    """A drawn picture (a stylised meeting table), with no text so it needs no font."""
    palette = [(11, 94, 122), (194, 94, 0), (31, 107, 58), (163, 39, 31), (74, 88, 104)]
    image = Image.new("RGB", (width, height), (233, 240, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height * 2 // 3, width, height], fill=(214, 222, 228))
    table = [width // 5, height // 2 - height // 10, width * 4 // 5, height // 2 + height // 10]
    draw.rounded_rectangle(table, radius=height // 12, fill=(150, 111, 77))
    seats = 8
    for i in range(seats):
        x = table[0] + (table[2] - table[0]) * (i % 4 * 2 + 1) // 8
        y = table[1] - height // 10 if i < 4 else table[3] + height // 10
        colour = palette[(i + seed) % len(palette)]
        r = height // 16
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    out = io.BytesIO()
    image.save(out, format=format, quality=85)
    return out.getvalue()
