"""Reading a plan folder's CSV files (targets, tasks, agencies, published actuals) into checked frames."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parents[2] / "data"  # the shipped plan; the one in effect is `plan_dir()`


def plan_dir(data_dir: Path | str | None = None) -> Path:
    """`data_dir`, else the plan folder in effect (`HUE57_PLAN`, `plan` in hue57.toml, `<repo>/data`)."""
    if data_dir is not None:
        return Path(data_dir)
    from hue57.plan_facts import plan_folder  # noqa: PLC0415

    return plan_folder()

TARGET_COLUMNS = ["code", "parent", "indicator", "horizon", "name_vi", "name_en", "unit", "unit_vi",
                  "comparator", "value", "value_hi", "relative_to", "agency", "text_vi", "text_en"]
TASK_COLUMNS = ["no", "group", "group_title_vi", "title_vi", "lead_agency", "coordinating", "output",
                "deadline_text", "group_title_en", "title_en", "output_en", "deadline_en"]
GLOSSES = {"targets": ("code", ["text_en"]), "tasks": ("no", ["group_title_en", "title_en", "output_en", "deadline_en"])}
AGENCY_COLUMNS = ["agency_id", "name_vi", "short_vi", "name_en", "aliases", "current_id", "merger_basis"]
ACTUAL_COLUMNS = ["code", "year", "value", "source", "note", "basis", "band"]
COMPARATORS = (">=", ">", "<=", "<", "between", "qualitative")


def _read_text_csv(path: Path, columns: list[str]) -> pd.DataFrame:
    """A plan CSV with every column as text (codes like '8.10' must not become numbers)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name}: missing columns {missing}")
    return frame[columns].apply(lambda col: col.str.strip())


def read_plan_targets(data_dir: Path | None = None) -> pd.DataFrame:
    frame = _read_text_csv(plan_dir(data_dir) / "targets.csv", TARGET_COLUMNS)
    frame.insert(0, "_row", range(2, len(frame) + 2))
    frame["indicator"] = frame["indicator"].where(frame["indicator"] != "", frame["code"])
    for col in ("value", "value_hi"):
        frame[col] = pd.to_numeric(frame[col].replace("", None), errors="raise").astype("float64")
    for col in ("horizon", "relative_to"):
        frame[col] = pd.to_numeric(frame[col].replace("", None), errors="raise").astype("Int64")
    bad = sorted(set(frame["comparator"]) - set(COMPARATORS))
    if bad:
        raise ValueError(f"targets.csv: unknown comparators {bad}")
    upside_down = frame[(frame["comparator"] == "between") & ~(frame["value_hi"] >= frame["value"])]
    if len(upside_down):
        row = upside_down.iloc[0]
        raise ValueError(f"targets.csv row {row['_row']} (code {row['code']}): 'between' needs value_hi ≥ value "
                         f"(got {row['value']:g} – {row['value_hi']:g})")
    frame["ord"] = range(len(frame))
    return frame.drop(columns="_row")


def read_plan_tasks(data_dir: Path | None = None) -> pd.DataFrame:
    frame = _read_text_csv(plan_dir(data_dir) / "tasks.csv", TASK_COLUMNS)
    frame["no"] = frame["no"].astype(int)
    frame["group"] = frame["group"].astype(int)
    return frame


def read_plan_agencies(data_dir: Path | None = None) -> pd.DataFrame:
    frame = _read_text_csv(plan_dir(data_dir) / "agencies.csv", AGENCY_COLUMNS)
    frame["current_id"] = frame["current_id"].where(frame["current_id"] != "", frame["agency_id"])
    return frame


def read_plan_actuals(data_dir: Path | None = None) -> pd.DataFrame:
    frame = _read_text_csv(plan_dir(data_dir) / "actuals.csv", ACTUAL_COLUMNS)
    frame["year"] = frame["year"].astype(int)
    frame["value"] = frame["value"].astype(float)
    frame["basis"] = pd.to_numeric(frame["basis"].replace("", None), errors="raise").astype("Int64")
    frame["band"] = frame["band"].astype(object).where(frame["band"] != "", None)
    if (frame["source"] == "").any():
        raise ValueError("actuals.csv: every published figure needs its source")
    for row, (value, band) in enumerate(zip(frame["value"], frame["band"], strict=True), start=2):
        if band is not None and band_start(band) != value:
            raise ValueError(f"actuals.csv row {row}: a band is stored as its best place ({band} → {band_start(band)})")
    return frame


def band_start(band: str) -> float | None:
    """The best place of a published band: '351–400' → 351, '1401+' → 1401 (None when not a band)."""
    match = re.fullmatch(r"\s*(\d+)\s*(?:[–-]\s*\d+|\+)\s*", str(band))
    return float(match.group(1)) if match else None
