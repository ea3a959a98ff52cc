"""Production settings: refuse to start without a secret; `check --deploy` is clean."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "socialtentreprenoerskab.kk.dk",
    "EMAIL_HOST": "smtp.kk.dk",
    "PORTAL_URL": "https://socialtentreprenoerskab.kk.dk",
}


def test_production_refuses_to_start_without_a_secret():
    result = _manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret():
    result = _manage("check", DJANGO_SECRET_KEY="short")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_check_deploy_prints_no_warnings_with_a_secret():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_mail_server():
    environment = dict(PRODUCTION_ENV)
    del environment["EMAIL_HOST"]
    result = _manage("check", **environment)
    assert result.returncode != 0
    assert "EMAIL_HOST must be set" in result.stderr


def test_collectstatic_builds_hashed_compressed_files_for_production(tmp_path):
    result = _manage("collectstatic", "--no-input", **PRODUCTION_ENV, STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "dist/portal.css" in manifest
    assert list(tmp_path.glob("dist/portal.*.css.gz")) or list(
        tmp_path.glob("dist/portal.*.css.br")
    )
    assert not list(tmp_path.glob("dist/fonts/**/*.ttf"))


def test_production_refuses_to_start_without_its_https_address():
    for portal_url in (None, "http://socialtentreprenoerskab.kk.dk"):
        environment = dict(PRODUCTION_ENV)
        del environment["PORTAL_URL"]
        if portal_url:
            environment["PORTAL_URL"] = portal_url
        result = _manage("check", **environment)
        assert result.returncode != 0
        assert "PORTAL_URL must be the portal's https address" in result.stderr
