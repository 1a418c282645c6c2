"""The indicator page's tables in the reader's words: the numbers behind a status, each year's value, basis changes."""

from __future__ import annotations

import pandas as pd

from hue57 import briefing
from hue57.i18n import (
    fmt_number,
    fmt_value,
    gap_text,
    latest_text,
    rate_text,
    status_label,
    t,
    target_text,
    upload_labels,
)


def assessment_facts(row, lang: str) -> pd.DataFrame:
    """The numbers behind one status (a row of `target_board`), two columns (what, value), in reading order."""
    unit = row["unit"]

    def at_year(value, year):
        return t("none", lang) if pd.isna(value) else f"{fmt_value(value, unit, lang)} ({int(year)})"

    latest = t("none", lang) if pd.isna(row["latest_value"]) else \
        f"{latest_text(row, lang)} ({int(row['latest_year'])})"
    facts = [
        (t("facts.latest", lang), latest),
        (t("facts.target", lang), f"{target_text(row, lang)} ({int(row['horizon'])})"),
        (t("facts.gap", lang), gap_text(row, lang)),
        (t("facts.base", lang), at_year(row["base_value"], row["base_year"])),
        (t("facts.observed", lang), rate_text(row["observed_rate"], row["rate_kind"], unit, lang)),
    ]
    if row["status"] != "met":  # the pace still "required" of a met target (often negative) only confuses
        facts += [(t("facts.required", lang), rate_text(row["required_rate"], row["rate_kind"], unit, lang)),
                  (t("facts.ratio", lang), fmt_number(row["ratio"], lang, 2))]
    facts.append((t("facts.projected", lang), at_year(row["projected_value"], row["horizon"])))
    if row["status"] == "met":  # the year it was met, and whether the pace keeps it met: never "reached in 2024"
        met_in = str(int(row["year_reached"])) if pd.notna(row["year_reached"]) else str(int(row["latest_year"]))
        if briefing.slips_by_horizon(row):
            met_in = t("facts.met_slipping", lang, year=met_in, horizon=int(row["horizon"]))
        facts.append((t("facts.met_in", lang), met_in))
    else:
        facts.append((t("facts.year_reached", lang), str(int(row["year_reached"])) if pd.notna(row["year_reached"])
                      else t("facts.not_by_2100", lang)))
    return pd.DataFrame(facts, columns=[t("facts.what", lang), t("col.value", lang)])



def value_listing(values: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """The current value of each year (undone values left out) with its source, note and upload."""
    shown = []
    for row in values.to_dict("records"):
        if pd.isna(row["value"]):
            shown.append(status_label(row["status"], lang) if row["status"] else "—")
        elif unit == "rank":
            shown.append(latest_text({"unit": unit, "latest_value": row["value"], "latest_basis": row["basis"],
                                      "latest_band": row["band"]}, lang))
        else:
            shown.append(fmt_value(row["value"], unit, lang))
    return values_table(values, shown, lang)


def values_table(rows: pd.DataFrame, shown: list[str], lang: str) -> pd.DataFrame:
    """Stored rows of an indicator as a table: year, the value as `shown`, source, note, the upload it came from."""
    return pd.DataFrame({
        t("col.year", lang): rows["year"].astype(int).astype(str),
        t("col.value", lang): shown,
        t("col.source", lang): rows["source"].fillna(""),
        t("col.note", lang): rows["note"].fillna(""),
        t("col.upload", lang): upload_labels(rows, lang),
    })



def basis_changes(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Years from which a rank counts among another *stated* number than the last one stated ('từ 2025:
    trên 34'), for the trajectory to mark: a pace is never read across them. A year that states no basis
    changes nothing (issue #22: basis separates only what is stated to differ), so it is not marked."""
    ranked = values.sort_values("year")[["year", "basis"]].dropna(subset=["basis"])
    marks = []
    previous = None
    for year, basis in ranked.itertuples(index=False):
        if previous is not None and int(basis) != previous:
            marks.append({"year": year, "label": t("chart.basis_from", lang, year=year, basis=int(basis))})
        previous = int(basis)
    return pd.DataFrame(marks, columns=["year", "label"])
