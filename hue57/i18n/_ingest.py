"""Words on screen for ingest (each key: Vietnamese as the Department writes it, and English)."""

TEXT: dict[str, dict[str, str]] = {}
