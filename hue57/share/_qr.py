"""A meeting link as a QR code (PNG), so phones in the room open it without typing."""

from __future__ import annotations

import io

TARGET_PIXELS = 300  # about 6 cm on a laptop screen: a phone reads it from across a table


def qr_png(url: str, *, scale: int | None = None) -> bytes:
    """The QR code of `url` as PNG bytes (error correction M, the standard quiet zone of 4 modules), each
    module a whole number of pixels (`scale`, default: the largest that keeps it near TARGET_PIXELS): a
    code drawn at its own size, never resampled, stays sharp for a phone's camera."""
    import segno  # only the share page draws codes: the CLI never pays for the import

    code = segno.make_qr(url, error="m")
    if scale is None:
        scale = max(2, TARGET_PIXELS // code.symbol_size(scale=1, border=4)[0])
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def png_width(png: bytes) -> int:
    """The width in pixels of a PNG (from its IHDR chunk), to draw it at its own size."""
    return int.from_bytes(png[16:20], "big")
