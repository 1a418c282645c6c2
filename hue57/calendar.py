"""Today's date where the plan is followed (the time zone in the plan folder's plan.toml), whatever zone the server
runs in. The zone is read on first use, so a missing or broken plan folder is reported by the command or page that
needs it, never as a traceback while modules load."""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@functools.cache
def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:  # pragma: no cover — no tz database: the plan's zone keeps UTC+7 all year
        return dt.timezone(dt.timedelta(hours=7), name)


def local_tz() -> dt.tzinfo:
    """The plan's time zone (plan.toml `[place] time_zone`)."""
    from hue57.plan_facts import facts  # noqa: PLC0415

    return _zone(facts().time_zone)


def __getattr__(name: str):  # `calendar.LOCAL_TZ`, as before, computed when first asked for
    if name == "LOCAL_TZ":
        return local_tz()
    raise AttributeError(name)


def now(moment: dt.datetime | None = None) -> dt.datetime:
    """The plan's local time (`moment`: an aware datetime, for tests)."""
    return (moment or dt.datetime.now(dt.UTC)).astimezone(local_tz())


def today(moment: dt.datetime | None = None) -> dt.date:
    """Today where the plan is followed: deadlines, overdue tasks, reporting periods and link expiry follow it."""
    return now(moment).date()


def local(utc_naive: dt.datetime) -> dt.datetime:
    """A naive UTC time as the database stores it, in the plan's local time."""
    return utc_naive.replace(tzinfo=dt.UTC).astimezone(local_tz())
