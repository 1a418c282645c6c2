"""Every upload message exists in Vietnamese (with its diacritics) and English, and a page can switch language."""

from __future__ import annotations

import string

from hue57 import ingest, store
from hue57.i18n import CATALOGUE, t

# once hue57/i18n/_ingest.py; a count's entry holds its plural forms (one in Vietnamese, two in English)
_forms = lambda v: v if isinstance(v, tuple) else (v,)  # noqa: E731
TEXTS = {k: {lang: _forms(text) for lang, text in v.items()} for k, v in CATALOGUE.items() if k.startswith("ingest.")}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_ingest_key_has_both_languages_and_the_same_placeholders():
    for key, entry in TEXTS.items():
        assert set(entry) == {"vi", "en"}, key
        for vi in entry["vi"]:
            for form in entry["en"]:
                assert vi.strip() and form.strip(), key
                assert _fields(vi) == _fields(form), key


def test_vietnamese_sentences_are_written_with_diacritics():
    for key, entry in TEXTS.items():
        vi = entry["vi"][0]
        words = [w for w in vi.split() if w.isalpha()]
        if len(words) >= 4:
            assert any(ord(c) > 127 for c in vi), f"{key} looks unaccented: {vi}"


def test_error_table_switches_language_without_revalidating():
    targets = store.read_plan_targets()
    report = ingest.check_file("Mã;Năm;Giá trị;Nguồn\n8.1;2024;130;x\n".encode(), "a.csv", targets, "vi")
    vi = ingest.error_table(report, "vi")
    en = ingest.error_table(report, "en")
    assert list(vi.columns) == ["Dòng", "Cột", "Giá trị trong tệp", "Lỗi và cách sửa"]
    assert list(en.columns) == ["Row", "Column", "Value in file", "Problem and fix"]
    assert vi.iloc[0, 0] == en.iloc[0, 0] == 2
    assert vi.iloc[0, 1] == en.iloc[0, 1] == "Giá trị"  # the column as the user wrote it
    assert "từ 0 đến 100" in vi.iloc[0, 3] and "between 0 and 100" in en.iloc[0, 3]


def test_statuses_accept_keys_and_both_languages():
    targets = store.read_plan_targets()
    body = "code,year,status,source\n1,2020,met,x\n1,2021,Đúng lộ trình,x\n1,2022,CẦN ĐẨY NHANH,x\n" \
           "1,2023,cham,x\n1,2024,Regressing,x\n2,2024,On track,x\n"
    report = ingest.check_file(body.encode(), "s.csv", targets, "vi")
    assert report.ok, report.errors
    assert report.rows["status"].tolist() == ["met", "on_track", "moderate", "insufficient", "regressing", "on_track"]
    assert t("status.on_track", "vi") == "Đúng lộ trình"
