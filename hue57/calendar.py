"""Today's date where the plan is followed (the time zone in data/plan.toml), whatever zone the server runs in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hue57.plan_facts import facts

_ZONE = facts().time_zone
try:
    LOCAL_TZ: dt.tzinfo = ZoneInfo(_ZONE)
except ZoneInfoNotFoundError:  # pragma: no cover — no tz database: the plan's zone keeps UTC+7 all year
    LOCAL_TZ = dt.timezone(dt.timedelta(hours=7), _ZONE)


def now(moment: dt.datetime | None = None) -> dt.datetime:
    """The plan's local time (`moment`: an aware datetime, for tests)."""
    return (moment or dt.datetime.now(dt.UTC)).astimezone(LOCAL_TZ)


def today(moment: dt.datetime | None = None) -> dt.date:
    """Today where the plan is followed: deadlines, overdue tasks, reporting periods and link expiry follow it."""
    return now(moment).date()


def local(utc_naive: dt.datetime) -> dt.datetime:
    """A naive UTC time as the database stores it, in the plan's local time."""
    return utc_naive.replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ)
