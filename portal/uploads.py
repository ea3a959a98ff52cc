"""Uploaded files: checked by their content (not their name) and by size.

Reused by every form that takes attachments (responses now, enquiries later). The file's
first bytes decide its kind; the name's extension must agree with that kind.
"""

import secrets
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# kind → the extensions a file of that kind may have
EXTENSIONS = {
    "pdf": {".pdf"},
    "png": {".png"},
    "jpeg": {".jpg", ".jpeg"},
    "ooxml": {".docx", ".xlsx", ".pptx"},
    "odf": {".odt", ".ods", ".odp"},
    "ole": {".doc", ".xls", ".ppt"},
}
ALLOWED_DESCRIPTION = _("PDF, Word, Excel, PowerPoint, OpenDocument, PNG or JPEG")


def private_upload_path(folder: str) -> str:
    """Where a private upload is stored: never the uploader's file name, only an opaque
    one, in MEDIA_ROOT (outside the static files; served only through checked views)."""
    return f"{folder}/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


# The first bytes of each kind that is not an archive.
SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
)
ZIP_SIGNATURE = b"PK\x03\x04"
ODF_MIMETYPE = b"application/vnd.oasis.opendocument"

# OOXML and OpenDocument files are zip archives. Only their table of contents and at most
# ENTRY_PEEK_BYTES of one entry are ever read, and archives whose declared sizes no
# office document has are refused (a zip bomb declares gigabytes in a few kilobytes).
ENTRY_PEEK_BYTES = 64
MAX_ARCHIVE_ENTRIES = 5_000
MAX_ENTRY_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_BYTES = 250 * 1024 * 1024
MAX_RATIO = 200  # uncompressed : compressed, for entries over a megabyte
RATIO_FROM_BYTES = 1024 * 1024


def _head(upload, length: int) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _absurd(entries: list[zipfile.ZipInfo]) -> bool:
    if len(entries) > MAX_ARCHIVE_ENTRIES:
        return True
    if sum(entry.file_size for entry in entries) > MAX_ARCHIVE_BYTES:
        return True
    return any(
        entry.file_size > MAX_ENTRY_BYTES
        or (
            entry.file_size > RATIO_FROM_BYTES
            and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
        )
        for entry in entries
    )


def _peek(archive: zipfile.ZipFile, name: str) -> bytes:
    """The first few bytes of an entry: decompressed in small steps, never the whole."""
    with archive.open(name) as entry:
        return entry.read(ENTRY_PEEK_BYTES)


def _archive_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if _absurd(entries):
                return None
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" in names:
                return "ooxml"
            if "mimetype" in names and _peek(archive, "mimetype").startswith(ODF_MIMETYPE):
                return "odf"
            return None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError):
        return None
    finally:
        upload.seek(0)


def _kind_of(upload) -> str | None:
    head = _head(upload, 8)
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    return _archive_kind(upload) if head.startswith(ZIP_SIGNATURE) else None


def validate_document(upload) -> None:
    """Raise ValidationError unless the upload is a document of an allowed kind and size."""
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s; files can be at most %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)},
            code="too_large",
        )
    kind = _kind_of(upload)
    extension = PurePath(upload.name or "").suffix.lower()
    if kind is None or extension not in EXTENSIONS[kind]:
        raise ValidationError(
            _("This file type cannot be uploaded. Allowed types: %(types)s.")
            % {"types": ALLOWED_DESCRIPTION},
            code="file_type",
        )
