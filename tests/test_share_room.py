"""Meeting links that open in the room: the address the analyst's browser uses, `--base-url`, the localhost
warning, and the QR code."""

from __future__ import annotations

import datetime as dt

import pytest

from hue57 import calendar, cli, share

NEXT_MONTH = calendar.today() + dt.timedelta(days=30)
CREATE = ["share", "create", "--expires", NEXT_MONTH.isoformat(), "--by", "Lan"]


@pytest.fixture(autouse=True)
def _no_base_from_the_shell(monkeypatch):
    monkeypatch.delenv("HUE57_BASE_URL", raising=False)
    monkeypatch.delenv("HUE57_SECRET", raising=False)


@pytest.mark.parametrize(("browser", "page", "expected"), [
    ("http://127.0.0.1:8765/share", "share", "http://127.0.0.1:8765"),
    ("http://10.1.2.3:8501/share/", "share", "http://10.1.2.3:8501"),
    ("https://hue57.skhcn.hue.gov.vn/share", "share", "https://hue57.skhcn.hue.gov.vn"),
    ("https://cong.hue.gov.vn/hue57/share", "share", "https://cong.hue.gov.vn/hue57"),  # served under a path
    ("http://[::1]:8501/share", "share", "http://[::1]:8501"),
    ("http://may-chu:8501/", "", "http://may-chu:8501"),
])
def test_a_page_link_uses_the_address_the_browser_uses(browser, page, expected):
    assert share.request_base_url(browser, {}, page_path=page) == expected


def test_hue57_base_url_wins_over_the_browser_address(monkeypatch):
    monkeypatch.setenv("HUE57_BASE_URL", "https://hue57.example.gov.vn/")
    assert share.request_base_url("http://127.0.0.1:8765/share", {"Host": "x:1"}, "share") == \
        "https://hue57.example.gov.vn"


def test_without_a_browser_address_the_host_header_then_the_default_is_used():
    assert share.request_base_url(None, {"Host": "may-chu:8501"}) == "http://may-chu:8501"
    assert share.request_base_url(None, {"Host": "may-chu", "X-Forwarded-Proto": "https"}) == "https://may-chu"
    assert share.request_base_url(None, {}) == "http://localhost:8501"


@pytest.mark.parametrize("browser", ["javascript:alert(1)", "file:///etc/passwd", "http://", "not a url", ""])
@pytest.mark.parametrize("host", [None, "evil.example/path", "a b", "x:1\r\nSet-Cookie: y"])
def test_an_unusable_request_address_falls_back_to_the_default(browser, host):
    headers = {"Host": host} if host else {}
    assert share.request_base_url(browser, headers, "share") == "http://localhost:8501"


@pytest.mark.parametrize(("url", "local"), [
    ("http://localhost:8501/?s=x", True), ("http://127.0.0.1:9000/?s=x", True), ("http://127.1.2.3/", True),
    ("http://[::1]:8501/", True), ("http://0.0.0.0:8501/", True),
    ("http://may-chu:8501/?s=x", False), ("https://hue57.skhcn.hue.gov.vn/?s=x", False),
    ("http://localhost.example.vn/", False),
])
def test_local_addresses_are_recognised(url, local):
    assert share.is_local(url) is local


def test_create_link_takes_its_base(db):
    link = share.create_link(db, upload_id=None, as_of_year=2025, filters={}, lang="vi", expires=NEXT_MONTH,
                             by="Lan", base="http://127.0.0.1:8765")
    assert link.url == f"http://127.0.0.1:8765/?s={link.token}"
    assert share.url_for(db, link.id, "http://may-chu:8501/") == f"http://may-chu:8501/?s={link.token}"


def test_cli_warns_on_stderr_when_the_link_points_at_localhost(db, capsys):
    assert cli.main(CREATE) == 0
    out, err = capsys.readouterr()
    assert out.strip().splitlines()[-1].startswith("http://localhost:8501/?s=")  # the URL is still the last line
    assert "localhost" in err and "--base-url" in err and "HUE57_BASE_URL" in err
    assert cli.main(["--lang", "en", *CREATE, "--base-url", "http://127.0.0.1:8765"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().splitlines()[-1].startswith("http://127.0.0.1:8765/?s=")
    assert "opens only on this machine" in err and "127.0.0.1" in err


def test_cli_base_url_flag_wins_over_the_environment_and_a_room_address_has_no_warning(db, capsys, monkeypatch):
    monkeypatch.setenv("HUE57_BASE_URL", "http://localhost:8501")
    assert cli.main([*CREATE, "--base-url", "http://may-chu:8501/"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().splitlines()[-1].startswith("http://may-chu:8501/?s=") and err == ""
    monkeypatch.setenv("HUE57_BASE_URL", "https://hue57.skhcn.hue.gov.vn")
    assert cli.main(CREATE) == 0
    out, err = capsys.readouterr()
    assert out.strip().splitlines()[-1].startswith("https://hue57.skhcn.hue.gov.vn/?s=") and err == ""


@pytest.mark.parametrize("bad", ["ftp://may-chu", "may-chu:8501", "http://", "http://may-chu/?x=1", "http://a#b"])
def test_cli_refuses_a_bad_base_url_and_writes_nothing(db, capsys, bad):
    assert cli.main([*CREATE, "--base-url", bad]) == 2
    out, err = capsys.readouterr()
    assert "http" not in out and bad in err and "Traceback" not in err
    assert share.list_links(db).empty


def test_the_qr_code_is_a_png_of_the_link():
    """Read back module by module: each dark module of the link's QR code (as segno encodes the URL) is dark
    in the PNG, and the quiet zone around it is light."""
    import io

    import segno
    from PIL import Image

    url = "http://127.0.0.1:8765/?s=eyJlIjoiMjAyNy0wMS0wMSJ9.LFqwS6D6Cm_jZ5VDD8e93Cllt74jcoTU-oFUdIg4ma8"
    png = share.qr_png(url, scale=6)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    code = segno.make_qr(url, error="m")
    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.size == code.symbol_size(scale=6, border=4) and share.png_width(png) == image.size[0]
    for row, modules in enumerate(code.matrix):
        for col, dark in enumerate(modules):
            pixel = image.getpixel(((col + 4) * 6 + 3, (row + 4) * 6 + 3))
            assert (pixel < 128) == bool(dark), (row, col)
    assert image.getpixel((2, 2)) > 128
