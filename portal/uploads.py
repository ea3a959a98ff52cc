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


def _kind_of(upload) -> str | None:  # noqa: PLR0911  (issue 9: rewritten with the zip-bomb guard)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if "[Content_Types].xml" in names:
                    return "ooxml"
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument"
                ):
                    return "odf"
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
    return None


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
