"""Issue 14, point 1: the production files in deploy/ are the ones `make prod` runs, and
the stack answers through nginx over HTTPS with HTTP/2, gzip, immutable caching of hashed
static files, a request size limit and a request id; stopping it stops everything."""

import http.client
import re
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from deploy import stack
from tests.operations import processes as fixtures
from tests.operations.processes import free_port

temp_cluster, database = fixtures.temp_cluster, fixtures.database

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
needs_nginx = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")


def test_every_unit_runs_a_command_of_this_checkout():
    for unit, instance in (
        ("portal-web@.service", "8001"),
        ("portal-worker@.service", "1"),
        ("portal-scheduler.service", ""),
    ):
        command = stack.unit_command(unit, instance)
        assert command[0].startswith(str(stack.ROOT)), command
        assert Path(command[0]).name in {"python", "gunicorn"}
        assert "%" not in " ".join(command)
    assert stack.unit_command("portal-web@.service", "8001")[-1] == "127.0.0.1:8001"
    assert "--no-reload" in stack.unit_command("portal-worker@.service", "1")


def test_the_environment_template_selects_the_production_settings():
    values = stack.read_env_file(stack.DEPLOY / "portal.env.example")
    assert values["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
    assert "DJANGO_SECRET_KEY" not in values  # never a secret in the repository


@needs_nginx
def test_the_rendered_site_is_accepted_by_nginx(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "nginx-temp").mkdir()
    certificate, key = stack.make_certificate(tmp_path)
    site = tmp_path / "site.conf"
    site.write_text(
        stack.render_nginx_site(
            upstreams=stack.upstream_lines(["127.0.0.1:8001", "127.0.0.1:8002"]),
            http_port=str(free_port()),
            https_port=str(free_port()),
            server_name="localhost",
            certificate=str(certificate),
            certificate_key=str(key),
            static_root=str(tmp_path),
            error_root=str(stack.DEPLOY / "nginx" / "errors"),
            access_log=str(tmp_path / "logs" / "access.log"),
        )
    )
    assert "{{" not in site.read_text()
    (tmp_path / "nginx.conf").write_text(stack.nginx_main_config(tmp_path, site))
    result = subprocess.run(
        [NGINX, "-e", str(tmp_path / "logs" / "error.log"), "-p", str(tmp_path),
         "-c", str(tmp_path / "nginx.conf"), "-t"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _get(port: int, path: str, headers=None, method="GET"):
    connection = http.client.HTTPSConnection(
        "127.0.0.1", port, timeout=20, context=ssl._create_unverified_context()
    )
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.slow
@needs_nginx
def test_the_stack_answers_through_nginx_and_stops_everything(database, tmp_path, monkeypatch):
    # The browser tests' conftest allows sync database calls in Playwright's loop; production
    # processes must not inherit that (check --deploy refuses it).
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    port = free_port()
    production = stack.Stack(
        run=tmp_path / "prod",
        https_port=port,
        environment={"DATABASE_URL": database.url, "EMAIL_HOST": ""},
        quiet=True,
    )
    try:
        production.start()
        production.wait_ready(180)
        response, _ = _get(port, "/", {"Accept-Encoding": "gzip"})
        assert response.status == 200
        assert response.getheader("Content-Encoding") == "gzip"
        assert re.fullmatch(r"[0-9a-f]{32}", response.getheader("X-Request-ID"))
        assert "max-age=31536000" in response.getheader("Strict-Transport-Security")
        page = _get(port, "/")[1].decode()
        stylesheet = re.search(r'href="(/static/dist/portal\.[0-9a-f]{12}\.css)"', page)[1]
        static, _ = _get(port, stylesheet)
        assert static.getheader("Cache-Control") == "public, max-age=31536000, immutable"
        passed_on, _ = _get(port, "/healthz", {"X-Request-ID": "from-the-client-0001"})
        assert passed_on.getheader("X-Request-ID") != "from-the-client-0001"  # nginx's own
        too_big, _ = _get(port, "/kontakt/", {"Content-Length": str(60 * 1024 * 1024)}, "POST")
        assert too_big.status == 413
        if shutil.which("curl"):
            version = subprocess.run(
                ["curl", "-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version}",
                 f"https://127.0.0.1:{port}/healthz"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            assert version == "2"
        assert {name for name in production.services} >= {
            "nginx",
            "scheduler",
            "worker-1",
            "worker-2",
            "mailsink",
        }
        assert sum(name.startswith("web-") for name in production.services) == 2
    finally:
        production.stop()
    assert not any(service.alive() for service in production.services.values())
