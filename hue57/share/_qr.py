"""A meeting link as a QR code (PNG), so phones in the room open it without typing."""

from __future__ import annotations

import io


def qr_png(url: str, *, scale: int = 6) -> bytes:
    """The QR code of `url` as PNG bytes (error correction M, the standard quiet zone of 4 modules)."""
    import segno  # only the share page draws codes: the CLI never pays for the import

    out = io.BytesIO()
    segno.make_qr(url, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
