"""Section III of the compiled report: which agencies reported on time, late, or not at all.

Section III is written against one small frame of agency states (`agency_id`, `state` in
`on_time | late | missing`), taken from the agencies' own six-monthly reports (`hue57.reporting.report_states`):
- `on_time` — the report was first submitted on or before the period's due date (10 June / 25 November,
  local date); returned and sent again later, it stays on time;
- `late` — first submitted after the due date;
- `missing` — nothing submitted yet (no report, or only a draft nobody else can see).
"""

from __future__ import annotations

import pandas as pd

from hue57 import briefing
from hue57.i18n import fmt_int, t

STATES = ("on_time", "late", "missing")


def agency_states(report_states: pd.DataFrame) -> pd.DataFrame:
    """`agency_id, state` (see the module docstring) from `hue57.reporting.report_states`, in agency_id order."""
    frame = pd.DataFrame({"agency_id": report_states["agency_id"], "state": briefing.report_outcomes(report_states)})
    return frame.sort_values("agency_id", kind="stable").reset_index(drop=True)


def agency_lines(states: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    """Section III's lines from a frame of agency states (`agency_id`, `state`): per state, in the order on time,
    late, missing, how many agencies and their names (in the order of the plan's agency list)."""
    names = dict(zip(agencies["agency_id"], agencies["name_en" if lang == "en" else "name_vi"], strict=True))
    place = {a: i for i, a in enumerate(agencies["agency_id"])}
    lines = []
    for state in STATES:
        ids = sorted(states.loc[states["state"] == state, "agency_id"], key=lambda a: (place.get(a, len(place)), str(a)))
        shown = [names.get(a) or str(a) for a in ids]
        lines.append({"trang_thai": t(f"report.agency.{state}", lang), "so": fmt_int(len(shown), lang),
                      "danh_sach": "; ".join(shown) if shown else t("none", lang)})
    return lines
