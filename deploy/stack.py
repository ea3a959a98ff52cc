"""`make prod`: the production stack on this machine, from the files in deploy/.

    .venv/bin/python deploy/stack.py            # serve on https://127.0.0.1:8443 until Ctrl-C
    .venv/bin/python deploy/stack.py nginx-site --help   # render the nginx site for a server

It runs the production settings with two gunicorn instances behind nginx (the site in
deploy/nginx/portal.conf, TLS with a self-signed certificate made for the run, HTTP/2),
two task workers and one scheduler, each started with the ExecStart line of its systemd
unit in deploy/systemd/ and the variables of deploy/portal.env.example. Where the
production variables are not set it makes a secret key for the run and starts a local
SMTP server (deploy/mailsink.py) that keeps the messages in `.prod/mail/`. A process that
dies is started again after a back-off, as systemd does. Ctrl-C stops everything it
started. The database is the project's own cluster (make prod starts it) or DATABASE_URL.
"""

import argparse
import contextlib
import os
import secrets
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PRODUCTION_PREFIX = "/srv/portal"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def say(message: str) -> None:
    print(f"prod: {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("0.0.0.0", port))  # noqa: S104  (nginx listens on every address)
        except OSError:
            return False
    return True


# ---------------------------------------------------------------- the files in deploy/


def render_nginx_site(**values: str) -> str:
    text = (DEPLOY / "nginx" / "portal.conf").read_text()
    for name, value in values.items():
        text = text.replace("{{" + name.upper() + "}}", value)
    if "{{" in text:
        missing = text[text.index("{{") : text.index("}}", text.index("{{")) + 2]
        raise ValueError(f"deploy/nginx/portal.conf: no value for {missing}")
    return text


def upstream_lines(addresses: list[str]) -> str:
    return "\n".join(f"    server {a} max_fails=1 fail_timeout=5s;" for a in addresses)


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines as systemd's EnvironmentFile reads them (comments and blanks
    skipped)."""
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        values[key.strip()] = value.strip().strip('"')
    return values


def unit_command(unit: str, instance: str = "") -> list[str]:
    """The ExecStart line of deploy/systemd/<unit>, for this checkout."""
    for line in (DEPLOY / "systemd" / unit).read_text().splitlines():
        if line.startswith("ExecStart="):
            command = line.removeprefix("ExecStart=")
            command = command.replace(PRODUCTION_PREFIX, str(ROOT))
            command = command.replace("%i", instance).replace("%H", socket.gethostname())
            return shlex.split(command)
    raise ValueError(f"deploy/systemd/{unit} has no ExecStart line")


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, made for this run."""
    certificate, key = folder / "tls.crt", folder / "tls.key"
    try:
        from cryptography import x509  # noqa: F401
    except ImportError:
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7",
                "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(certificate),
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
    else:
        _certificate_with_cryptography(certificate, key)
    key.chmod(0o600)
    return certificate, key


def _certificate_with_cryptography(certificate: Path, key_path: Path) -> None:
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=7))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    certificate.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def nginx_main_config(run: Path, site: Path) -> str:
    """Only the process plumbing of a local nginx; the site itself is deploy's."""
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp = run / "nginx-temp"
    return (
        f"{user}worker_processes 2;\npid {run}/nginx.pid;\nerror_log {run}/logs/nginx-error.log"
        " warn;\nevents { worker_connections 1024; }\nhttp {\n"
        "    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        "    sendfile on;\n    tcp_nopush on;\n"
        + "".join(
            f"    {kind}_temp_path {temp}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"    include {site};\n}}\n"
    )


# ---------------------------------------------------------------- processes


@dataclass
class Service:
    name: str
    command: list[str]
    environment: dict
    log: Path
    popen: subprocess.Popen | None = None
    started_at: float = 0.0
    delay: float = 1.0
    restart_at: float | None = None
    restarts: int = 0
    keep_running: bool = field(default=True)

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.popen = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.started_at = time.monotonic()
        self.restart_at = None

    @property
    def pid(self) -> int | None:
        return self.popen.pid if self.popen else None

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal(self, signum: int) -> None:
        if self.popen is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signum)

    def stop(self, timeout: float = 20) -> None:
        self.signal(signal.SIGTERM)
        self.wait_stopped(time.monotonic() + timeout)

    def wait_stopped(self, deadline: float) -> None:
        """Wait (after SIGTERM) until `deadline`, then kill what is left of the group."""
        if self.popen is None:
            return
        try:
            self.popen.wait(max(deadline - time.monotonic(), 0))
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.popen.wait()
        self.signal(signal.SIGKILL)  # whatever is left of its process group


class Stack:
    def __init__(
        self,
        *,
        run: Path,
        https_port: int = 8443,
        http_port: int | None = None,
        environment: dict | None = None,
        web_instances: int = 2,
        workers: int = 2,
        quiet: bool = False,
    ):
        self.run = run
        self.https_port = https_port
        self.http_port = http_port or free_port()
        self.extra_environment = environment or {}
        self.web_ports = [free_port() for _ in range(web_instances)]
        self.worker_count = workers
        self.services: dict[str, Service] = {}
        self.quiet = quiet
        self.mail_folder: Path | None = None

    def say(self, message: str) -> None:
        if not self.quiet:
            say(message)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    # -- preparation
    def environment(self) -> dict:
        environment = dict(os.environ)
        for key, value in read_env_file(DEPLOY / "portal.env.example").items():
            environment.setdefault(key, value)
        environment.update(self.extra_environment)
        environment["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
        environment["PYTHONUNBUFFERED"] = "1"
        if len(environment.get("DJANGO_SECRET_KEY", "")) < 50:
            environment["DJANGO_SECRET_KEY"] = self._run_secret()
        environment.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
        # nginx runs on this machine: only it is believed about the client and HTTPS.
        environment.setdefault("TRUSTED_PROXIES", "127.0.0.1")
        # Production never allows sync database calls in an event loop (a test runner might).
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        environment.setdefault("STATIC_ROOT", str(ROOT / ".staticfiles"))
        if not environment.get("EMAIL_HOST"):
            self.mail_port = free_port()
            self.mail_folder = self.run / "mail"
            environment.update(
                EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(self.mail_port), EMAIL_USE_TLS="0"
            )
        return environment

    def _run_secret(self) -> str:
        if not hasattr(self, "_secret"):
            self._secret = secrets.token_urlsafe(64)
        return self._secret

    def prepare(self) -> dict:
        for folder in (self.run, self.run / "logs", self.run / "nginx-temp"):
            folder.mkdir(parents=True, exist_ok=True)
        environment = self.environment()
        self.env = environment
        manage = [PYTHON, str(ROOT / "manage.py")]
        for args in (
            ["migrate", "--no-input", "-v0"],
            ["createcachetable"],
            ["collectstatic", "--no-input", "-v0"],
            ["check", "--deploy", "--fail-level", "WARNING"],
        ):
            result = subprocess.run(
                [*manage, *args], cwd=ROOT, env=environment, capture_output=True, text=True
            )
            if result.returncode != 0:
                raise SystemExit(f"prod: manage.py {' '.join(args)} failed:\n{result.stderr}")
            if args[0] == "check":
                self.say(f"check --deploy: {result.stdout.strip() or result.stderr.strip()}")
        certificate, key = make_certificate(self.run)
        site = self.run / "portal-site.conf"
        site.write_text(
            render_nginx_site(
                upstreams=upstream_lines([f"127.0.0.1:{port}" for port in self.web_ports]),
                http_port=str(self.http_port),
                https_port=str(self.https_port),
                server_name="localhost 127.0.0.1",
                certificate=str(certificate),
                certificate_key=str(key),
                static_root=environment["STATIC_ROOT"],
                error_root=str(DEPLOY / "nginx" / "errors"),
                access_log=str(self.run / "logs" / "nginx-access.log"),
            )
        )
        (self.run / "nginx.conf").write_text(nginx_main_config(self.run, site))
        return environment

    # -- processes
    def _add(self, name: str, command: list[str]) -> Service:
        service = Service(name, command, self.env, self.run / "logs" / f"{name}.log")
        self.services[name] = service
        return service

    def start(self) -> None:
        if not port_is_free(self.https_port):
            raise SystemExit(f"prod: port {self.https_port} is taken: set HTTPS_PORT")
        environment = self.prepare()
        if self.mail_folder is not None:
            self._add(
                "mailsink",
                [PYTHON, str(DEPLOY / "mailsink.py"), "--port", str(self.mail_port),
                 "--folder", str(self.mail_folder)],
            )  # fmt: skip
        for port in self.web_ports:
            self._add(f"web-{port}", unit_command("portal-web@.service", str(port)))
        for number in range(1, self.worker_count + 1):
            self._add(f"worker-{number}", unit_command("portal-worker@.service", str(number)))
        self._add("scheduler", unit_command("portal-scheduler.service"))
        self._add(
            "nginx",
            [NGINX, "-e", str(self.run / "logs" / "nginx-error.log"), "-p", str(self.run),
             "-c", str(self.run / "nginx.conf"), "-g", "daemon off;"],
        )  # fmt: skip
        test = subprocess.run(
            [*self.services["nginx"].command[:-2], "-t"], capture_output=True, text=True
        )
        if test.returncode != 0:
            raise SystemExit(f"prod: nginx refuses the configuration:\n{test.stderr}")
        for service in self.services.values():
            service.start()
        del environment

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        context = ssl._create_unverified_context()  # noqa: S323  (our own self-signed cert)
        while time.monotonic() < deadline:
            dead = [s.name for s in self.services.values() if not s.alive()]
            if dead:
                raise SystemExit(f"prod: {', '.join(dead)} stopped; see {self.run}/logs/")
            ready = 0
            for port in self.web_ports:
                ready += _answers(f"http://127.0.0.1:{port}/readyz")
            if ready == len(self.web_ports) and _answers(f"{self.url}/healthz", context):
                return
            time.sleep(0.3)
        raise SystemExit(f"prod: the portal did not answer within {timeout:.0f} s")

    def supervise(self) -> None:
        """Start again what died, after 1, 2, 4 … 30 s (reset after a minute's run)."""
        now = time.monotonic()
        for service in self.services.values():
            if not service.keep_running:
                continue
            if service.restart_at is not None:
                if now >= service.restart_at:
                    service.restarts += 1
                    self.say(f"starting {service.name} again")
                    service.start()
                continue
            if service.alive():
                continue
            service.signal(signal.SIGKILL)
            if now - service.started_at > 60:
                service.delay = 1.0
            self.say(
                f"{service.name} exited with status {service.popen.returncode}; "
                f"starting it again in {service.delay:.0f} s"
            )
            service.restart_at = now + service.delay
            service.delay = min(service.delay * 2, 30)

    def stop(self, timeout: float = 20) -> None:
        """nginx first (no new requests), then the app instances, the scheduler and the
        workers together (each finishes what it is doing), the SMTP server last."""
        last = {"nginx": 0, "mailsink": 2}
        for phase in range(3):
            services = [s for n, s in self.services.items() if last.get(n, 1) == phase]
            for service in services:
                service.keep_running = False
                service.signal(signal.SIGTERM)
            deadline = time.monotonic() + timeout
            for service in services:
                service.wait_stopped(deadline)


def _answers(url: str, context=None) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2, context=context) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False


def serve(arguments) -> int:
    run = ROOT / ".prod"
    stack = Stack(run=run, https_port=arguments.https_port, http_port=arguments.http_port)
    interrupted = False

    def interrupt(*_):
        nonlocal interrupted
        interrupted = True

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        stack.start()
        stack.wait_ready()
        say(f"the portal answers on {stack.url}/ (self-signed certificate) through nginx")
        say(
            f"{len(stack.web_ports)} gunicorn instances on ports "
            f"{', '.join(map(str, stack.web_ports))}, {stack.worker_count} workers, "
            f"1 scheduler; logs in {run}/logs/"
        )
        if stack.mail_folder:
            say(f"no EMAIL_HOST: e-mail goes to a local SMTP server, kept in {stack.mail_folder}/")
        say("Ctrl-C stops everything")
        while not interrupted:
            stack.supervise()
            time.sleep(0.5)
    finally:
        say("stopping")
        stack.stop()
    return 0


def nginx_site(arguments) -> int:
    print(
        render_nginx_site(
            upstreams=upstream_lines(arguments.upstream),
            http_port=str(arguments.http_port),
            https_port=str(arguments.https_port),
            server_name=arguments.server_name,
            certificate=arguments.certificate,
            certificate_key=arguments.certificate_key,
            static_root=arguments.static_root,
            error_root=arguments.error_root,
            access_log=arguments.access_log,
        ),
        end="",
    )
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    site = commands.add_parser("nginx-site", help="print the nginx site for a server")
    site.add_argument("--https-port", type=int, default=443)
    site.add_argument("--http-port", type=int, default=80)
    site.add_argument("--server-name", required=True)
    site.add_argument("--upstream", action="append", required=True)
    site.add_argument("--static-root", default="/srv/portal/static")
    site.add_argument("--certificate", required=True)
    site.add_argument("--certificate-key", required=True)
    site.add_argument("--error-root", default="/srv/portal/deploy/nginx/errors")
    site.add_argument("--access-log", default="/var/log/nginx/portal-access.log")
    parser.add_argument("--https-port", type=int, default=int(os.environ.get("HTTPS_PORT", 8443)))
    parser.add_argument(
        "--http-port", type=int, default=int(os.environ.get("HTTP_PORT", 0)) or None
    )
    arguments = parser.parse_args(argv)
    if arguments.command == "nginx-site":
        return nginx_site(arguments)
    return serve(arguments)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
