"""Words on screen for share (each key: Vietnamese as the Department writes it, and English)."""

TEXT: dict[str, dict[str, str]] = {}
