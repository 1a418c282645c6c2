"""`config check`: the effective settings (file, then environment over it) with every secret masked, refused
(exit 2, the reason on stderr) for a missing or world-readable secret file, a short or missing secret, an
address that is not one, and an unreadable configuration."""

from __future__ import annotations

import pytest

from hue57 import audit, cli, config

SECRET = "k" * 48


@pytest.fixture
def conf(tmp_path, monkeypatch):
    """Write hue57.toml with `body` (plus the paths every check needs) and point HUE57_CONFIG at it."""
    for name in config._ENV:
        monkeypatch.delenv(name, raising=False)

    def write(body: str, mode: int = 0o600):
        path = tmp_path / "hue57.toml"
        path.write_text(f'db = "{tmp_path}/hue57.duckdb"\nplan = "{config.DEFAULT_PLAN}"\n{body}\n', encoding="utf-8")
        path.chmod(mode)
        monkeypatch.setenv("HUE57_CONFIG", str(path))
        return path
    yield write
    audit.use_stream(None)
    audit.use_origin(None)


def _secret_file(tmp_path, text: str = SECRET, mode: int = 0o600):
    path = tmp_path / "secret"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def _check(capsys, *extra: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "en", "config", "check", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_effective_settings_are_printed_with_the_secret_masked(conf, tmp_path, capsys):
    secret = _secret_file(tmp_path)
    conf(f'secret_file = "{secret}"\nbase_url = "https://hue57.example.gov.vn/"\ntrusted_proxies = ["127.0.0.1"]\n'
         f'[smtp]\nhost = "mail.example.gov.vn"\nsender = "hue57@example.gov.vn"\npassword = "smtp-mat-khau"\n'
         f'[backup]\ndir = "{tmp_path}/bk"\nkeep = 7\n')
    code, out, err = _check(capsys)
    assert code == 0, err
    assert SECRET not in out and "smtp-mat-khau" not in out
    assert f"secret           •••• (48 characters, from {secret})" in out
    assert "base_url         https://hue57.example.gov.vn\n" in out  # the trailing slash dropped
    assert "trusted_proxies  127.0.0.1" in out and "backup.keep      7" in out
    assert "The configuration is usable." in err


def test_the_environment_overrides_the_file(conf, tmp_path, capsys, monkeypatch):
    conf(f'secret_file = "{_secret_file(tmp_path)}"\n')
    monkeypatch.setenv("HUE57_DB", str(tmp_path / "other.duckdb"))
    monkeypatch.setenv("HUE57_SECRET", "e" * 40)
    code, out, _ = _check(capsys)
    assert code == 0
    assert f"db               {tmp_path / 'other.duckdb'}" in out
    assert "•••• (40 characters, from HUE57_SECRET)" in out
    assert config.settings().db == tmp_path / "other.duckdb"


def test_a_missing_secret_file_is_refused(conf, tmp_path, capsys):
    conf(f'secret_file = "{tmp_path}/no-such-secret"\n')
    code, _, err = _check(capsys)
    assert code == 2
    assert f"secret_file: file {tmp_path}/no-such-secret does not exist." in err
    assert "refused: 1 error to fix" in err


def test_a_world_readable_secret_file_is_refused(conf, tmp_path, capsys):
    secret = _secret_file(tmp_path, mode=0o644)
    conf(f'secret_file = "{secret}"\n')
    code, _, err = _check(capsys)
    assert code == 2
    assert f"others can read or write it (mode 644). Run: chmod 600 {secret}" in err


def test_a_short_secret_is_refused(conf, tmp_path, capsys):
    conf(f'secret_file = "{_secret_file(tmp_path, "short-secret")}"\n')
    code, out, err = _check(capsys)
    assert code == 2 and "has only 12 characters; use at least 32" in err
    assert "short-secret" not in out + err


def test_a_configuration_without_any_secret_is_refused(conf, capsys):
    conf("")
    code, _, err = _check(capsys)
    assert code == 2 and "No link-signing secret" in err


def test_a_secret_written_in_a_world_readable_configuration_is_refused(conf, capsys):
    path = conf(f'secret = "{SECRET}"\n', mode=0o644)
    code, _, err = _check(capsys)
    assert code == 2 and f"config: file {path} holds a secret but others can read or write it" in err


def test_a_trusted_proxy_that_is_not_an_address_is_refused(conf, tmp_path, capsys):
    conf(f'secret_file = "{_secret_file(tmp_path)}"\ntrusted_proxies = ["127.0.0.1", "nginx.local"]\n')
    code, _, err = _check(capsys)
    assert code == 2 and "'nginx.local' is not an IP address or network" in err


def test_an_unreadable_configuration_is_refused(tmp_path, capsys, monkeypatch):
    for name in config._ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HUE57_CONFIG", str(tmp_path / "missing.toml"))
    code, _, err = _check(capsys)
    assert code == 2 and "no such configuration file" in err


def test_a_checkout_without_configuration_passes_with_notes(tmp_path, capsys, monkeypatch):
    for name in config._ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(config, "config_path", lambda: None)
    code, out, err = _check(capsys, "--format", "json")
    assert code == 0
    assert '"secret": "(not set)"' in out and "links use the random one init kept" in err
