"""What may be uploaded: a short allowlist, checked by extension and by content alike.

Every check runs before anything is written, so a refused file leaves nothing behind. The
messages name the file and speak the uploader's language.
"""

import hashlib
import io
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

try:
    import pillow_heif
except ImportError:  # pragma: no cover - HEIC photos are then refused with a clear message
    pillow_heif = None
else:
    pillow_heif.register_heif_opener()


class Kind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    IMAGE = "image", _("Image")


OOXML = "application/vnd.openxmlformats-officedocument"
ODF = "application/vnd.oasis.opendocument"


@dataclass(frozen=True)
class FileType:
    content_type: str
    kind: str
    # For ZIP-based office files: a member that only this format has.
    marker: str = ""


TYPES = {
    "pdf": FileType("application/pdf", Kind.DOCUMENT),
    "docx": FileType(f"{OOXML}.wordprocessingml.document", Kind.DOCUMENT, "word/document.xml"),
    "xlsx": FileType(f"{OOXML}.spreadsheetml.sheet", Kind.DOCUMENT, "xl/workbook.xml"),
    "pptx": FileType(f"{OOXML}.presentationml.presentation", Kind.DOCUMENT, "ppt/presentation.xml"),
    "odt": FileType(f"{ODF}.text", Kind.DOCUMENT),
    "ods": FileType(f"{ODF}.spreadsheet", Kind.DOCUMENT),
    "odp": FileType(f"{ODF}.presentation", Kind.DOCUMENT),
    "txt": FileType("text/plain", Kind.DOCUMENT),
    "csv": FileType("text/csv", Kind.DOCUMENT),
    "jpg": FileType("image/jpeg", Kind.IMAGE),
    "jpeg": FileType("image/jpeg", Kind.IMAGE),
    "png": FileType("image/png", Kind.IMAGE),
    "gif": FileType("image/gif", Kind.IMAGE),
    "webp": FileType("image/webp", Kind.IMAGE),
    "heic": FileType("image/heic", Kind.IMAGE),
    "heif": FileType("image/heif", Kind.IMAGE),
}
HEIC = {"heic", "heif"}
# What the `accept` attribute of file inputs offers; the server decides regardless.
ACCEPT = ",".join(f".{extension}" for extension in TYPES)
# A ZIP whose members would unpack to more than this is refused before anything reads it.
MAX_UNPACKED_BYTES = 500 * 1024 * 1024


@dataclass
class CheckedUpload:
    """An upload that passed every check, with what was learnt about it on the way."""

    name: str
    extension: str
    content_type: str
    kind: str
    size: int
    sha256: str
    data: bytes

    @property
    def is_pdf(self):
        return self.extension == "pdf"

    def open(self):
        return io.BytesIO(self.data)


def clean_name(name):
    """The file name without any folder, control characters or surrounding space."""
    name = PureWindowsPath(PurePosixPath(name or "").name).name
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C").strip()
    return name[-200:] or "file"


def extension_of(name):
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""


def max_bytes():
    return settings.WORKSPACE_UPLOAD_MAX_BYTES


def check_upload(upload):
    """Return a `CheckedUpload` for a Django `UploadedFile`, or raise `ValidationError`."""
    name = clean_name(upload.name)
    extension = extension_of(name)
    params = {"name": name, "extension": extension}
    if extension not in TYPES:
        raise ValidationError(
            _("“%(name)s” is not a type of file you can share here. Allowed: %(allowed)s."),
            code="type",
            params={**params, "allowed": ", ".join(sorted(set(TYPES)))},
        )
    if upload.size > max_bytes():
        raise ValidationError(
            _("“%(name)s” is %(size)s; a file can be at most %(limit)s."),
            code="size",
            params={
                **params,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes()),
            },
        )
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params=params)
    upload.seek(0)
    data = upload.read()
    file_type = TYPES[extension]
    if not _content_matches(extension, file_type, data):
        raise ValidationError(
            _("The content of “%(name)s” does not match its extension (.%(extension)s)."),
            code="mismatch",
            params=params,
        )
    if file_type.kind == Kind.IMAGE:
        data = _check_image(extension, data, params)
        if extension in HEIC:
            name = f"{name.rpartition('.')[0]}.jpg"
            extension, file_type = "jpg", TYPES["jpg"]
    return CheckedUpload(
        name=name,
        extension=extension,
        content_type=file_type.content_type,
        kind=file_type.kind,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
    )


def _content_matches(extension, file_type, data):
    if extension == "pdf":
        return data.startswith(b"%PDF-")
    if file_type.marker or extension in {"odt", "ods", "odp"}:
        return _zip_matches(file_type, data)
    if extension in {"txt", "csv"}:
        return _is_text(data)
    guess = filetype.guess(data[:8192])
    if extension in HEIC:
        return guess is not None and guess.mime in {"image/heic", "image/heif"}
    return guess is not None and guess.mime == file_type.content_type


def _zip_matches(file_type, data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                return False
            # Macro-enabled documents are another format under an innocent extension.
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                return False
            if file_type.marker:
                return "[Content_Types].xml" in names and file_type.marker in names
            # OpenDocument stores its media type, uncompressed, as the first member.
            return (
                members[0].filename == "mimetype"
                and archive.read("mimetype").decode("ascii", "replace") == file_type.content_type
            )
    except (zipfile.BadZipFile, OSError, IndexError, KeyError, RuntimeError, ValueError):
        return False


def _is_text(data):
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _check_image(extension, data, params):
    """Decode the whole image; return the bytes to store.

    HEIC photos become JPEG, which every browser shows. Any image that carries metadata is saved
    again without it: a phone photo's EXIF says where it was taken and on which device, and
    someone sharing a picture with their group must not share that with it. A GIF loses its
    metadata blocks without being encoded again.
    """
    if extension in HEIC and pillow_heif is None:
        raise ValidationError(
            _(
                "“%(name)s” is a HEIC photo, which this server cannot convert. Save it as JPEG and try again."
            ),
            code="heic",
            params=params,
        )
    try:
        with warnings.catch_warnings():
            # A decompression bomb is refused like any other unreadable image.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                if extension in HEIC:
                    return _saved(ImageOps.exif_transpose(image).convert("RGB"), "JPEG", quality=90)
                if image.format == "GIF":
                    return _gif_without_metadata(data)
                if not _carries_metadata(image):
                    return data
                return _without_metadata(image, data)
    except (
        GifStructureError,
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise ValidationError(
            _("“%(name)s” could not be read as an image; it may be damaged."),
            code="image",
            params=params,
        ) from error


# Where Pillow puts what a JPEG, PNG or WebP file says about itself rather than its pixels: EXIF
# (GPS position, camera, time), XMP, IPTC and comments. A PNG's text chunks are in `image.text`.
METADATA_KEYS = {"exif", "xmp", "photoshop", "comment"}


def _carries_metadata(image):
    return bool(METADATA_KEYS & set(image.info)) or bool(getattr(image, "text", None))


def _without_metadata(image, data):
    """The same picture, upright, with its colour profile and nothing else about it."""
    options = {"icc_profile": image.info.get("icc_profile")}
    if getattr(image, "is_animated", False):
        picture = image
        options["save_all"] = True
    else:
        # The orientation tag goes with the rest, so turn the pixels the way it said first.
        picture = ImageOps.exif_transpose(image)
    if image.format == "JPEG":
        # The file's own quantisation tables and chroma subsampling: no visible loss.
        options["qtables"] = image.quantization
        options["subsampling"] = JpegImagePlugin.get_sampling(image)
    elif image.format == "WEBP":
        # A plain lossless WebP says so in its first chunk; anything else is saved as lossy.
        options["lossless"] = data[12:16] == b"VP8L"
        options["quality"] = 90
    return _saved(picture, image.format, **options)


def _saved(image, image_format, **options):
    out = io.BytesIO()
    image.save(out, format=image_format, **options)
    return out.getvalue()


class GifStructureError(ValueError):
    """The GIF's blocks do not follow the format; it is refused like any unreadable image."""


# Application extensions a GIF keeps: how animations loop (two names for the same block) and the
# colour profile. Any other one (XMP, editors' private data) is dropped.
GIF_KEPT_APPLICATIONS = {b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012"}
GIF_EXTENSION, GIF_IMAGE, GIF_TRAILER = 0x21, 0x2C, 0x3B
GIF_COMMENT, GIF_APPLICATION = b"\xfe", b"\xff"


def _gif_without_metadata(data):
    """`data` without comment blocks, application blocks other than the kept ones, and anything
    after the end of the image; the unchanged bytes when there is none of those.

    Frames, their timing, palettes and transparency are copied byte for byte, so an animation
    stays exactly as it was (Pillow would encode it again).
    """
    kept, position = [], _gif_color_table_end(data, 10, 13)
    kept.append(data[:position])
    while position < len(data):
        introducer = data[position]
        if introducer == GIF_TRAILER:
            kept.append(data[position : position + 1])
            break
        if introducer == GIF_EXTENSION:
            label = data[position + 1 : position + 2]
            end = _gif_sub_blocks_end(data, position + 2)
            if _gif_extension_kept(label, data[position + 2 : end]):
                kept.append(data[position:end])
        elif introducer == GIF_IMAGE:
            # The image descriptor, its local colour table, the LZW code size, then the data.
            end = _gif_color_table_end(data, position + 9, position + 10) + 1
            end = _gif_sub_blocks_end(data, end)
            kept.append(data[position:end])
        else:
            raise GifStructureError(f"unknown GIF block {introducer:#x} at {position}")
        position = end
    cleaned = b"".join(kept)
    return data if cleaned == data else cleaned


def _gif_extension_kept(label, sub_blocks):
    if label == GIF_COMMENT:
        return False
    if label == GIF_APPLICATION:
        # The first sub-block is the application's name: 11 bytes after its length byte.
        return sub_blocks[:1] == b"\x0b" and sub_blocks[1:12] in GIF_KEPT_APPLICATIONS
    return True


def _gif_color_table_end(data, flags_at, table_at):
    """Where a colour table that follows a screen or image descriptor ends."""
    if flags_at >= len(data):
        raise GifStructureError("GIF ends inside a descriptor")
    flags = data[flags_at]
    size = 3 << ((flags & 0x07) + 1) if flags & 0x80 else 0
    if table_at + size > len(data):
        raise GifStructureError("GIF ends inside a colour table")
    return table_at + size


def _gif_sub_blocks_end(data, position):
    """Where a chain of data sub-blocks (each a length byte and that many bytes) ends."""
    while True:
        if position >= len(data):
            raise GifStructureError("GIF ends inside a block")
        length = data[position]
        position += 1 + length
        if length == 0:
            return position
