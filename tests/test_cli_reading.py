"""The command line an analyst reads: tables that fit 100 characters with labels, not codes (`--wide` for every
column), `--lang` and `--format` anywhere on the line, `--help` in the chosen language, local times to the minute."""

from __future__ import annotations

import contextlib
import io
import json
import re

import pytest

from hue57 import cli
from hue57.cli import _width


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("command", [["gaps"], ["tasks", "--as-of", "2026-11-30"], ["targets"], ["actuals"], ["history"]])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tables_fit_100_characters_by_default(db, command, lang):
    code, out, err = _run(*command, "--lang", lang)
    assert code == 0, err
    assert max(_width(line) for line in out.splitlines()) <= 100


def test_tables_show_labels_not_codes_and_wide_shows_everything(db):
    _, out, _ = _run("gaps")
    assert "Chưa có số liệu" in out and "Đã đạt" in out
    assert not re.search(r"\b(no_data|on_track|insufficient_data|qualitative|rank)\b", out)
    _, tasks, _ = _run("tasks", "--as-of", "2026-11-30")
    assert "Quá hạn" in tasks and not re.search(r"\b(overdue|not_reported|so_khcn)\b", tasks)
    assert "|" not in tasks  # agencies by name, not "so_khcn|vtv|trt"
    _, wide, err = _run("gaps", "--wide")
    assert "no_data" in wide and "observed_rate" in wide and not err
    assert max(map(_width, wide.splitlines())) > 100


def test_dates_and_numbers_are_never_broken_inside_a_cell(db):
    _, out, _ = _run("tasks", "--as-of", "2026-11-30")
    listed = json.loads(_run("tasks", "--as-of", "2026-11-30", "--format", "json")[1])
    due = [r["due_date"] for r in listed if r["due_date"]]
    shown = re.findall(r"\b\d{2}/\d{2}/\d{4}\b", out)
    assert len(shown) == len(due)  # each date whole on one line
    assert sorted(shown) == sorted(f"{d[8:10]}/{d[5:7]}/{d[:4]}" for d in due)


@pytest.mark.parametrize("argv", [
    ["gaps", "--format", "json", "--lang", "en"], ["--lang", "en", "--format", "json", "gaps"],
    ["--format", "json", "gaps", "--lang", "en"], ["gaps", "--lang=en", "--format=json"],
])
def test_lang_and_format_are_accepted_anywhere_on_the_line(db, argv):
    code, out, err = _run(*argv)
    assert code == 0, err
    assert json.loads(out)[0]["code"] == "1"


def test_messages_follow_lang_given_after_the_command(db):
    code, _, err = _run("tasks", "--as-of", "2026-13-01", "--lang", "en")
    assert code == 2 and "Invalid date" in err


def test_help_is_in_the_chosen_language(db):
    code, out, _ = _run("gaps", "--help")
    assert code == 0
    assert "cách dùng:" in out and "tùy chọn:" in out and "năm đánh giá" in out and "usage:" not in out
    code, out, _ = _run("gaps", "--help", "--lang", "en")
    assert "usage:" in out and "reporting year" in out
    code, out, _ = _run("--help")
    assert "trạng thái, khoảng cách" in out and "theo dõi Kế hoạch" in out
    code, _, err = _run("bogus")
    assert code == 2 and "lựa chọn không hợp lệ" in err


def test_times_are_local_to_the_minute(db):
    import datetime as dt

    from hue57 import auth, calendar

    auth.add_user(db, "lan", "analyst", "password-123")
    auth.start_session(db, "lan")  # a sign-in: `user list` shows when
    _, out, _ = _run("user", "list")
    stamp = re.search(r"\d{4}-\d{2}-\d{2}[ \xa0]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", out).group(0)
    assert len(stamp) == 16  # no seconds, no microseconds
    stamp = stamp.replace("\xa0", " ")  # one token in the table: never wrapped between the date and the time
    now = calendar.local(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    assert abs(dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M") - now.replace(tzinfo=None)) < dt.timedelta(minutes=5)
