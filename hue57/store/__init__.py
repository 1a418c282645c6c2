"""The one module that owns the DuckDB file: schema, loading the plan folder, reads and writes.

See `hue57.store._connect` for the connection policy (short-lived connections, read-only reads,
one writer at a time, wait-and-retry on the file lock).
"""

from hue57.store._backup import BackupRefused, BackupResult, backup, read_manifest, restore
from hue57.store._connect import (
    DEFAULT_DB,
    DatabaseBusy,
    DatabaseMissing,
    StoreError,
    connect,
    db_path,
)
from hue57.store._documents import REPORT_COLUMNS, built_documents, document_file, insert_document
from hue57.store._load import InitResult, PlanMismatch, check_plan, init, recorded_plan
from hue57.store._migrate import DatabaseNewer, ensure_current, schema_version
from hue57.store._plan import (
    DATA_DIR,
    plan_dir,
    read_plan_actuals,
    read_plan_agencies,
    read_plan_targets,
    read_plan_tasks,
)
from hue57.store._read import (
    Snapshot,
    actuals_history,
    current_actuals,
    current_progress,
    current_values,
    latest_upload_id,
    load,
    meta_value,
    progress_history,
    undoable_uploads,
    uploads,
)
from hue57.store._schema import SCHEMA_VERSION
from hue57.store._share import (
    SHARE_LINK_COLUMNS,
    UnknownUpload,
    count_share_open,
    insert_share_link,
    revoke_share_link,
    share_link,
    share_links,
)
from hue57.store._users import attempt_counts, get_user, insert_user, list_users, login_attempts, record_attempt
from hue57.store._write import (
    CommitResult,
    RevertPlan,
    RevertRefused,
    UploadRecord,
    classify,
    commit_upload,
    preview,
    revert,
    revert_plan,
)

__all__ = [
    "REPORT_COLUMNS", "built_documents", "insert_document", "document_file",
    "DatabaseNewer", "SCHEMA_VERSION", "ensure_current", "schema_version",
    "BackupRefused", "BackupResult", "backup", "read_manifest", "restore",
    "attempt_counts", "get_user", "insert_user", "list_users", "login_attempts", "record_attempt",
    "SHARE_LINK_COLUMNS", "UnknownUpload", "count_share_open", "insert_share_link", "revoke_share_link",
    "share_link", "share_links",
    "PlanMismatch", "check_plan", "plan_dir", "recorded_plan",
    "DATA_DIR", "DEFAULT_DB", "DatabaseBusy", "DatabaseMissing", "InitResult", "Snapshot", "StoreError",
    "CommitResult", "RevertPlan", "RevertRefused", "UploadRecord", "actuals_history", "classify",
    "commit_upload", "connect", "current_actuals", "current_progress", "current_values",
    "db_path", "init", "latest_upload_id", "load", "meta_value", "read_plan_actuals", "read_plan_agencies",
    "preview", "progress_history", "read_plan_targets", "read_plan_tasks", "revert", "revert_plan",
    "undoable_uploads", "uploads",
]
