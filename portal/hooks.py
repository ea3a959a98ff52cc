"""How apps plug into the portal without `portal/` importing them.

`portal/` knows no app. An app that wants to take part in something the portal does
(a user's data export, the staff overview, the work overview, account deletion) defines a
module `<app>/hooks.py` with functions of the names below; the portal finds them in
INSTALLED_APPS order, the same way `load_demo_data` finds `<app>/demo.py` and `make bench`
finds `<app>/bench.py`. Every hook is optional.

- `export_user_data(user)` → `dict` of sections (name → JSON-able data), merged into the
  user's export (GDPR art. 15): everything the app holds about the user.
- `before_user_delete(user)`: called inside the deletion's transaction; hands over or
  anonymises what must outlive the account (an organisation's last administrator, a
  challenge's contact person). Raising `ValidationError` refuses the deletion with its
  message.
- `staff_links(user)` → list of `Link` the staff user may open, for the staff overview
  (shown by `Link.order`, then in INSTALLED_APPS order).
- `work_overview(request)` → list of `Part` for the user's work overview (at most one
  query each).
- `home_sections(request)` → list of `Part` for the front page (the newest challenges and
  solutions), shown in `order`; at most one query each.
- `profile_parts(user)` → list of `Part` for the user's profile page, each a section with
  its heading (at most one query each).

Call them through `collect_list`, `collect_dict` or `call_each`.
"""

import importlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class Link:
    """A link an app offers on a staff or work page."""

    url: str
    label: str
    description: str = ""
    count: int | None = None
    order: int = 100


@dataclass
class Part:
    """One app's part of a user's work overview: a heading and rows or links."""

    key: str
    heading: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


@cache
def _hook_modules() -> tuple[ModuleType, ...]:
    modules = []
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.hooks"
        if app_config.name == "portal":
            continue
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return tuple(modules)


def implementations(hook: str) -> Iterator[Any]:
    """The functions named `hook` in every app's hooks module, in INSTALLED_APPS order."""
    for module in _hook_modules():
        function = getattr(module, hook, None)
        if function is not None:
            yield function


def call_each(hook: str, *args: Any, **kwargs: Any) -> None:
    for function in implementations(hook):
        function(*args, **kwargs)


def collect_list(hook: str, *args: Any, **kwargs: Any) -> list[Any]:
    result: list[Any] = []
    for function in implementations(hook):
        result.extend(function(*args, **kwargs) or [])
    return result


def collect_dict(hook: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for function in implementations(hook):
        result.update(function(*args, **kwargs) or {})
    return result
