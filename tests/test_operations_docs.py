"""docs/operations.md lists exactly the environment variables that the settings read
(every env_str/env_bool/env_int/env_list/env_float call and os.environ read in
portal/settings/), and the production files it describes exist."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "operations.md"


def _name_pattern(node: ast.expr) -> str | None:
    """The variable's name as a regular expression: f"{prefix}_SECRET" → [A-Z0-9_]+_SECRET."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(
            re.escape(part.value) if isinstance(part, ast.Constant) else "[A-Z0-9_]+"
            for part in node.values
        )
    return None


def _is_environment_read(call: ast.Call) -> bool:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id.startswith("env_")
    # os.environ.get(...) / os.environ.setdefault(...) / os.getenv(...)
    if isinstance(function, ast.Attribute):
        owner = function.value
        if function.attr == "getenv":
            return True
        return isinstance(owner, ast.Attribute) and owner.attr == "environ"
    return False


def read_by_settings() -> set[str]:
    patterns = set()
    for path in sorted((ROOT / "portal" / "settings").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args and _is_environment_read(node):
                pattern = _name_pattern(node.args[0])
                if pattern:
                    patterns.add(pattern)
    return patterns


def documented() -> set[str]:
    text = GUIDE.read_text()
    section = text.split("## Environment variables", 1)[1].split("Read by the commands", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names


def test_the_scan_finds_the_variables_it_should():
    patterns = read_by_settings()
    assert "DJANGO_SECRET_KEY" in patterns
    assert "SENTRY_DSN" in patterns
    assert "[A-Z0-9_]+_SERVER_URL" in patterns  # the OpenID Connect providers' f-strings


def test_the_guide_lists_every_variable_the_settings_read_and_no_other():
    patterns = read_by_settings()
    names = documented()
    undocumented = {p for p in patterns if not any(re.fullmatch(p, name) for name in names)}
    unread = {n for n in names if not any(re.fullmatch(p, n) for p in patterns)}
    assert not undocumented, f"add to docs/operations.md: {sorted(undocumented)}"
    assert not unread, f"docs/operations.md lists variables the settings never read: {unread}"


def test_the_files_the_guide_names_exist():
    for name in (
        "deploy/nginx/portal.conf",
        "deploy/gunicorn.conf.py",
        "deploy/portal.env.example",
        "deploy/systemd/portal-web@.service",
        "deploy/systemd/portal-worker@.service",
        "deploy/systemd/portal-scheduler.service",
        "deploy/systemd/portal.target",
        "SECURITY.md",
        "publiccode.yml",
    ):
        assert (ROOT / name).is_file(), name
