"""The shipped deployment files pass their own checkers: `systemd-analyze verify` on the units, `nginx -t` on the
site inside a main configuration, and the example configuration passes `config check` once its secret exists."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from tests.proxy_nginx import ROOT, SITE, check_config, main_config, render_site, self_signed

SYSTEMD = ROOT / "deploy" / "systemd"
UNITS = ("hue57.service", "hue57-backup.service", "hue57-backup.timer")
EXAMPLE = ROOT / "deploy" / "hue57.toml.example"


def _rendered_units(tmp_path):
    """The units with /srv/hue57 pointed at this checkout (the checker insists every ExecStart exists)."""
    for name in UNITS:
        text = (SYSTEMD / name).read_text(encoding="utf-8").replace("/srv/hue57", str(ROOT))
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in UNITS]


def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.fail("systemd-analyze is missing (Debian's systemd package)")
    out = subprocess.run([analyze, "verify", *_rendered_units(tmp_path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "", out.stderr  # a misspelt key or value is only a warning: none allowed


def test_systemd_verify_catches_a_bad_unit(tmp_path):
    """The checker is really reading the files: a wrong restart value is reported."""
    path = _rendered_units(tmp_path)[0]
    text = open(path, encoding="utf-8").read().replace("Restart=on-failure", "Restart=sometimes")
    open(path, "w", encoding="utf-8").write(text)
    out = subprocess.run(["systemd-analyze", "verify", path], capture_output=True, text=True, timeout=60)
    assert "sometimes" in out.stderr


def test_service_runs_unprivileged_restarts_on_failure_and_is_hardened():
    unit = (SYSTEMD / "hue57.service").read_text(encoding="utf-8")
    for line in ("User=hue57", "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict",
                 "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=",
                 "ExecStartPre=/srv/hue57/.venv/bin/python -m hue57 config check", "Environment=FORWARDED_ALLOW_IPS="):
        assert re.search(rf"^{re.escape(line)}", unit, flags=re.M), line
    assert "--server.address 127.0.0.1" in unit  # reachable only through the proxy
    timer = (SYSTEMD / "hue57-backup.timer").read_text(encoding="utf-8")
    assert "OnCalendar=" in timer and "Persistent=true" in timer


def test_nginx_site_passes_nginx_t(tmp_path):
    cert, key = self_signed(tmp_path)
    conf = main_config(tmp_path, render_site(app_port=8501, https_port=8443, http_port=8080, cert=cert, key=key,
                                             bind=None))
    out = check_config(conf)
    assert out.returncode == 0, out.stderr
    assert "syntax is ok" in out.stderr and "test is successful" in out.stderr


def test_nginx_t_catches_a_bad_site(tmp_path):
    cert, key = self_signed(tmp_path)
    site = render_site(app_port=8501, https_port=8443, http_port=8080, cert=cert, key=key, bind=None)
    conf = main_config(tmp_path, site.replace("client_max_body_size 50m;", "client_max_body_size fifty;"))
    assert check_config(conf).returncode != 0


def test_site_upgrades_the_websocket_and_forwards_the_client():
    site = SITE.read_text(encoding="utf-8")
    stream = site[site.index("location /_stcore/stream"):]
    stream = stream[:stream.index("}")]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $connection_upgrade;" in stream
    # every location that proxies sets the forwarded headers itself (nginx does not inherit them into a block
    # that sets its own)
    blocks = re.findall(r"location[^{]*\{([^}]*)\}", site)
    assert len(blocks) == 3
    for block in blocks:
        assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in block
        assert "proxy_set_header X-Forwarded-Proto $scheme;" in block


def test_proxy_body_limit_is_streamlits_so_the_apps_own_message_refuses_big_files():
    """The 5 MB rule is the app's (its message, in the page's language); the proxy lets through what Streamlit
    accepts, so nothing between them answers a 6 MB file with a bare 413."""
    site = SITE.read_text(encoding="utf-8")
    proxy_mb = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    with open(ROOT / ".streamlit" / "config.toml", "rb") as f:
        streamlit_mb = tomllib.load(f)["server"]["maxUploadSize"]
    from hue57.ingest._bounds import MAX_BYTES

    assert proxy_mb == streamlit_mb and proxy_mb * 1024 * 1024 > MAX_BYTES


def test_example_configuration_passes_config_check_once_its_files_exist(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    for path in ("/etc/hue57/secret", "/etc/hue57/smtp-password", "/var/lib/hue57/hue57.duckdb",
                 "/srv/hue57/data", "/var/backups/hue57"):
        assert path in text
    secret, smtp = tmp_path / "secret", tmp_path / "smtp-password"
    secret.write_text("s" * 64 + "\n")
    smtp.write_text("mat-khau-thu\n")
    for f in (secret, smtp):
        f.chmod(0o600)
    text = text.replace('# password_file = "/etc/hue57/smtp-password"', 'password_file = "/etc/hue57/smtp-password"')
    text = (text.replace("/etc/hue57/secret", str(secret)).replace("/etc/hue57/smtp-password", str(smtp))
            .replace("/var/lib/hue57/hue57.duckdb", str(tmp_path / "hue57.duckdb"))
            .replace("/srv/hue57/data", str(ROOT / "data")).replace("/var/backups/hue57", str(tmp_path / "bk")))
    conf = tmp_path / "hue57.toml"
    conf.write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUE57_")} | {"HUE57_CONFIG": str(conf)}
    out = subprocess.run([sys.executable, "-m", "hue57", "--lang", "en", "config", "check"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "base_url         https://hue57.example.gov.vn" in out.stdout
    assert "trusted_proxies  127.0.0.1, ::1" in out.stdout
    assert "s" * 8 not in out.stdout and "mat-khau-thu" not in out.stdout  # both secrets masked
