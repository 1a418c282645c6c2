"""hue57 — progress of a plan (its place, reporting calendar and letterhead in its folder's plan.toml): targets, gaps, tasks, uploads and meeting links."""

__version__ = "0.1.0"
