"""Read-only meeting links: signed tokens pinned to one upload's snapshot, and what changed since.

A link is `{BASE}/?s=TOKEN`: BASE is the address the analyst's browser used on the share page, or the
CLI's `--base-url`, with `HUE57_BASE_URL` overriding the page and standing in for the CLI's flag
(default http://localhost:8501; see `request_base_url`, `base_url`). The token carries the link
id, the snapshot's upload id, the as-of year, the filters, the language and the expiry date, signed
with itsdangerous (HMAC-SHA256; key: `HUE57_SECRET` when set, else the secret `init` kept in the
database); tokens of the earlier hand-written format keep opening. See `hue57.share._tokens`.
`open_link` verifies the signature in constant time, then the expiry (the plan's local date) and the
link's row (revoked or unknown), and refuses with
`InvalidLink(reason)`, reason one of REASONS, `message(lang)` saying why to the reader. It returns one
`LinkView` (snapshot, year, filters, language, read-only) that the pages and `gaps --share` both show
from; `LinkView.board_filters()` are the filters both pass to the board. Opens are counted in memory
and written in batches (`hue57.share._opens`).

Rule for pages: when the URL has `s`, the page shows ONLY what the verified link says. Upload, year
and filters come from `open_link(...)` (or `shared_page_state(view, st.query_params)`), never from
other query parameters, and the page offers nothing editable. Only the display language may follow
the URL. So nothing outside the signed token can widen what a link shows or grant a right.
"""

from hue57.share._changes import CHANGE_COLUMNS, changes_between, previous_meeting
from hue57.share._links import (
    LinkRefused,
    LinkView,
    SharedLink,
    base_url,
    create_link,
    filters_text,
    is_local,
    list_links,
    open_link,
    request_base_url,
    revoke,
    secret,
    shared_page_state,
    snapshot_for_token,
    token_from_query,
    url_for,
)
from hue57.share._opens import flush as flush_opens
from hue57.share._opens import note_open as count_open
from hue57.share._opens import pending as pending_opens
from hue57.share._qr import png_width, qr_png
from hue57.share._tokens import ALL_HORIZONS, FILTER_KEYS, REASONS, InvalidLink, sign, unsign

__all__ = [
    "ALL_HORIZONS", "CHANGE_COLUMNS", "FILTER_KEYS", "REASONS", "InvalidLink", "LinkRefused",
    "LinkView", "SharedLink", "base_url", "changes_between", "count_open", "create_link", "filters_text", "flush_opens", "is_local",
    "list_links", "open_link", "pending_opens", "png_width", "previous_meeting", "qr_png", "request_base_url", "revoke", "secret",
    "shared_page_state", "sign", "snapshot_for_token", "token_from_query", "unsign", "url_for",
]
