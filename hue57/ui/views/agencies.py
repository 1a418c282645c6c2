"""The agencies page's card text in the reader's words."""

from __future__ import annotations

import pandas as pd

from hue57 import metrics
from hue57.i18n import fmt_percent, status_label, t


def agency_card_text(card, reporting: pd.DataFrame, lang: str) -> tuple[str, str]:
    """Two short blocks of an agency's card: its targets (by status, which are behind) and its tasks
    (on time and overdue — or "no overdue task" when none is past its deadline —, reports this period);
    lines joined as markdown line breaks."""
    targets = [f"**{t('agencies.targets', lang, n=card.targets)}**",
               " · ".join(f"{status_label(s, lang)}: {getattr(card, 't_' + s)}"
                          for s in metrics.STATUS_ORDER if getattr(card, "t_" + s)) or t("none", lang)]
    if card.behind_codes:
        targets.append(t("agencies.behind_targets", lang, codes=", ".join(card.behind_codes)))
    work = [f"**{t('agencies.tasks', lang, n=card.tasks)}**"]
    if card.tasks and not card.overdue_tasks:  # nothing past its deadline: say so, not "0/3 on time (0%)"
        work.append(t("agencies.no_overdue", lang))
    elif card.tasks:
        work.append(t("agencies.on_time", lang, on_time=card.judged - card.late, judged=card.judged,
                      pct=fmt_percent(card.on_time_pct, lang, 0)))
    if card.overdue_tasks:
        work.append(t("agencies.overdue", lang, n=len(card.overdue_tasks), tasks=", ".join(map(str, card.overdue_tasks))))
    if card.agency_id in reporting.index and reporting.at[card.agency_id, "expected"]:
        owed = reporting.loc[card.agency_id]
        work.append(t("agencies.reports", lang, reported=owed["reported"], expected=owed["expected"],
                      missing=", ".join(map(str, owed["missing"])) or t("none", lang)))
    return "  \n".join(targets), "  \n".join(work)
