"""hue57 — progress of Huế City's Resolution-57 plan: targets, gaps, tasks, uploads and meeting links."""

__version__ = "0.1.0"
