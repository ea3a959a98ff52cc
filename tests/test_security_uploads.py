"""Issue 9.2: the upload check reads at most a few bytes of any archive entry, refuses
archives whose declared sizes or ratios no office document has, and the enquiry form
counts its rate limit before any check of the files."""

import contextlib
import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from enquiries.models import Topic
from portal.uploads import validate_document

ODF = b"application/vnd.oasis.opendocument.text"
MEGABYTE = 1024 * 1024


def _odf(mimetype_megabytes=0, compression=zipfile.ZIP_DEFLATED, name="plan.odt"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as entry:
            entry.write(ODF)
            for _ in range(mimetype_megabytes):
                entry.write(b"\0" * MEGABYTE)
        archive.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile(name, buffer.getvalue(), "application/vnd.oasis.opendocument.text")


def _peak_megabytes(check) -> float:
    tracemalloc.start()
    with contextlib.suppress(ValidationError):
        check()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / MEGABYTE


def test_an_opendocument_passes():
    validate_document(_odf())


def test_a_zip_bomb_is_refused_without_being_unpacked():
    bomb = _odf(mimetype_megabytes=300)
    assert bomb.size < MEGABYTE
    with pytest.raises(ValidationError):
        validate_document(bomb)
    assert _peak_megabytes(lambda: validate_document(bomb)) < 5


def test_only_a_few_bytes_of_an_entry_are_read():
    """An honest (stored, not compressed) 9 MB entry is not refused, and is not read whole."""
    upload = _odf(mimetype_megabytes=9, compression=zipfile.ZIP_STORED)
    assert _peak_megabytes(lambda: validate_document(upload)) < 2


def test_an_archive_declaring_absurd_sizes_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number in range(6_000):
            archive.writestr(f"x/{number}", b"")
    upload = SimpleUploadedFile("many.docx", buffer.getvalue())
    with pytest.raises(ValidationError):
        validate_document(upload)


def test_the_enquiry_form_counts_its_limit_before_looking_at_the_files(client, db, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "enquiry_ip": (1, 3600)}
    data = {
        "name": "Anna Jensen",
        "email": "anna@example.org",
        "topic": Topic.objects.get(slug="premises").pk,
        "message": "Vi søger et køkken.",
        "consent": "on",
    }
    client.post("/kontakt/", {**data, "attachments": _odf(mimetype_megabytes=20)})
    refused = SimpleUploadedFile("program.exe", b"MZ\x90\x00" * 100)
    response = client.post("/kontakt/", {**data, "attachments": refused})
    content = response.content.decode()
    assert "sendt mange henvendelser" in content
    assert "Vi søger et køkken." in content  # what the visitor wrote is kept
    assert "kan ikke uploades" not in content
