"""What each agency owes in a period: its tasks (after mergers), the collective tasks, its indicators.

- A task is on an agency's form when the agency holds it today (`lead_current` of `hue57.tasks.task_table`:
  a task led by a merged department is on its successor's form), or when it is led collectively
  (plan.toml `[agencies] collective`, e.g. "all departments and localities"): those are on every agency's form,
  and their status is set by the compiling body on review.
- The agency's own tasks come first, then the collective ones (optional for it), each in task order.
- A task is owed unless it was reported done in an earlier period or starts after the period ends
  (as `hue57.tasks.reporting_status` counts them).
- An indicator is on an agency's form when the agency monitors one of its targets today
  (`hue57.tasks.target_leads`); other codes of the same indicator (26 → 7) are reported under the indicator.
- Accounts and the completeness table are for `accountable_agencies`: today's bodies that own at least one
  task or indicator of their own, not the collective groups.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hue57.tasks import period_end, plan_start, target_leads, task_table
from hue57.tasks.agencies import current_agency


def collective_ids() -> tuple[str, ...]:
    """Collective leads whose tasks are on every agency's form (plan.toml `[agencies] collective`)."""
    from hue57.plan_facts import facts  # noqa: PLC0415

    return facts().collective


def group_ids() -> tuple[str, ...]:
    """Agency ids that name a group of bodies, not one body: nobody signs in as them (plan.toml
    `[agencies] groups`; the collective leads are groups too)."""
    from hue57.plan_facts import facts  # noqa: PLC0415

    return tuple(dict.fromkeys((*facts().collective, *facts().groups)))


@dataclass(frozen=True)
class Items:
    """An agency's form for one period. `tasks`: task_no, title_vi, title_en, collective, last_status,
    last_pct; `indicators`: code, name_vi, name_en, unit, unit_vi, qualitative, rank."""

    agency_id: str
    period: str
    tasks: pd.DataFrame
    indicators: pd.DataFrame

    @property
    def count(self) -> int:
        return len(self.tasks) + len(self.indicators)

    @property
    def task_nos(self) -> set[int]:
        return set(self.tasks["task_no"].astype(int))

    @property
    def own_task_nos(self) -> set[int]:
        return set(self.tasks.loc[~self.tasks["collective"], "task_no"].astype(int))

    @property
    def codes(self) -> set[str]:
        return set(self.indicators["code"].astype(str))


def _owed_tasks(snap, period: str) -> pd.DataFrame:
    """The task table on the period's last day, without tasks done earlier or starting after the period."""
    table = task_table(snap.tasks, snap.progress, snap.agencies, period_end(period))
    progress = snap.progress
    earlier = progress[progress["period"].astype(str) < period]
    done_before = set(earlier.loc[earlier["status"] == "done", "task_no"].astype(int))
    starts_later = (table["start_date"] > pd.Timestamp(period_end(period))).fillna(False).to_numpy(bool)
    return table[~table["no"].astype(int).isin(done_before).to_numpy() & ~starts_later]


def all_items(snap, period: str) -> dict[str, Items]:
    """`Items` of every accountable agency, from one task table (the completeness table needs them all)."""
    owed = _owed_tasks(snap, period)
    leads = target_leads(snap.targets, snap.agencies)
    plan = snap.targets.drop_duplicates("code").set_index("code")
    indicator_of = plan["indicator"].astype(str)
    own_indicators = (leads.assign(code=leads["code"].map(indicator_of))
                      .drop_duplicates(["agency_id", "code"]).groupby("agency_id")["code"].agg(list))
    shared = collective_ids()
    collective = owed["lead_current"].map(lambda ids: any(a in shared for a in ids)).to_numpy(bool)
    out = {}
    for agency_id in accountable_agencies(snap.agencies, snap):
        mine = owed["lead_current"].map(lambda ids, a=agency_id: a in ids).to_numpy(bool)
        tasks = owed[mine | collective]
        task_frame = pd.DataFrame({
            "task_no": tasks["no"].astype("int64").to_numpy(),
            "title_vi": tasks["title_vi"].astype(str).to_numpy(),
            "title_en": (tasks["title_en"] if "title_en" in tasks else tasks["title_vi"]).astype(object).to_numpy(),
            "collective": (collective & ~mine)[mine | collective],
            "last_status": tasks["last_status"].to_numpy(),
            "last_pct": tasks["progress_pct"].astype("float64").to_numpy(),
        })
        # the agency's own tasks first, the collective ones (optional for it) after them, each by number
        task_frame = task_frame.sort_values(["collective", "task_no"], kind="stable").reset_index(drop=True)
        codes = [c for c in plan.index if c in set(own_indicators.get(agency_id, []))]
        rows = plan.loc[codes]
        out[agency_id] = Items(agency_id, period, task_frame, pd.DataFrame({
            "code": pd.Index(codes, dtype=object).astype(str),
            "name_vi": rows["name_vi"].astype(str).to_numpy(),
            "name_en": rows["name_en"].astype(str).to_numpy(),
            "unit": rows["unit"].astype(str).to_numpy(),
            "unit_vi": rows["unit_vi"].fillna(rows["unit"]).astype(str).to_numpy() if "unit_vi" in rows
            else rows["unit"].astype(str).to_numpy(),
            "qualitative": (rows["comparator"] == "qualitative").to_numpy(bool),
            "rank": (rows["unit"] == "rank").to_numpy(bool),
        }))
    return out


def agency_items(snap, agency_id: str, period: str) -> Items:
    """What `agency_id` (a current body) owes for `period`; KeyError for a body nobody reports as."""
    return all_items(snap, period)[agency_id]


def accountable_agencies(agencies: pd.DataFrame, snap=None) -> list[str]:
    """Today's bodies (not merged into another) that are not collective groups, in agencies.csv order.

    With `snap`, only those that own a task or monitor an indicator of their own.
    """
    ids = [str(a) for a in agencies["agency_id"]
           if str(a) not in group_ids() and current_agency(str(a), agencies) == str(a)]
    if snap is None:
        return ids
    table = task_table(snap.tasks, snap.progress, snap.agencies, plan_start())
    owners = {a for ids_ in table["lead_current"] for a in ids_}
    owners |= set(target_leads(snap.targets, snap.agencies)["agency_id"])
    return [a for a in ids if a in owners]
