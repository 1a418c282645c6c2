"""Meeting links: create, open, revoke and list (library and CLI), pinned snapshots, changes since."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pandas as pd
import pytest

from hue57 import calendar, cli, share, store
from hue57.share import InvalidLink, LinkRefused
from hue57.share._links import secret
from hue57.store import _share as share_rows

TODAY = calendar.today()
NEXT_MONTH = TODAY + dt.timedelta(days=30)


@pytest.fixture(autouse=True)
def _share_commands(monkeypatch):
    """A clean environment: no secret or base address from the developer's shell."""
    monkeypatch.delenv("HUE57_SECRET", raising=False)
    monkeypatch.delenv("HUE57_BASE_URL", raising=False)


def _link(db, **kw):
    args = {"upload_id": None, "as_of_year": 2025, "filters": {"group": "I"}, "lang": "vi",
            "expires": NEXT_MONTH, "by": "Lan"} | kw
    return share.create_link(db, **args)


def _reason(db, token, **kw) -> str:
    with pytest.raises(InvalidLink) as info:
        share.open_link(db, token, **kw)
    return info.value.reason


def _commit(db, code: str, year: int, value: float, by: str = "analyst"):
    frame = pd.DataFrame([{"code": code, "year": year, "value": value, "status": None,
                           "source": "test", "note": None}])
    return store.commit_upload(db, store.UploadRecord(by, "test.csv", "0" * 64), actuals=frame)


# ------------------------------------------------------------------------------------------ library
def test_a_created_link_opens_to_what_it_was_made_for(db):
    link = _link(db, filters={"group": "I", "horizon": "2030", "present": "1"}, lang="en")
    assert link.id == 1 and link.upload_id == store.load(db).upload_id
    assert link.url == f"http://localhost:8501/?s={link.token}"
    view = share.open_link(db, link.token)
    assert (view.link_id, view.upload_id, view.as_of_year, view.lang, view.expires) == (1, link.upload_id, 2025,
                                                                                         "en", NEXT_MONTH)
    assert view.filters == {"group": "I", "horizon": "2030", "present": "1"}
    assert view.uploaded_at is not None


def test_base_url_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("HUE57_BASE_URL", "https://hue57.example.gov.vn/")
    link = _link(db)
    assert link.url == f"https://hue57.example.gov.vn/?s={link.token}"
    assert share.url_for(db, link.id) == link.url


def test_opening_counts_unless_told_not_to(db):
    link = _link(db)
    share.open_link(db, link.token)
    share.open_link(db, link.token)
    share.open_link(db, link.token, count=False)
    assert share.list_links(db).set_index("id").loc[link.id, "opened"] == 2


def test_a_revoked_link_no_longer_opens(db):
    link, other = _link(db), _link(db)
    assert share.revoke(db, link.id, "Chair") is True
    assert _reason(db, link.token) == "revoked"
    assert share.open_link(db, other.token).link_id == other.id
    assert share.revoke(db, link.id, "Someone else") is False  # already revoked: nothing changes
    row = share_rows.share_link(db, link.id)
    assert row["revoked"] and row["revoked_by"] == "Chair" and row["revoked_at"] is not None
    with pytest.raises(LinkRefused):
        share.revoke(db, 99, "Chair")


def test_a_link_expires_after_its_last_day(db):
    today = calendar.today()  # now, not at collection: a suite that runs past midnight in the plan's time zone
    link = _link(db, expires=today)
    assert share.open_link(db, link.token, today=today).link_id == link.id
    assert _reason(db, link.token, today=today + dt.timedelta(days=1)) == "expired"


def test_a_link_the_database_does_not_know_is_unknown(db):
    token = share.sign({"link_id": 42, "upload_id": 1, "as_of_year": None, "filters": {}, "lang": "vi",
                        "expires": NEXT_MONTH}, secret(db))
    assert _reason(db, token) == "unknown"


def test_a_signed_token_that_disagrees_with_its_row_is_refused(db):
    link = _link(db)
    widened = share.unsign(link.token, secret(db)) | {"filters": {}}
    assert _reason(db, share.sign(widened, secret(db))) == "tampered"


def test_the_secret_comes_from_the_environment_when_set(db, monkeypatch):
    plain = _link(db)
    monkeypatch.setenv("HUE57_SECRET", "a-deployment-secret-of-enough-length")
    assert _reason(db, plain.token) == "tampered"
    pinned = _link(db)
    assert share.open_link(db, pinned.token).link_id == pinned.id
    monkeypatch.delenv("HUE57_SECRET")
    assert _reason(db, pinned.token) == "tampered"
    assert share.open_link(db, plain.token).link_id == plain.id


@pytest.mark.parametrize(("kw", "key"), [
    ({"expires": TODAY - dt.timedelta(days=1)}, "expired"),
    ({"upload_id": 99}, "upload"),
    ({"filters": {"role": "analyst"}}, "filter_key"),
    ({"filters": {"horizon": "soon"}}, "filter_value"),
    ({"lang": "fr"}, "lang"),
    ({"as_of_year": 25}, "year"),
    ({"by": "  "}, "by"),
])
def test_a_link_that_cannot_be_made_is_refused_and_nothing_is_written(db, kw, key):
    with pytest.raises(LinkRefused) as info:
        _link(db, **kw)
    assert info.value.key == key
    assert info.value.message("vi") and info.value.message("en")
    assert share.list_links(db).empty


def test_a_dry_run_is_not_a_snapshot(db):
    frame = pd.DataFrame([{"code": "4", "year": 2025, "value": 6.0, "status": None, "source": "x", "note": None}])
    result = store.commit_upload(db, store.UploadRecord("a", "f.csv", "0" * 64), actuals=frame, dry_run=True)
    assert result.upload_id is None  # a dry run uses up no upload number
    with pytest.raises(LinkRefused) as info:
        _link(db, upload_id=2)  # the number after the seed: not taken by the dry run
    assert info.value.key == "upload"


def test_list_shows_every_link_newest_first(db):
    first, second = _link(db), _link(db, filters={}, as_of_year=None, by="Hà")
    share.revoke(db, first.id, "Chair")
    frame = share.list_links(db)
    assert list(frame.columns[:10]) == ["id", "created_at", "by", "upload_id", "as_of_year", "filters", "lang",
                                        "expires", "revoked", "opened"]
    assert list(frame["id"]) == [second.id, first.id]
    assert list(frame["revoked"]) == [False, True] and list(frame["state"]) == ["active", "revoked"]
    assert list(frame["filters"]) == ["", "group=I"] and list(frame["by"]) == ["Hà", "Lan"]
    assert frame["expires"].iloc[0] == NEXT_MONTH


# ------------------------------------------------------------------------------------------ the URL
def test_filters_outside_the_token_are_ignored(db):
    link = _link(db, filters={"group": "I"})
    query = {"s": link.token, "group": "VII", "agency": "SKHCN", "status": "met", "upload": "99", "year": "2030",
             "role": "analyst", "lang": "en"}
    view = share.open_link(db, share.token_from_query(query))
    state = share.shared_page_state(view, query)
    board = {"horizon": "2030", "group": "I", "agency": "", "status": ""}  # the overview's default horizon
    assert state == {"upload_id": link.upload_id, "as_of_year": 2025, "filters": board, "lang": "en",
                     "read_only": True}
    assert share.shared_page_state(view, {"s": link.token})["lang"] == "vi"


def test_parameters_appended_to_the_url_do_not_change_the_token(db):
    link = _link(db)
    assert share.token_from_query({"s": [link.token]}) == link.token
    assert share.token_from_query({}) is None
    assert _reason(db, link.token + "&group=VII") == "malformed"


# -------------------------------------------------------------------------------------- snapshots
def test_a_link_keeps_showing_its_snapshot_after_a_new_upload(db):
    link = _link(db)
    before = store.load(db)
    assert before.actuals.set_index(["code", "year"]).loc[("4", 2024), "value"] == 5
    result = _commit(db, "4", 2024, 3.0)
    assert result.status == "committed" and result.upload_id > link.upload_id
    _commit(db, "4", 2025, 2.0)

    view, pinned = share.snapshot_for_token(db, link.token)
    live = store.load(db)
    assert view.upload_id == pinned.upload_id == link.upload_id
    assert pinned.actuals.set_index(["code", "year"]).loc[("4", 2024), "value"] == 5
    assert ("4", 2025) not in pinned.actuals.set_index(["code", "year"]).index
    assert live.actuals.set_index(["code", "year"]).loc[("4", 2024), "value"] == 3
    assert live.actuals.set_index(["code", "year"]).loc[("4", 2025), "value"] == 2


def test_snapshot_for_a_bad_token_raises(db):
    link = _link(db)
    share.revoke(db, link.id, "Chair")
    with pytest.raises(InvalidLink):
        share.snapshot_for_token(db, link.token)


def _stub_assess(targets: pd.DataFrame, actuals: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """Latest value up to the year; 'met' at 4 or less (enough to see status changes)."""
    upto = actuals[actuals["year"] <= as_of_year].sort_values("year")
    latest = upto.groupby("code").tail(1).set_index("code")
    out = targets[["code", "horizon"]].copy()
    out["latest_year"] = out["code"].map(latest["year"]).astype("Int64")
    out["latest_value"] = out["code"].map(latest["value"]).astype("float64")
    out["status"] = ["no_data" if pd.isna(v) else ("met" if v <= 4 else "moderate") for v in out["latest_value"]]
    return out


def test_changes_since_the_previous_meeting_list_only_what_moved(db):
    previous = _link(db)
    _commit(db, "4", 2024, 3.0)        # value and status change
    _commit(db, "3", 2026, 13.0)       # a newer year with the same value as before 2025: year changes
    _commit(db, "8.1", 2025, 91.0)     # the same value again: no upload, no change
    now = _link(db)
    _, old = share.snapshot_for_token(db, previous.token)
    _, new = share.snapshot_for_token(db, now.token)

    changes = share.changes_between(old, new, _stub_assess, 2026)
    assert list(changes.columns) == share.CHANGE_COLUMNS
    by_code = changes.set_index("code")
    assert set(by_code.index) == {"4", "3"}
    assert (by_code.loc["4", "old_value"], by_code.loc["4", "new_value"]) == (5, 3)
    assert (by_code.loc["4", "old_status"], by_code.loc["4", "new_status"]) == ("moderate", "met")
    assert by_code.loc["4", "status_changed"] and by_code.loc["4", "value_changed"]
    assert (by_code.loc["3", "old_year"], by_code.loc["3", "new_year"]) == (2025, 2026)
    assert not by_code.loc["3", "status_changed"]

    assert share.changes_between(old, new, _stub_assess, 2023).empty  # nothing changed up to 2023
    assert share.changes_between(new, new, _stub_assess, None).empty


# ------------------------------------------------------------------------------------------------ CLI
def test_cli_create_prints_the_url_last(db, capsys):
    argv = ["share", "create", "--as-of-upload", "latest", "--as-of-year", "2025", "--filters", "group=I,horizon=2030",
            "--lang", "en", "--expires", NEXT_MONTH.isoformat(), "--by", "Lan"]
    assert cli.main(argv) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) >= 2 and lines[-1].startswith("http://localhost:8501/?s=")
    view = share.open_link(db, lines[-1].split("?s=", 1)[1], count=False)
    assert view.filters == {"group": "I", "horizon": "2030"} and view.lang == "en" and view.as_of_year == 2025
    assert "liên kết chỉ xem" in lines[0]


def test_cli_create_pins_the_upload_asked_for(db, capsys):
    newer = _commit(db, "4", 2024, 3.0).upload_id
    assert cli.main(["share", "create", "--as-of-upload", "1", "--expires", NEXT_MONTH.isoformat()]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1].split("?s=", 1)[1]
    assert share.open_link(db, token).upload_id == 1 < newer
    assert cli.main(["share", "create", "--expires", NEXT_MONTH.isoformat()]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1].split("?s=", 1)[1]
    assert share.open_link(db, token).upload_id == newer


@pytest.mark.parametrize("extra", [
    ["--expires", (TODAY - dt.timedelta(days=1)).isoformat()],
    ["--expires", "31/12/2026"],
    ["--expires", NEXT_MONTH.isoformat(), "--as-of-upload", "99"],
    ["--expires", NEXT_MONTH.isoformat(), "--as-of-upload", "abc"],
    ["--expires", NEXT_MONTH.isoformat(), "--as-of-upload", "0"],
    ["--expires", NEXT_MONTH.isoformat(), "--filters", "group"],
    ["--expires", NEXT_MONTH.isoformat(), "--filters", "group=I,"],
    ["--expires", NEXT_MONTH.isoformat(), "--filters", "=I"],
    ["--expires", NEXT_MONTH.isoformat(), "--filters", "group=I,group=II"],
    ["--expires", NEXT_MONTH.isoformat(), "--filters", "role=analyst"],
    ["--expires", NEXT_MONTH.isoformat(), "--filters", "horizon=later"],
    ["--expires", NEXT_MONTH.isoformat(), "--lang", "fr"],
    [],  # --expires is required
])
def test_cli_create_refuses_bad_input_with_exit_2_and_writes_nothing(db, capsys, extra):
    assert cli.main(["share", "create", *extra]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() and "Traceback" not in captured.err and "http" not in captured.out
    assert share.list_links(db).empty


def test_cli_errors_follow_the_message_language(db, capsys):
    assert cli.main(["--lang", "en", "share", "create", "--expires", "2020-01-01"]) == 2
    assert "in the past" in capsys.readouterr().err
    assert cli.main(["share", "create", "--expires", "2020-01-01"]) == 2
    assert "đã qua" in capsys.readouterr().err


def test_cli_list_in_every_format(db, capsys):
    _link(db)
    _link(db, by="=cmd|' /C calc'!A0")
    assert cli.main(["share", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [2, 1]
    for col in ("id", "created_at", "by", "upload_id", "expires", "revoked"):
        assert col in rows[0]
    assert rows[1]["expires"] == NEXT_MONTH.isoformat() and rows[1]["revoked"] is False

    assert cli.main(["share", "list", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table[0]["by"].startswith("'=")  # formula neutralised
    assert table[1]["filters"] == "group=I"

    assert cli.main(["share", "list"]) == 0
    out = capsys.readouterr().out
    assert "Hiệu lực đến" in out and "Đang hiệu lực" in out  # headers and states in words
    assert "active" not in out and len([line for line in out.splitlines() if line[:1].isdigit()]) == 2


def test_cli_revoke(db, capsys):
    link = _link(db)
    assert cli.main(["share", "revoke", str(link.id), "--by", "Chair"]) == 0
    assert "thu hồi" in capsys.readouterr().out
    assert _reason(db, link.token) == "revoked"
    assert cli.main(["share", "revoke", str(link.id)]) == 0  # idempotent, says so
    assert "từ trước" in capsys.readouterr().out
    assert cli.main(["share", "revoke", "99"]) == 2
    assert cli.main(["share", "revoke", "one"]) == 2
    assert share.list_links(db).set_index("id").loc[link.id, "revoked"]
