"""Debian's nginx on loopback with deploy/nginx/hue57.conf, for the tests: the shipped site file with only its
addresses, ports and certificate paths changed, inside a minimal main configuration of a temporary prefix."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "deploy" / "nginx" / "hue57.conf"
PROXY_ADDRESS = "127.0.0.2"  # nginx connects to the app from here; the browser comes from 127.0.0.1


def nginx_binary() -> str:
    """Debian's nginx; installed here when missing and we are root (as `make test` installs Chromium)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx", "openssl"], check=True, env=env,
                       capture_output=True)
        found = shutil.which("nginx") or "/usr/sbin/nginx"
    if found is None:
        raise RuntimeError("nginx is missing: `make test` installs Debian's nginx (sudo apt-get install nginx)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, valid one day (openssl)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-keyout", str(key),
                    "-out", str(cert), "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], check=True, capture_output=True)
    return cert, key


def _replace(text: str, old: str, new: str, count: int) -> str:
    found = text.count(old)
    if found != count:  # the shipped file changed shape: this rendering must follow it, not guess
        raise AssertionError(f"{SITE.name}: expected {count}× {old!r}, found {found}")
    return text.replace(old, new)


def render_site(*, app_port: int, https_port: int, http_port: int, cert: Path, key: str | Path,
                bind: str | None = PROXY_ADDRESS) -> str:
    """The shipped site file for loopback: ports, certificate, no IPv6 listen; `bind`: nginx's source address
    towards the app (so the app's peer, the proxy, differs from the browser's address)."""
    text = SITE.read_text(encoding="utf-8")
    text = _replace(text, "server 127.0.0.1:8501;", f"server 127.0.0.1:{app_port};", 1)
    text = _replace(text, "    listen 80;\n", f"    listen 127.0.0.1:{http_port};\n", 1)
    text = _replace(text, "    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{https_port} ssl http2;\n", 1)
    text = _replace(text, "    listen [::]:80;\n", "", 1)
    text = _replace(text, "    listen [::]:443 ssl http2;\n", "", 1)
    text = _replace(text, "/etc/ssl/hue57/fullchain.pem", str(cert), 1)
    text = _replace(text, "/etc/ssl/hue57/privkey.pem", str(key), 1)
    if bind:
        text = _replace(text, "    proxy_http_version 1.1;\n", f"    proxy_http_version 1.1;\n    proxy_bind {bind};\n", 1)
    return text


def main_config(prefix: Path, site: str) -> Path:
    """A complete nginx.conf in `prefix` holding `site` (everything nginx writes stays in `prefix`)."""
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / name).mkdir(parents=True, exist_ok=True)
    (prefix / "hue57.conf").write_text(site, encoding="utf-8")
    user = "user root root;\n" if os.geteuid() == 0 else ""  # workers read the test's private files
    conf = prefix / "nginx.conf"
    conf.write_text(f"""{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 256; }}
http {{
    log_format forwarded '$remote_addr "$request" $status xff="$http_x_forwarded_for"';
    access_log {prefix}/access.log forwarded;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/hue57.conf;
}}
""", encoding="utf-8")
    return conf


def check_config(conf: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on a configuration: nginx's own checker."""
    return subprocess.run([nginx_binary(), "-t", "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"],
                          capture_output=True, text=True, timeout=30)


@dataclass
class Proxy:
    proc: subprocess.Popen
    url: str
    prefix: Path

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


def start_proxy(prefix: Path, app_port: int) -> Proxy:
    """nginx in the foreground in front of the app on `app_port`; returns once HTTPS answers."""
    prefix.mkdir(parents=True, exist_ok=True)
    cert, key = self_signed(prefix)
    https_port = free_port()
    conf = main_config(prefix, render_site(app_port=app_port, https_port=https_port, http_port=free_port(),
                                           cert=cert, key=key))
    checked = check_config(conf)
    if checked.returncode != 0:
        raise RuntimeError(checked.stderr)
    proc = subprocess.Popen([nginx_binary(), "-p", str(prefix), "-c", str(conf), "-e", "stderr",
                             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"https://127.0.0.1:{https_port}"
    insecure = ssl.create_default_context()
    insecure.check_hostname, insecure.verify_mode = False, ssl.CERT_NONE
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2, context=insecure) as r:
                if r.status == 200:
                    return Proxy(proc, url, prefix)
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"nginx did not answer; {(prefix / 'error.log').read_text()[-2000:]}")
