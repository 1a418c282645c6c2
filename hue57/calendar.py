"""Today's date where the plan is followed: Huế (UTC+7), whatever time zone the server runs in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    HUE_TZ: dt.tzinfo = ZoneInfo("Asia/Ho_Chi_Minh")
except ZoneInfoNotFoundError:  # pragma: no cover — no tz database: Viet Nam keeps UTC+7 all year
    HUE_TZ = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")


def now(moment: dt.datetime | None = None) -> dt.datetime:
    """The local time in Huế (`moment`: an aware datetime, for tests)."""
    return (moment or dt.datetime.now(dt.UTC)).astimezone(HUE_TZ)


def today(moment: dt.datetime | None = None) -> dt.date:
    """Today in Huế: deadlines, overdue tasks, reporting periods and link expiry follow the local date."""
    return now(moment).date()


def local(utc_naive: dt.datetime) -> dt.datetime:
    """A naive UTC time as the database stores it, in Huế time."""
    return utc_naive.replace(tzinfo=dt.UTC).astimezone(HUE_TZ)
