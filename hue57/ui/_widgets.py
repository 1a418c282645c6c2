"""Small pieces every page uses: the data-as-of line, and errors turned into messages."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from hue57 import calendar, ingest, reporting, share, store
from hue57.i18n import (
    agency_label,
    fmt_date,
    fmt_datetime,
    fmt_number,
    normalise_lang,
    plan_text,
    t,
    target_name,
    task_status_label,
    who_label,
)
from hue57.plan_facts import PlanFileError
from hue57.ui import _briefing, _static
from hue57.ui._context import Context, context
from hue57.ui._data import links, meeting_changes, schema_ready
from hue57.ui._login import login_form
from hue57.ui._memory import freeze_long_lived
from hue57.ui.views import overview as overview_view
from hue57.ui.views import tasks as tasks_view

log = logging.getLogger("hue57")


def start() -> Context:
    """The request context for `dashboard.py`; if even that needs the database and it fails (a meeting
    link checked against a missing or busy file), say so in the reader's language and stop the page."""
    freeze_long_lived()  # keeps Streamlit's collection after this run cheap (see hue57.ui._memory)
    fallback = Context(lang=normalise_lang(st.query_params.get("lang", "vi")))
    with friendly_errors(fallback):
        schema_ready()
        return context()
    st.stop()


def current() -> Context:
    """The context `dashboard.py` built for this run (pages never parse the URL themselves)."""
    return st.session_state.get("hue57_ctx") or context()


def data_as_of(snap: store.Snapshot, ctx: Context, view: Sequence[tuple[str, object]] = ()) -> None:
    """Which upload the page shows, then the view it is filtered to ('Năm đánh giá: 2026 · …')."""
    when = fmt_date(calendar.local(snap.uploaded_at.to_pydatetime()) if snap.uploaded_at is not None else None,
                    ctx.lang)
    line = t("overview.data_as_of", ctx.lang, upload=snap.upload_id, date=when)
    if view:
        line += " " + " · ".join(f"{label}: {value}" for label, value in view)
    st.caption(line)


@contextlib.contextmanager
def friendly_errors(ctx: Context):
    """Run a page; a store problem or a bug becomes a message in the user's language, never a traceback."""
    try:
        yield
    except store.DatabaseMissing:
        st.error(t("error.db_missing_page", ctx.lang))  # the file's path is for administrators, not readers
    except store.DatabaseBusy:
        st.warning(t("error.db_busy", ctx.lang))
    except store.DatabaseNewer as exc:
        st.error(t("error.db_newer", ctx.lang, found=exc.found, supported=exc.supported))
    except store.PlanMismatch as exc:
        st.error(t("plan.mismatch_page", ctx.lang, found=exc.found, wanted=exc.wanted))
    except PlanFileError:
        log.exception("plan folder unusable")
        st.error(t("plan.folder_broken_page", ctx.lang))
    except Exception:  # a bug: log it for us, show the user what to do
        log.exception("page failed")
        st.error(t("error.unexpected", ctx.lang))


def refuse_link(ctx: Context) -> None:
    """A meeting link that must not open: say why and what to do; show nothing else."""
    st.title(t("share.refused_title", ctx.lang))
    st.error(share.InvalidLink(ctx.refusal or "malformed").message(ctx.lang))


def read_only_banner(ctx: Context) -> None:
    """On a meeting link: 'Chỉ xem' with the snapshot date and upload number, on every page."""
    if ctx.role != "shared" or ctx.link is None:
        return
    uploaded = calendar.local(ctx.link.uploaded_at.to_pydatetime()) if ctx.link.uploaded_at is not None else None
    st.info(t("share.banner", ctx.lang, upload=ctx.link.upload_id, date=fmt_date(uploaded, ctx.lang),
              expires=fmt_date(ctx.link.expires, ctx.lang)), icon=":material/visibility:")


def require_analyst(ctx: Context) -> bool:
    """True for a signed-in analyst. A meeting link gets a refusal; an agency account a refusal that is
    logged; a viewer gets the login form."""
    if ctx.role == "analyst":
        return True
    if ctx.shared:
        st.error(t("auth.refused_shared", ctx.lang))
        return False
    if ctx.role == "agency":
        refused = reporting.refuse_request(store.db_path(), "role", by=ctx.user, agency_id=ctx.agency_id)
        st.error(refused.message(ctx.lang))
        return False
    login_form(ctx)
    return False


def require_reporter(ctx: Context) -> bool:
    """True for a signed-in analyst or agency account (the /report page). A meeting link is refused; a
    viewer gets the login form."""
    if ctx.role in ("analyst", "agency"):
        return True
    if ctx.shared:
        st.error(t("report.refused.shared", ctx.lang))
        return False
    login_form(ctx)
    return False


def task_detail(row, history: pd.DataFrame, agencies: pd.DataFrame, ctx: Context) -> None:
    """One task: the plan's fields, its status today, and every progress report with its upload."""
    lang = ctx.lang
    st.markdown(f"**{plan_text(row, 'title_vi', lang)}**")
    left, right = st.columns(2)
    left.markdown(f"{t('tasks.col.lead', lang)}: {row['lead_agency'] or '—'}")
    left.markdown(f"{t('tasks.col.lead_current', lang)}: {agency_label(row['lead_current'], agencies, lang)}")
    left.markdown(f"{t('tasks.col.coordinating', lang)}: {row['coordinating'] or '—'}")
    right.markdown(f"{t('tasks.col.output', lang)}: {plan_text(row, 'output', lang) or '—'}")
    right.markdown(f"{t('tasks.col.deadline', lang)}: {plan_text(row, 'deadline_text', lang) or '—'}")
    if lang == "en":
        st.caption(t("gloss.unofficial", lang))
    right.markdown(f"{t('tasks.col.status', lang)}: {task_status_label(row['status'], lang)}")
    if history.empty:
        st.caption(t("tasks.detail.no_reports", lang))
        return
    _static.table(tasks_view.progress_listing(history, lang), wide=[t("tasks.col.note", lang), t("tasks.col.evidence", lang)])


def text_table(frame: pd.DataFrame, lang: str | None = None) -> None:
    """A table whose long texts wrap and show whole (an error's message, a file's cell). st.table reads
    Markdown, so every cell is escaped: uploaded text shows exactly as written and never becomes a link,
    an image or formatting. Missing values show as nothing, never as "None"; numbers as the locale writes
    them ('40', not '40.0'; '12,5'); no rows: a sentence, not the grid's "empty"."""
    lang = lang or current().lang
    if frame.empty:
        st.caption(t("screen.table.none", lang))
        return
    shown = frame.astype(object).where(frame.notna(), "")
    st.table(shown.map(lambda v: plain(cell_text(v, lang)) if v != "" else ""), hide_index=True)


def cell_text(value: object, lang: str) -> str:
    """A table cell's text: a whole number without '.0' and without grouping (a year, a row, a count up to
    9999 reads as written: 2026, 40), other numbers through the locale formatter ('12,5' / '12.5')."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or pd.isna(value):
        return str(value)
    number = float(value)
    if number.is_integer() and abs(number) < 10_000:
        return str(int(number))
    return fmt_number(number, lang, 2)


def grid(frame: pd.DataFrame, lang: str, **options) -> None:
    """st.dataframe for a frame that may have no rows: a sentence then, not the grid's "empty"."""
    if frame.empty:
        st.caption(t("screen.table.none", lang))
    else:
        st.dataframe(frame, hide_index=True, width="stretch", placeholder="", **options)


def agency_names(agencies: pd.DataFrame, lang: str) -> dict[str, str]:
    """agency_id → the name a reader knows (short Vietnamese, or English)."""
    return dict(zip(agencies["agency_id"], agencies["name_en" if lang == "en" else "short_vi"], strict=True))


def account_names(db) -> set[str]:
    """The accounts' names: who may be shown as a person (others read "dòng lệnh")."""
    return set(store.list_users(db)["name"])


def _css_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def screen_words(lang: str) -> None:
    """Once per page: Streamlit's own words in the reader's language (the file picker's "Upload", "Drag and drop
    …", "200MB per file"; an empty table's "empty"), and buttons whose labels wrap instead of being cut ('Tải mẫu
    tiến độ nhiệm vụ …'). CSS replaces the words (Streamlit has no setting for them); tests/e2e checks them."""
    from hue57.ingest._bounds import MAX_BYTES  # noqa: PLC0415

    size = f"{fmt_number(MAX_BYTES / 1024 / 1024, lang, 1)} MB"
    zone = "[data-testid=stFileUploaderDropzone]"
    words = {"button": _css_text(t("screen.picker.button", lang)), "drop": _css_text(t("screen.picker.drop", lang)),
             "limit": _css_text(t("screen.picker.limit", lang, size=size)),
             "none": _css_text(t("screen.table.none", lang))}
    hide = "font-size:0!important;visibility:hidden"  # hidden from sight and from the page's text (innerText)
    show = "visibility:visible;font-size:{}"
    st.html(f"""<style>
{zone} button [data-testid=stMarkdownContainer] p{{{hide}}}
{zone} button [data-testid=stMarkdownContainer] p::after{{content:{words['button']};{show.format('1rem')}}}
{zone} > div:not([data-testid]) span{{{hide}}}
{zone} > div:not([data-testid]) span::after{{content:{words['drop']};{show.format('1rem')}}}
[data-testid=stFileUploaderDropzoneInstructions] span{{{hide}}}
[data-testid=stFileUploaderDropzoneInstructions] span::after{{content:{words['limit']};{show.format('.875rem')}}}
[data-testid=stTableStyledEmptyTableCell]{{{hide}}}
[data-testid=stTableStyledEmptyTableCell]::after{{content:{words['none']};{show.format('.875rem')}}}
[data-testid^=stBaseButton] {{height:auto}}
[data-testid^=stBaseButton] [data-testid=stMarkdownContainer] p{{white-space:normal;overflow:visible;text-overflow:clip}}
</style>""")


def upload_problems(outcome, ctx: Context) -> None:
    """An upload's errors: the first 200 in file order with their whole messages, then how many more of
    each kind when there are more."""
    text_table(ingest.error_table(outcome, ctx.lang))
    if more := ingest.more_errors(outcome, ctx.lang):
        st.warning(plain(more))
        text_table(ingest.error_kinds_table(outcome, ctx.lang))


def chart(spec_chart) -> None:
    """Draw an Altair chart full width. Our builders are tested, so the spec skips Altair's JSON-schema
    validation, which costs more than everything else on a 2,000-target page."""
    st.vega_lite_chart(spec_chart.to_dict(validate=False), width="stretch")


def undo_form(db, history: pd.DataFrame, ctx: Context) -> None:
    """Undo an upload by a new upload: only uploads that can still be undone are offered, and the analyst
    is asked once more (naming the upload) before anything is written."""
    undoable = store.undoable_uploads(history)
    if not undoable:
        return
    rows = history[history["id"].notna()].assign(id=lambda f: f["id"].astype(int)).set_index("id")

    from hue57.ui.views.upload import file_label  # noqa: PLC0415

    accounts = account_names(db)

    def label(i: int) -> str:
        row = rows.loc[i]
        return t("upload.undo_item", ctx.lang, id=i, filename=file_label(row["filename"], row["kind"], ctx.lang),
                 by=who_label(row["by"], accounts, ctx.lang),
                 at=fmt_datetime(calendar.local(pd.Timestamp(row["at"]).to_pydatetime()), ctx.lang))

    pending = st.session_state.get("undo_pending")
    if pending is None or pending[0] not in undoable:
        with st.form("undo"):
            upload_id = st.selectbox(t("upload.undo_which", ctx.lang), undoable, format_func=label)
            force = st.checkbox(t("upload.undo_force", ctx.lang))
            if st.form_submit_button(t("upload.undo", ctx.lang)):
                st.session_state["undo_pending"] = (int(upload_id), bool(force))
                st.rerun()
        return
    upload_id, force = pending
    st.warning(t("upload.undo_ask", ctx.lang, item=label(upload_id)))
    yes, no, _ = st.columns([1, 1, 2])
    if no.button(t("upload.undo_cancel", ctx.lang)):
        del st.session_state["undo_pending"]
        st.rerun()
    if not yes.button(t("upload.undo_yes", ctx.lang, id=upload_id), type="primary"):
        return
    del st.session_state["undo_pending"]
    try:
        result = store.revert(db, int(upload_id), ctx.user, force=force)
    except store.RevertRefused as exc:
        later = ", ".join(f"#{i}" for i in sorted(exc.conflicts["upload_id"].unique())) if len(exc.conflicts) else ""
        st.error(t(f"upload.undo_refused.{exc.reason}", ctx.lang, id=upload_id, later=later))
        return
    st.session_state["upload_message"] = (
        t("ingest.revert.done", ctx.lang, target=upload_id, id=result.upload_id, changed=result.written)
        if result.status == "committed" else t("ingest.revert.nothing", ctx.lang, target=upload_id))
    st.rerun()


def changes_table(changes: pd.DataFrame, targets: pd.DataFrame, ctx: Context) -> None:
    table = overview_view.changes_listing(changes, targets, ctx.lang)
    if table.empty:
        st.caption(t("share.changes.none", ctx.lang))
    else:
        st.dataframe(table, hide_index=True, width="stretch", placeholder="")


def changes_since_previous_meeting(snap: store.Snapshot, year: int, ctx: Context) -> str:
    """The overview's 'changes since the previous meeting' as HTML: each target named, its value and status old → new,
    or a sentence when nothing changed or no meeting link was made before this upload."""
    previous = share.previous_meeting(links(), snap.upload_id)
    if previous is None:
        return _briefing.no_meeting_html(ctx.lang)
    changes = meeting_changes(previous, snap.upload_id, year)
    targets = snap.targets.drop_duplicates("code")
    names = dict(zip(targets["code"], target_name(targets, ctx.lang), strict=True))
    units = dict(zip(targets["code"], targets["unit"], strict=True))
    return _briefing.changes_html(changes, names, units, previous, snap.upload_id, ctx.link_params(), ctx.lang)


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|~<>$:=")


def plain(text: str) -> str:
    """Text that Streamlit's markdown shows exactly as written: for messages that quote a file name or
    other uploaded text (st.error, st.info and st.success render markdown)."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in str(text))
