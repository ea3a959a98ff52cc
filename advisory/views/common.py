"""Small helpers the council's views share."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _


def file_response(stored) -> FileResponse:
    """A stored upload as a download (never rendered inline)."""
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored.original_name or _("attachment"),
        content_type="application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError shown on the form: next to the field it names, or at
    the top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
