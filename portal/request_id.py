"""A request id on every log line, and JSON logs for production.

`RequestIdMiddleware` (first in the production MIDDLEWARE) takes the id the proxy passes
on in `X-Request-ID` (nginx's `$request_id`), or makes one when there is none or it looks
wrong, keeps it in a context variable for the logging filter, returns it in the response's
`X-Request-ID` and logs one line per request (method, path, status, duration).
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
access_logger = logging.getLogger("portal.request")


def incoming_or_new(header: str | None) -> str:
    if header and _VALID_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        current = incoming_or_new(request.headers.get("X-Request-ID"))
        token = request_id.set(current)
        request.request_id = current
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = current
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (empty outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, any `extra`
    fields, and the traceback for exceptions."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or None,
        }
        entry |= {
            key: value
            for key, value in vars(record).items()
            if key not in _STANDARD and not key.startswith("_")
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_logging(level: str = "INFO") -> dict:
    """The LOGGING setting for production: JSON lines on standard error."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "portal.request_id.RequestIdFilter"}},
        "formatters": {"json": {"()": "portal.request_id.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "INFO"},
            # Each request is logged once, by RequestIdMiddleware, with its id.
            "django.server": {"level": "WARNING"},
        },
    }
