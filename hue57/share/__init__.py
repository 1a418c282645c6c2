"""Read-only meeting links: signed tokens pinned to one upload's snapshot, and what changed since.

A link is `{HUE57_BASE_URL}/?s=TOKEN` (default base http://localhost:8501). The token carries the link
id, the snapshot's upload id, the as-of year, the filters, the language and the expiry date, signed
with HMAC-SHA256 (key: `HUE57_SECRET` when set, else the secret `init` kept in the database); see
`hue57.share._tokens` for the exact format. `open_link` verifies the signature in constant time, then
the expiry (the plan's local date) and the link's row (revoked or unknown), and refuses with
`InvalidLink(reason)`, reason one of REASONS, `message(lang)` saying why to the reader.

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
    list_links,
    open_link,
    revoke,
    secret,
    shared_page_state,
    snapshot_for_token,
    token_from_query,
    url_for,
)
from hue57.share._tokens import FILTER_KEYS, REASONS, InvalidLink, sign, unsign

__all__ = [
    "CHANGE_COLUMNS", "FILTER_KEYS", "REASONS", "InvalidLink", "LinkRefused", "LinkView", "SharedLink", "base_url",
    "changes_between", "create_link", "filters_text", "list_links", "open_link", "previous_meeting", "revoke", "secret",
    "shared_page_state", "sign", "snapshot_for_token", "token_from_query", "unsign", "url_for",
]
