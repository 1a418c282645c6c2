"""The DuckDB schema: the plan tables, append-only actuals and progress, uploads, users, share links, reports."""

SCHEMA_VERSION = 4

CHECKS_DDL = """
-- Valid upload attempts that wrote no data (a dry run, or a file equal to the current figures): kept
-- for the history without using up an upload number.
CREATE TABLE IF NOT EXISTS upload_checks (
    "at" TIMESTAMP NOT NULL, "by" VARCHAR NOT NULL, filename VARCHAR, sha256 VARCHAR, kind VARCHAR NOT NULL,
    rows_total INTEGER NOT NULL, rows_new INTEGER NOT NULL, rows_changed INTEGER NOT NULL,
    rows_unchanged INTEGER NOT NULL, status VARCHAR NOT NULL, reverts INTEGER
);
"""

REPORTS_DDL = """
-- Each compiled six-monthly Word report: who built it, when (naive UTC), for which period, snapshot
-- (upload) and date, in which language, the analyst's proposals (section IV) and the file itself.
CREATE TABLE IF NOT EXISTS reports_built (
    id INTEGER PRIMARY KEY, built_at TIMESTAMP NOT NULL, "by" VARCHAR NOT NULL, period VARCHAR NOT NULL,
    upload_id INTEGER NOT NULL, as_of DATE NOT NULL, lang VARCHAR NOT NULL, filename VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL, size INTEGER NOT NULL, proposals VARCHAR, content BLOB NOT NULL
);
"""

ACCOUNTS_DDL = """
-- Signed-in sessions (schema 4). The browser holds a random token in a signed HttpOnly cookie; only its
-- SHA-256 is kept here. A session ends at `expires` (sliding: last_seen + session_hours, never past
-- created_at + 30 days), at sign-out, at a password change and when its account is disabled (`ended_at`).
CREATE TABLE IF NOT EXISTS sessions (
    token_hash VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL, expires TIMESTAMP NOT NULL, client VARCHAR, ended_at TIMESTAMP,
    ended_why VARCHAR  -- sign_out | password | disabled | expired
);

-- One-time tokens (schema 4), stored as SHA-256 only: `set_password` opens /password?t=… (a new account or a
-- reset; expires, single use), `sign_in` hands a fresh session from the sign-in form to the cookie route
-- (seconds, single use). A newer set_password token for an account cancels its unused older ones.
CREATE TABLE IF NOT EXISTS account_tokens (
    token_hash VARCHAR PRIMARY KEY, purpose VARCHAR NOT NULL, name VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, created_by VARCHAR NOT NULL, expires TIMESTAMP NOT NULL, used_at TIMESTAMP,
    next_path VARCHAR,  -- for sign_in: the page the browser goes to with its cookie
    session_hash VARCHAR  -- for sign_in: the session the form opened, replaced by the cookie's own
);

-- Every change to an account (schema 4): who, when, from where, what (create, reset, disable, enable, bind,
-- email, password, password_set).
CREATE TABLE IF NOT EXISTS account_changes (
    "at" TIMESTAMP NOT NULL, "by" VARCHAR NOT NULL, client VARCHAR, name VARCHAR NOT NULL,
    action VARCHAR NOT NULL, detail VARCHAR
);
"""

REMINDERS_DDL = """
-- Each reminder e-mail about an agency's six-monthly report, once per agency, period and kind
-- ('before_7', 'before_1' … days before the due date, 'late' after it): a daily cron job sends each once.
CREATE TABLE IF NOT EXISTS reminders_sent (
    agency_id VARCHAR NOT NULL, period VARCHAR NOT NULL, kind VARCHAR NOT NULL, sent_at TIMESTAMP NOT NULL,
    "by" VARCHAR NOT NULL, recipients VARCHAR NOT NULL, subject VARCHAR NOT NULL,
    PRIMARY KEY (agency_id, period, kind)
);
"""

DDL = CHECKS_DDL + REPORTS_DDL + ACCOUNTS_DDL + REMINDERS_DDL + """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS targets (
    code VARCHAR PRIMARY KEY, parent VARCHAR, indicator VARCHAR NOT NULL, horizon INTEGER NOT NULL,
    name_vi VARCHAR NOT NULL, name_en VARCHAR NOT NULL, unit VARCHAR NOT NULL, unit_vi VARCHAR,
    comparator VARCHAR NOT NULL, value DOUBLE, value_hi DOUBLE, relative_to INTEGER,
    agency VARCHAR, text_vi VARCHAR NOT NULL, ord INTEGER NOT NULL,
    text_en VARCHAR  -- an unofficial English gloss; the Vietnamese is the authority
);

CREATE TABLE IF NOT EXISTS tasks (
    no INTEGER PRIMARY KEY, "group" INTEGER NOT NULL, group_title_vi VARCHAR, title_vi VARCHAR NOT NULL,
    lead_agency VARCHAR, coordinating VARCHAR, output VARCHAR, deadline_text VARCHAR,
    group_title_en VARCHAR, title_en VARCHAR, output_en VARCHAR, deadline_en VARCHAR  -- unofficial glosses
);

CREATE TABLE IF NOT EXISTS agencies (
    agency_id VARCHAR PRIMARY KEY, name_vi VARCHAR NOT NULL, short_vi VARCHAR, name_en VARCHAR,
    aliases VARCHAR, current_id VARCHAR, merger_basis VARCHAR
);

-- One row per upload that wrote data (ids consecutive, the numbers analysts and meeting links use);
-- databases from before upload_checks also hold no-ops and dry runs here.
CREATE TABLE IF NOT EXISTS uploads (
    id INTEGER PRIMARY KEY, "at" TIMESTAMP NOT NULL, "by" VARCHAR NOT NULL, filename VARCHAR,
    sha256 VARCHAR, kind VARCHAR NOT NULL, rows_total INTEGER NOT NULL, rows_new INTEGER NOT NULL,
    rows_changed INTEGER NOT NULL, rows_unchanged INTEGER NOT NULL, status VARCHAR NOT NULL,
    dry_run BOOLEAN NOT NULL, reverts INTEGER
);

-- Append-only: a cell (code, year) is the row of its newest upload; `deleted` marks an undone cell.
CREATE TABLE IF NOT EXISTS actuals (
    upload_id INTEGER NOT NULL, code VARCHAR NOT NULL, year INTEGER NOT NULL, value DOUBLE,
    status VARCHAR, source VARCHAR, note VARCHAR, deleted BOOLEAN NOT NULL DEFAULT false,
    basis INTEGER,  -- a rank's field: how many were ranked (63 provinces before the 2025 merger, 34 after)
    band VARCHAR  -- a rank published as a band ('351–400', '1401+'): `value` holds its best place
);

CREATE TABLE IF NOT EXISTS task_progress (
    upload_id INTEGER NOT NULL, task_no INTEGER NOT NULL, period VARCHAR NOT NULL, status VARCHAR,
    progress_pct DOUBLE, note VARCHAR, evidence VARCHAR, deleted BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS users (
    name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, salt VARCHAR NOT NULL, pw_hash VARCHAR NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0, locked_until TIMESTAMP, created_at TIMESTAMP NOT NULL,
    agency_id VARCHAR,  -- an agency account's body (data/agencies.csv, a current one); NULL for other roles
    email VARCHAR,  -- where reminders and one-time links go (schema 4)
    password_set_at TIMESTAMP,  -- NULL: the account waits for its one-time link (no usable password yet)
    disabled_at TIMESTAMP,  -- set: the account may not sign in, and its sessions are ended
    last_sign_in TIMESTAMP
);
-- users.failed and users.locked_until are no longer written: sign-in throttling reads login_attempts.

-- Every sign-in attempt, successful or not (result: success, wrong_password, unknown_name, role_refused,
-- throttled); `client` is the browser's address, or 'cli' / 'unknown'.
CREATE TABLE IF NOT EXISTS login_attempts (
    "at" TIMESTAMP NOT NULL, name VARCHAR NOT NULL, client VARCHAR NOT NULL, result VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS share_links (
    id INTEGER PRIMARY KEY, created_at TIMESTAMP NOT NULL, "by" VARCHAR NOT NULL, upload_id INTEGER NOT NULL,
    as_of_year INTEGER, filters VARCHAR, lang VARCHAR, expires DATE NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT false, revoked_at TIMESTAMP, revoked_by VARCHAR,
    opened INTEGER NOT NULL DEFAULT 0
);

-- An agency's six-monthly report (one per agency and period): its form rows as JSON while it is a draft or
-- awaits review; state draft → submitted → returned → submitted … → accepted. On acceptance every row lands as
-- upload `upload_id` in the same transaction that marks it accepted.
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY, agency_id VARCHAR NOT NULL, period VARCHAR NOT NULL, state VARCHAR NOT NULL,
    "by" VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,
    first_submitted_at TIMESTAMP, submitted_at TIMESTAMP, reviewed_by VARCHAR, reviewed_at TIMESTAMP,
    comment VARCHAR, upload_id INTEGER, tasks_json VARCHAR, actuals_json VARCHAR,
    UNIQUE (agency_id, period)
);

-- Every step of every report, and every refused request (action 'refused', detail says what was asked).
CREATE TABLE IF NOT EXISTS report_events (
    "at" TIMESTAMP NOT NULL, "by" VARCHAR NOT NULL, agency_id VARCHAR, period VARCHAR, submission_id INTEGER,
    action VARCHAR NOT NULL, detail VARCHAR
);
"""
