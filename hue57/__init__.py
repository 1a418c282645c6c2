"""hue57 — progress of a city's Resolution-57 plan (its place in data/plan.toml): targets, gaps, tasks, uploads and meeting links."""

__version__ = "0.1.0"
