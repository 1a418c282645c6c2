COPY actuals FROM '{dir}/actuals.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('upload_id', 'code', 'year', 'deleted'), quote '"', delimiter ',', header 1);
COPY agencies FROM '{dir}/agencies.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('name_vi', 'agency_id'), quote '"', delimiter ',', header 1);
COPY meta FROM '{dir}/meta.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null 'key', quote '"', delimiter ',', header 1);
COPY share_links FROM '{dir}/share_links.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('created_at', 'by', 'upload_id', 'expires', 'revoked', 'opened', 'id'), quote '"', delimiter ',', header 1);
COPY targets FROM '{dir}/targets.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('indicator', 'horizon', 'name_vi', 'name_en', 'unit', 'comparator', 'text_vi', 'ord', 'code'), quote '"', delimiter ',', header 1);
COPY tasks FROM '{dir}/tasks.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('group', 'title_vi', 'no'), quote '"', delimiter ',', header 1);
COPY task_progress FROM '{dir}/task_progress.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('upload_id', 'task_no', 'period', 'deleted'), quote '"', delimiter ',', header 1);
COPY uploads FROM '{dir}/uploads.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('at', 'by', 'kind', 'rows_total', 'rows_new', 'rows_changed', 'rows_unchanged', 'status', 'dry_run', 'id'), quote '"', delimiter ',', header 1);
COPY users FROM '{dir}/users.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('role', 'salt', 'pw_hash', 'failed', 'created_at', 'name'), quote '"', delimiter ',', header 1);
