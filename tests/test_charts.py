"""Chart builders: rank axes inverted, status told by words as well as colour, PNG export."""

import datetime as dt
import re

import pandas as pd

from hue57 import briefing, charts, metrics, store
from hue57.i18n import t


def _layers(chart) -> list[dict]:
    spec = chart.to_dict()
    return spec.get("layer", [spec])


def _labels(chart) -> set[str]:
    return {row["label"] for rows in chart.to_dict()["datasets"].values() for row in rows if "label" in row}


def _indicator_chart(code: str, lang: str = "vi"):
    snap = store.load()
    rows = briefing.indicator_rows(snap.targets, code)
    assessed = metrics.assess(rows, snap.actuals, 2026)
    return charts.trajectory(metrics.paths(rows, snap.actuals, 2026), assessed, unit=rows.iloc[0]["unit"], lang=lang)


def test_rank_trajectory_has_1_at_the_top(db):
    lines = _layers(_indicator_chart("4"))[0]
    domain = lines["encoding"]["y"]["scale"]["domain"]
    assert domain[-1] == 1 and domain[0] > 5  # descending domain: rank 1 drawn at the top


def test_percentage_trajectory_grows_upward_and_labels_the_target(db):
    layers = _layers(_indicator_chart("8.1"))
    domain = layers[0]["encoding"]["y"]["scale"]["domain"]
    assert domain[0] <= domain[-1]
    assert _labels(_indicator_chart("8.1")) == {"Mục tiêu 2030: 70%"}


def test_both_horizons_get_a_target_rule(db):
    assert _labels(_indicator_chart("7")) == {"Mục tiêu 2030: 30% GRDP", "Mục tiêu 2045: 50% GRDP"}


def test_gap_bars_carry_the_status_icon_and_the_values_not_a_share():
    frame = pd.DataFrame({"label": ["✔ 3. PII", "⊘ 7. Kinh tế số"], "status": ["met", "missed"],
                          "value_text": ["hạng 5 (2025) · mục tiêu top 10", "12,5 / ≥ 30% GRDP (2030)"],
                          "pos_latest": [0.9, 0.4], "pos_target": [0.85, 0.9], "pos_expected": [float("nan"), 0.7]})
    spec = charts.gap_bars(frame, "vi").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert {r["label"]: r["value_text"] for r in rows} == dict(zip(frame["label"], frame["value_text"], strict=True))
    assert {r["status_text"] for r in rows} == {"✔ Đã đạt", "⊘ Không đạt"}
    assert "%" not in "".join(str(layer.get("encoding", {}).get("x", {}).get("axis")) for layer in spec["layer"])


def test_chart_png_is_a_png_named_after_indicator_and_date(db):
    png = charts.chart_png(_indicator_chart("4"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert charts.png_name("Chỉ tiêu 4 — Đổi mới", dt.date(2026, 11, 28)) == "chi-tieu-4-doi-moi_2026-11-28.png"


def test_gap_frame_keeps_the_worst_rows_in_their_order():
    rows = pd.DataFrame({"code": [str(i) for i in range(80)], "name_vi": [f"Chỉ tiêu {i}" for i in range(80)],
                         "status": ["missed"] * 10 + ["met"] * 70, "unit": "%", "latest_value": 50.0,
                         "latest_year": 2025, "plan_comparator": ">=", "target_value": 60.0, "relative_to": None,
                         "value": 60.0, "value_hi": float("nan"), "pos_latest": 0.5, "pos_target": 0.6,
                         "pos_expected": float("nan")})
    frame = charts.gap_chart_frame(rows, "vi", limit=40)
    assert len(frame) == 40 and frame["label"].iloc[0] == "⊘ 0. Chỉ tiêu 0"
    assert frame["value_text"].iloc[0] == "50 / ≥ 60% (2025)"


def test_percentage_axis_stops_at_100(db):
    lines = _layers(_indicator_chart("8.1"))[0]
    assert lines["encoding"]["y"]["scale"]["domain"] == [0.0, 100.0]


def test_a_relative_target_slips_against_its_computed_value_not_its_multiplier():
    row = {"status": "met", "projected_value": 100.0, "plan_comparator": ">=", "target_value": 130.0,
           "value": 1.3, "value_hi": float("nan")}  # 1,3 × a 2025 count of 100 publications
    assert briefing.slips_by_horizon(row)
    assert not briefing.slips_by_horizon({**row, "projected_value": 140.0})
    band = {**row, "plan_comparator": "between", "value": 8.0, "value_hi": 10.0, "target_value": 9.0}
    assert briefing.slips_by_horizon({**band, "projected_value": 11.0})
    assert not briefing.slips_by_horizon({**band, "projected_value": 9.5})


def test_trajectory_legend_shows_each_series_as_its_line_colour_and_dash(db):
    svg = charts.chart_svg(_indicator_chart("4"), width=800)
    symbols = re.findall(r'role-legend-symbol.*?<path [^>]*d="([^"]*)"[^>]*stroke="(#\w+)"[^>]*stroke-dasharray="([\d,. ]*)"',
                         svg)
    labels = re.findall(r'role-legend-label.*?<text [^>]*>([^<]+)</text>', svg)
    assert labels == [t(f"chart.series.{s}", "vi") for s in ("actual", "required", "projection")]
    assert all(re.fullmatch(r"M-[\d.]+,0L[\d.]+,0", shape) for shape, _, _ in symbols)  # a short line, not a dot
    assert [(colour, dash.replace(" ", "")) for _, colour, dash in symbols] == [
        ("#0072B2", ""), ("#009E73", "8,4"), ("#D55E00", "2,3")]  # a solid, a dashed and a dotted line sample


def _page_chart(code: str, **kwargs):
    """The trajectory as the indicator page draws it: the board's target rules (both edges of a band)."""
    snap = store.load()
    rows = briefing.indicator_rows(snap.targets, code)
    board = briefing.indicator_rows(briefing.board_for(snap, 2026), code)
    return charts.trajectory(metrics.paths(rows, snap.actuals, 2026), briefing.target_rules(board),
                             unit=rows.iloc[0]["unit"], lang="vi", **kwargs)


def _text_layers(chart) -> list[dict]:
    return [layer for layer in _layers(chart) if (layer.get("mark") or {}).get("type") == "text"]


def test_a_band_is_labelled_once_over_its_upper_line(db):
    chart = _page_chart("17")
    rules = [layer for layer in _layers(chart) if (layer.get("mark") or {}).get("type") == "rule"]
    assert len(rules) == 1  # one rule layer drawing both edges
    labels = [row for rows in chart.to_dict()["datasets"].values() for row in rows if "label" in row]
    assert [(r["label"], r["target_value"]) for r in labels] == [("Mục tiêu 2030: 8–10%", 10.0)]


def test_two_horizons_label_their_lines_at_opposite_ends(db):
    sides = {layer["mark"]["align"] for layer in _text_layers(_page_chart("7"))}
    assert sides == {"left", "right"}


def test_trajectory_text_size_sets_every_label_axis_and_legend(db):
    svg = charts.chart_svg(_page_chart("4", text_size=20), width=1300)
    assert set(re.findall(r'font-size="([\d.]+)px"', svg)) == {"20"}
