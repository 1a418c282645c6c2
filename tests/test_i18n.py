"""The catalogue and number formats: both languages everywhere, `30,5%` in Vietnamese."""

import string

import pytest

from hue57.i18n import CATALOGUE, fmt_number, fmt_percent, fmt_value, normalise_lang, t, tn


def test_every_key_has_vietnamese_and_english():
    for key, entry in CATALOGUE.items():
        assert entry.get("vi") and entry.get("en"), key


def test_both_languages_take_the_same_placeholders():
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    forms = lambda v: v if isinstance(v, tuple) else (v,)  # noqa: E731
    for key, entry in CATALOGUE.items():
        vi = set().union(*(fields(f) for f in forms(entry["vi"])))
        assert all(fields(f) <= vi | {"n"} for f in forms(entry["en"])), key
        assert all(fields(f) - {"n"} == vi - {"n"} for f in forms(entry["en"])), key


def test_a_count_takes_the_plural_form_of_its_language(monkeypatch):
    monkeypatch.setitem(CATALOGUE, "test.tasks", {"vi": "{n} nhiệm vụ", "en": ("{n} task", "{n} tasks")})
    assert tn("test.tasks", 1, "en") == "1 task" and tn("test.tasks", 2, "en") == "2 tasks"
    assert tn("test.tasks", 1, "vi") == "1 nhiệm vụ" and tn("test.tasks", 0, "vi") == "0 nhiệm vụ"
    with pytest.raises(TypeError):
        t("test.tasks", "en")


@pytest.mark.parametrize(("value", "lang", "shown"), [
    (30.5, "vi", "30,5%"), (30.5, "en", "30.5%"), (100, "vi", "100%"), (12345.67, "vi", "12.345,7"),
])
def test_percent_and_numbers_follow_the_locale(value, lang, shown):
    text = fmt_percent(value, lang) if shown.endswith("%") else fmt_number(value, lang)
    assert text == shown


def test_values_read_in_their_units():
    assert fmt_value(5, "rank", "vi") == "hạng 5"
    assert fmt_value(5, "rank", "en") == "rank 5"
    assert fmt_value(30.5, "% GRDP", "vi") == "30,5% GRDP"
    assert fmt_value(float("nan"), "%", "vi") == "—"


def test_language_defaults_to_vietnamese():
    assert normalise_lang(None) == "vi" and normalise_lang("EN") == "en" and normalise_lang("fr") == "vi"
    assert t("status.on_track", "fr") == "Đúng lộ trình"
