"""Checking a plan folder before `init`: every problem, each with its file, row and column (`plan check DIR`).

A problem is a `Problem(file, row, column, kind, values)`; `kind` names its message (`plan.check.<kind>` in the
catalogue) and `values` fill it. Rows are counted as a spreadsheet shows them (the header is row 1). Nothing
stops at the first problem: a province's IT centre fixes its folder in one pass.

Kinds: file_missing, columns_missing, toml_invalid, toml_key, bad_due, template_missing, duplicate_code,
unknown_comparator, comparator_without_value, between_without_hi, between_upside_down, value_not_number,
horizon_not_year, horizon_before_start, relative_after_horizon, unknown_unit, unknown_agency, duplicate_task,
task_not_number, deadline_unread, duplicate_agency, unknown_current, unknown_group_id, actual_unknown_code, actual_without_source,
actual_not_number.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hue57.store._plan import ACTUAL_COLUMNS, AGENCY_COLUMNS, COMPARATORS, TARGET_COLUMNS, TASK_COLUMNS

BUILT_IN_UNITS = frozenset({"%", "rank"})  # units the gap method itself knows (points a year, places)
REQUIRED_TOML = {"place": ("name_vi", "name_en", "time_zone"), "plan": ("implements_vi", "implements_en"),
                 "report": ("compiler_vi", "compiler_en", "signer_title_vi", "signer_title_en", "recipients_vi",
                            "recipients_en")}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str
    kind: str
    values: dict = field(default_factory=dict, hash=False, compare=False)


def _read(folder: Path, name: str, columns: list[str], problems: list[Problem]) -> pd.DataFrame | None:
    path = folder / name
    if not path.is_file():
        problems.append(Problem(name, None, "", "file_missing"))
        return None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        problems.append(Problem(name, None, "", "toml_invalid", {"reason": str(exc).splitlines()[0]}))
        return None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        problems.append(Problem(name, 1, ", ".join(missing), "columns_missing", {"columns": ", ".join(missing)}))
        return None
    frame = frame.apply(lambda col: col.str.strip())
    frame.index = range(2, len(frame) + 2)
    return frame


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def check_plan_folder(folder: Path | str) -> list[Problem]:
    """Every problem of the plan folder `folder` (empty when `init` can load it)."""
    from hue57.i18n._catalogue import CATALOGUE  # noqa: PLC0415
    from hue57.tasks.agencies import unresolved_parts  # noqa: PLC0415
    from hue57.tasks.deadlines import parse_deadline  # noqa: PLC0415

    folder = Path(folder)
    problems: list[Problem] = []
    raw = _check_toml(folder, problems)
    start_year = 2025
    # the catalogue writes '%' as 'percent' in its message ids (`hue57.i18n.unit_name`)
    units = set(BUILT_IN_UNITS) | {k.removeprefix("unitname.").replace("percent", "%") for k in CATALOGUE
                                   if k.startswith("unitname.")}
    if raw is not None:
        units |= set((raw.get("units") or {}).keys())
        try:
            start_year = int(str((raw.get("plan") or {}).get("start", "2025"))[:4])
        except ValueError:
            pass

    agencies = _read(folder, "agencies.csv", AGENCY_COLUMNS, problems)
    if agencies is not None:
        seen: set[str] = set()
        for row, agency_id in agencies["agency_id"].items():
            if agency_id in seen:
                problems.append(Problem("agencies.csv", row, "agency_id", "duplicate_agency", {"value": agency_id}))
            seen.add(agency_id)
        for row, current in agencies["current_id"].items():
            if current and current not in seen:
                problems.append(Problem("agencies.csv", row, "current_id", "unknown_current", {"value": current}))
        named = (raw or {}).get("agencies") or {}
        for key in ("collective", "groups"):
            for agency_id in named.get(key, []) if isinstance(named.get(key, []), list) else []:
                if str(agency_id) not in seen:
                    problems.append(Problem("plan.toml", None, f"agencies.{key}", "unknown_group_id",
                                            {"value": agency_id}))

    def agency_problems(file: str, column: str, frame: pd.DataFrame) -> None:
        if agencies is None:
            return
        for row, text in frame[column].items():
            for part in unresolved_parts(text, agencies) if text else []:  # a group heading may name none
                at = text.casefold().find(part)  # the part as the file writes it (it comes back case-folded)
                shown = text[at:at + len(part)] if at >= 0 else part
                problems.append(Problem(file, row, column, "unknown_agency", {"value": shown}))

    targets = _read(folder, "targets.csv", TARGET_COLUMNS, problems)
    codes: set[str] = set()
    if targets is not None:
        for row, r in targets.iterrows():
            code = r["code"]
            if code in codes:
                problems.append(Problem("targets.csv", row, "code", "duplicate_code", {"value": code}))
            codes.add(code)
            _check_target(row, r, start_year, units, problems)
        agency_problems("targets.csv", "agency", targets)

    tasks = _read(folder, "tasks.csv", TASK_COLUMNS, problems)
    if tasks is not None:
        numbers: set[str] = set()
        for row, r in tasks.iterrows():
            for column in ("no", "group"):
                if not r[column].isdigit():
                    problems.append(Problem("tasks.csv", row, column, "task_not_number", {"value": r[column]}))
            if r["no"] in numbers:
                problems.append(Problem("tasks.csv", row, "no", "duplicate_task", {"value": r["no"]}))
            numbers.add(r["no"])
            if not parse_deadline(r["deadline_text"]).parsed:
                problems.append(Problem("tasks.csv", row, "deadline_text", "deadline_unread",
                                        {"value": r["deadline_text"]}))
        agency_problems("tasks.csv", "lead_agency", tasks)

    actuals = _read(folder, "actuals.csv", ACTUAL_COLUMNS, problems)
    if actuals is not None:
        for row, r in actuals.iterrows():
            if targets is not None and r["code"] not in codes:
                problems.append(Problem("actuals.csv", row, "code", "actual_unknown_code", {"value": r["code"]}))
            for column in ("year", "value"):
                if _number(r[column]) is None:
                    problems.append(Problem("actuals.csv", row, column, "actual_not_number", {"value": r[column]}))
            if not r["source"]:
                problems.append(Problem("actuals.csv", row, "source", "actual_without_source"))
    return problems


def _check_target(row: int, r: pd.Series, start_year: int, units: set[str], problems: list[Problem]) -> None:
    def add(column: str, kind: str, **values) -> None:
        problems.append(Problem("targets.csv", row, column, kind, values))

    comparator = r["comparator"]
    if comparator not in COMPARATORS:
        add("comparator", "unknown_comparator", value=comparator, known=", ".join(COMPARATORS))
    value, value_hi = _number(r["value"]) if r["value"] else None, _number(r["value_hi"]) if r["value_hi"] else None
    for column in ("value", "value_hi", "relative_to"):
        if r[column] and _number(r[column]) is None:
            add(column, "value_not_number", value=r[column])
    if comparator in COMPARATORS and comparator != "qualitative" and not r["value"]:
        add("value", "comparator_without_value", comparator=comparator)
    if comparator == "between":
        if not r["value_hi"]:
            add("value_hi", "between_without_hi")
        elif value is not None and value_hi is not None and value_hi < value:
            add("value_hi", "between_upside_down", value=r["value"], value_hi=r["value_hi"])
    horizon = r["horizon"]
    if not (horizon.isdigit() and len(horizon) == 4):
        add("horizon", "horizon_not_year", value=horizon)
    else:
        if int(horizon) <= start_year:
            add("horizon", "horizon_before_start", value=horizon, start=start_year)
        relative = _number(r["relative_to"]) if r["relative_to"] else None
        if relative is not None and relative >= int(horizon):
            add("relative_to", "relative_after_horizon", value=r["relative_to"], horizon=horizon)
    if r["unit"] not in units:
        add("unit", "unknown_unit", value=r["unit"])


def _check_toml(folder: Path, problems: list[Problem]) -> dict | None:
    from hue57.plan_facts import DEFAULT_TEMPLATE, parse_due  # noqa: PLC0415

    path = folder / "plan.toml"
    if not path.is_file():
        problems.append(Problem("plan.toml", None, "", "file_missing"))
        return None
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem("plan.toml", None, "", "toml_invalid", {"reason": str(exc)}))
        return None
    for section, keys in REQUIRED_TOML.items():
        table = raw.get(section) if isinstance(raw.get(section), dict) else {}
        for key in keys:
            if key not in table:
                problems.append(Problem("plan.toml", None, f"{section}.{key}", "toml_key"))
    due_problems: list[tuple[str, str]] = []
    parse_due((raw.get("reporting") or {}).get("due", ["06-10", "11-25"]), due_problems)
    for key, message in due_problems:
        problems.append(Problem("plan.toml", None, key, "bad_due", {"reason": message}))
    template = (raw.get("report") or {}).get("template", DEFAULT_TEMPLATE)
    if not (folder / template).is_file():
        problems.append(Problem("plan.toml", None, "report.template", "template_missing", {"value": template}))
    return raw
