"""Pure-pandas gap method: assess targets against actuals, trajectories, explanations and roll-ups."""

from hue57.i18n._wording import COMPARATOR_SYMBOLS, latest_value_text
from hue57.metrics._assess import COMPARATORS, OUTPUT_COLUMNS, STATUS_ORDER, assess, satisfies
from hue57.metrics._explain import explain
from hue57.metrics._paths import SERIES, paths
from hue57.metrics._progress import allowed_share, own_scale, position, progress
from hue57.metrics._rollup import rollup_by_group, status_counts

__all__ = [
    "COMPARATOR_SYMBOLS",
    "COMPARATORS",
    "OUTPUT_COLUMNS",
    "SERIES",
    "STATUS_ORDER",
    "assess",
    "explain",
    "latest_value_text",
    "paths",
    "allowed_share",
    "own_scale",
    "position",
    "progress",
    "rollup_by_group",
    "satisfies",
    "status_counts",
]
