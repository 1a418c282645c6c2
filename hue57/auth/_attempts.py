"""Sign-in attempts as the analysts read them: local time, results in words."""

from __future__ import annotations

import os

import pandas as pd

from hue57 import calendar
from hue57.i18n import fmt_datetime, normalise_lang, t
from hue57.store._users import login_attempts


def attempts_table(db: str | os.PathLike | None, lang: str = "vi", *, limit: int = 200) -> pd.DataFrame:
    """The newest `limit` attempts: when (local time), name as typed, address, result."""
    lang = normalise_lang(lang)
    frame = login_attempts(db, limit=limit)
    return pd.DataFrame({
        t("auth.col.at", lang): [fmt_datetime(calendar.local(a.to_pydatetime()), lang) for a in frame["at"]],
        t("auth.col.name", lang): frame["name"].astype(str).to_numpy(),
        t("auth.col.client", lang): frame["client"].astype(str).to_numpy(),
        t("auth.col.result", lang): [t(f"auth.result.{r}", lang) for r in frame["result"]],
    })
