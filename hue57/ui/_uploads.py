"""Streamlit's own upload endpoint keeps a file only for a session with a signed-in analyst or agency.

Streamlit stores every PUT to `/_stcore/upload_file/SESSION/FILE` in memory for the session's life, before
any page code runs, so a browser that never signed in could fill the server's memory with raw PUTs
(`server.maxUploadSize`, 8 MB in .streamlit/config.toml, bounds each one). `guard_uploads()` wraps the
runtime's uploaded-file manager once: a file sent from a session whose state holds no analyst or agency
is dropped at once (the PUT still answers 204, as for any file; the page's uploader shows nothing).
It is installed by the first script run of the server (dashboard.py), before any session can be signed in.
"""

from __future__ import annotations

SIGNED_IN_ROLES = ("analyst", "agency")


def signed_in(state) -> bool:
    """Whether a session state (Streamlit's, or any mapping) holds a signed-in analyst or agency: the context
    its last page run found (`hue57_ctx`, set by dashboard.py after the session was checked)."""
    try:
        ctx = state["hue57_ctx"]
        return bool(ctx.user) and ctx.role in SIGNED_IN_ROLES
    except (KeyError, TypeError, AttributeError):
        return False


def guard_uploads() -> bool:
    """Wrap the running server's uploaded-file manager (once); False when there is no server (AppTest, CLI)."""
    from streamlit import runtime  # noqa: PLC0415

    if not runtime.exists():
        return False
    instance = runtime.get_instance()
    manager = instance.uploaded_file_mgr
    if getattr(manager, "_hue57_guarded", False):
        return True
    keep = manager.add_file

    def add_file(session_id: str, file) -> None:
        info = instance._session_mgr.get_active_session_info(session_id)
        if info is not None and signed_in(info.session.session_state):
            keep(session_id, file)

    manager.add_file = add_file
    manager._hue57_guarded = True
    return True
