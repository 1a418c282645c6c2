"""The overview's briefing as static HTML: what needs attention, each gap on its own scale, what changed.

Static HTML for the reason `hue57.ui._static` gives (a whole meeting opens this page at once), and because
HTML text reflows: on a 390-px phone the rows stack and every word stays at its set size, where a chart
image would shrink its lettering with the picture. Every piece of text is escaped; status is told by icon
and word beside the colour.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from urllib.parse import urlencode

import pandas as pd

from hue57.charts import STATUS_COLORS
from hue57.i18n import (
    STATUS_ICONS,
    agency_label,
    expected_label,
    fmt_value,
    gap_label,
    latest_text,
    status_label,
    t,
    tn,
)

CSS = """<style>
.hue57-attn{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:.6rem;margin:.25rem 0 1rem}
.hue57-attn section{border:1px solid rgba(49,51,63,.2);border-left:.35rem solid var(--c,#7F7F7F);border-radius:.5rem;padding:.4rem .75rem}
.hue57-attn h4{font-size:1rem;margin:0 0 .25rem;padding:0}
.hue57-attn ul{margin:0;padding-left:1.1rem}
.hue57-attn li{margin:.1rem 0;font-size:.95rem;overflow-wrap:anywhere}
.hue57-ok{padding:.5rem .75rem;border:1px solid rgba(49,51,63,.2);border-radius:.5rem;margin:.25rem 0 1rem}
.hue57-gaps{margin:.25rem 0 .5rem}
.hue57-gap{display:grid;grid-template-columns:minmax(12rem,2fr) minmax(8rem,3fr) minmax(11rem,2fr);gap:.2rem .75rem;align-items:center;padding:.3rem 0;border-bottom:1px solid rgba(49,51,63,.1);color:inherit!important;text-decoration:none!important}
.hue57-gap:hover{background:#f6f7f9}
.hue57-gap .n{font-size:.95rem;overflow-wrap:anywhere}
.hue57-gap .v{font-size:.95rem;font-variant-numeric:tabular-nums}
.hue57-gap .v small{display:block;color:rgba(49,51,63,.7);font-size:.85rem}
.hue57-gap .who,.hue57-attn .who{display:block;color:rgba(49,51,63,.75);font-size:.85rem}
.hue57-track{position:relative;height:1.1rem;background:#eceef2;border-radius:.2rem}
.hue57-track .now{position:absolute;left:0;top:0;bottom:0;border-radius:.2rem}
.hue57-track .tgt{position:absolute;top:-.25rem;bottom:-.25rem;width:3px;margin-left:-1px;background:#222}
.hue57-track .exp{position:absolute;top:-.15rem;bottom:-.15rem;margin-left:-1px;border-left:2px dashed #222}
.hue57-changes-box{border:1px solid rgba(49,51,63,.2);border-left:.35rem solid #0072B2;border-radius:.5rem;padding:.35rem .75rem;margin:.5rem 0 .75rem}
.hue57-changes-box h4{font-size:1rem;margin:0 0 .15rem;padding:0}
.hue57-changes-box p{margin:0;font-size:.95rem}
.hue57-changes{margin:0;padding-left:1.1rem}
.hue57-changes .phone-more{display:none}
[data-testid=stMainBlockContainer]{padding-top:3.5rem!important}
.hue57-changes li{margin:.1rem 0;font-size:.95rem;overflow-wrap:anywhere}
@media (max-width:640px){.hue57-gap{grid-template-columns:1fr}.hue57-attn{grid-template-columns:1fr}.hue57-changes li:nth-child(n+3){display:none}.hue57-changes li.phone-more{display:list-item;list-style:none}[data-testid=stMainBlockContainer]{padding-top:2.5rem!important}.hue57-attn li{margin:0}}
</style>"""


NAMES_SHOWN = 8  # agencies named in one line of the attention block; the rest are on /agencies


def _e(text: object) -> str:
    return html.escape(str(text))


def _url(page: str, params: Mapping[str, str], **extra: str) -> str:
    return _e(f"{page}?{urlencode({**extra, **params})}" if (extra or params) else page)


def _name(row: Mapping, lang: str) -> str:
    return f"{row['code']}. {row['name_en' if lang == 'en' else 'name_vi']}"


def attention_html(groups: Mapping[str, pd.DataFrame], agencies: pd.DataFrame, params: Mapping[str, str],
                   lang: str, period: str = "", limit: int | None = None) -> str:
    """One box per group that has something in it (missed, regressing, too slow, sliding, overdue tasks,
    missing reports), each item a link to its page; a single line when there is nothing to report. With a
    `limit`, a group of targets lists its first `limit` (worst first) and says how many more there are."""
    if not groups:
        return f'<div class="hue57-ok" data-testid="hue57Attention">✔ {_e(t("briefing.nothing", lang))}</div>'
    boxes = []
    for key, rows in groups.items():
        items = []
        if key in ("missed", "regressing", "insufficient", "sliding"):
            status = "met" if key == "sliding" else key
            for row in rows.head(limit).to_dict("records") if limit else rows.to_dict("records"):
                detail = gap_label(row, lang)
                if key == "sliding":
                    detail += " · " + t("briefing.sliding_item", lang, horizon=int(row["horizon"]),
                                        projected=_projected(row, lang))
                items.append(f'<li><a href="{_url("indicator", params, code=row["code"])}" target="_self">'
                             f"{_e(_name(row, lang))}</a> — {_e(detail)}{_owner(row, agencies, lang)}</li>")
            if limit and len(rows) > limit:
                items.append(f'<li>{_e(t("briefing.more_items", lang, n=len(rows) - limit))}</li>')
            title = t(f"briefing.group.{key}", lang, n=len(rows))
            colour = STATUS_COLORS["regressing" if key == "sliding" else status]
            icon = "⚠" if key == "sliding" else STATUS_ICONS[status]
        elif key == "overdue":
            for row in rows.to_dict("records"):
                name = agency_label([row["agency_id"]], agencies, lang)
                items.append(f'<li><a href="{_url("tasks", params, agency=row["agency_id"], task_status="overdue")}" '
                             f'target="_self">{_e(tn("briefing.overdue_item", int(row["count"]), lang, agency=name))}</a></li>')
            tasks = len({no for nos in rows["tasks"] for no in nos})  # a task led jointly counts once
            title, colour, icon = t("briefing.group.overdue", lang, n=tasks), "#D55E00", "✖"
        else:  # reports: not sent, then sent late — each line counted and named, the title counting each apart
            counts = rows["state"].value_counts()
            for state in ("missing", "late"):
                owed = rows[rows["state"] == state]
                if owed.empty:
                    continue
                shown = [agency_label([a], agencies, lang) for a in owed["agency_id"][:NAMES_SHOWN]]
                if len(owed) > NAMES_SHOWN:
                    shown.append(t("briefing.and_more", lang, n=len(owed) - NAMES_SHOWN))
                names = _e(", ".join(shown))
                items.append(f'<li><a href="{_url("agencies", params)}" target="_self">'
                             f'{_e(t(f"briefing.report_state.{state}", lang).capitalize())} ({len(owed)})</a>: {names}</li>')
            in_sentence = period[:1].lower() + period[1:] if lang == "en" else period  # "for the second half of 2026"
            parts = [tn(f"briefing.reports_{state}", int(counts[state]), lang)
                     for state in ("missing", "late") if counts.get(state, 0)]
            title = t("briefing.reports_title", lang, period=in_sentence, counts=" · ".join(parts))
            colour, icon = "#CC79A7", "○"
        boxes.append(f'<section style="--c:{colour}"><h4>{_e(icon)} {_e(title)}</h4><ul>{"".join(items)}</ul></section>')
    return (f'<h3>{_e(t("briefing.attention", lang))}</h3>'
            f'<div class="hue57-attn" data-testid="hue57Attention">{"".join(boxes)}</div>')


def _owner(row: Mapping, agencies: pd.DataFrame | None, lang: str) -> str:
    """'<small class="who">Chủ trì: <the lead agency></small>': who answers for the target ('' when unknown)."""
    ids = row.get("agency_ids")
    if agencies is None or not isinstance(ids, list) or not ids:
        return ""
    return f'<small class="who">{_e(t("briefing.owner", lang, agency=agency_label(ids, agencies, lang)))}</small>'


def _projected(row: Mapping, lang: str) -> str:
    if row["unit"] == "rank":
        return t("metrics.rank.target", lang, n=f"{row['projected_value']:.0f}")
    return fmt_value(row["projected_value"], row["unit"], lang)


def gaps_html(rows: pd.DataFrame, params: Mapping[str, str], lang: str, title: str = "",
              agencies: pd.DataFrame | None = None) -> str:
    """Each target with data as a row: name with status and (given `agencies`) its lead agency, a track on
    the indicator's own scale (bar to the latest value, a solid mark at the target, a dashed mark where the
    required path is now; no bar for a row whose numbers are out of range), the numbers."""
    out = []
    for row in rows.to_dict("records"):
        status = row["status"]
        marks = [] if pd.isna(row["pos_latest"]) else \
            [f'<i class="now" style="width:{100 * row["pos_latest"]:.1f}%;background:{STATUS_COLORS[status]}"></i>']
        if pd.notna(row["pos_target"]):
            marks.append(f'<i class="tgt" style="left:{100 * row["pos_target"]:.1f}%"></i>')
        if pd.notna(row["pos_expected"]):
            marks.append(f'<i class="exp" style="left:{100 * row["pos_expected"]:.1f}%"></i>')
        expected = expected_label(row, lang)
        numbers = _e(gap_label(row, lang)) + (f"<small>{_e(expected)}</small>" if expected else "")
        label = f"{_name(row, lang)}: {latest_text(row, lang)}"
        out.append(f'<a class="hue57-gap" href="{_url("indicator", params, code=row["code"])}" target="_self">'
                   f'<span class="n">{_e(status_label(status, lang))} · {_e(_name(row, lang))}'
                   f'{_owner(row, agencies, lang)}</span>'
                   f'<span class="hue57-track" role="img" aria-label="{_e(label)}">{"".join(marks)}</span>'
                   f'<span class="v">{numbers}</span></a>')
    return (f'<h3>{_e(title or t("briefing.gaps", lang))}</h3><p style="font-size:.85rem;color:rgba(49,51,63,.7);margin:0">'
            f'{_e(t("briefing.scale_caption", lang))}</p><div class="hue57-gaps" data-testid="hue57Gaps">{"".join(out)}</div>')


CHANGES_SHOWN = 5  # changes listed in the first screen; the rest are in the scorecard's values
PHONE_CHANGES = 2  # … and on a phone's first screen


def changes_html(changes: pd.DataFrame, names: Mapping[str, str], units: Mapping[str, str], old: int, new: int,
                 params: Mapping[str, str], lang: str) -> str:
    """Targets whose value or status changed since the previous meeting's snapshot, named, value and status
    old → new: the first `CHANGES_SHOWN` (and how many more), or a sentence saying nothing changed. Short,
    because it stands in the first screen (a phone shows its first two lines)."""
    changed = changes[changes["value_changed"] | changes["status_changed"]]
    title = _e(t("briefing.changes", lang, old=old, new=new))
    if changed.empty:
        return (f'<section class="hue57-changes-box" data-testid="hue57Changes"><h4>{title}</h4>'
                f'<p>{_e(t("briefing.no_changes", lang, old=old, new=new))}</p></section>')
    items = []
    for row in changed.head(CHANGES_SHOWN).to_dict("records"):
        unit = units.get(row["code"], "")

        def value(v, y, unit=unit):
            return "—" if pd.isna(v) else f"{fmt_value(v, unit, lang)} ({int(y)})"

        parts = []
        if row["value_changed"]:
            parts.append(t("briefing.change_value", lang, old=value(row["old_value"], row["old_year"]),
                           new=value(row["new_value"], row["new_year"])))
        if row["status_changed"]:
            old_s = status_label(row["old_status"], lang) if isinstance(row["old_status"], str) else "—"
            new_s = status_label(row["new_status"], lang) if isinstance(row["new_status"], str) else "—"
            parts.append(t("briefing.change_value", lang, old=old_s, new=new_s))
        name = f"{row['code']}. {names.get(row['code'], '')}"
        items.append(f'<li><a href="{_url("indicator", params, code=row["code"])}" target="_self">{_e(name)}</a>'
                     f' ({int(row["horizon"])}): {_e("; ".join(parts))}</li>')
    if len(changed) > CHANGES_SHOWN:
        items.append(f'<li class="more">{_e(tn("briefing.more_changes", len(changed) - CHANGES_SHOWN, lang))}</li>')
    if len(changed) > PHONE_CHANGES:  # a phone shows the first two and says how many more
        items.append(f'<li class="phone-more">{_e(tn("briefing.more_changes", len(changed) - PHONE_CHANGES, lang))}</li>')
    return (f'<section class="hue57-changes-box" data-testid="hue57Changes"><h4>{title}</h4>'
            f'<ul class="hue57-changes">{"".join(items)}</ul></section>')


def no_meeting_html(lang: str) -> str:
    """The changes block when no meeting link was made before this upload: a sentence, never nothing."""
    return (f'<section class="hue57-changes-box" data-testid="hue57Changes"><h4>{_e(t("briefing.changes_short", lang))}</h4>'
            f'<p>{_e(t("briefing.no_meeting", lang))}</p></section>')
