"""Words for accounts, signing in, sign-in records, and backups (Vietnamese as the Department writes it, and English)."""

TEXT: dict[str, dict[str, str]] = {
    # --- accounts ------------------------------------------------------------------------------------------------
    "auth.role.analyst": {"vi": "Chuyên viên cập nhật số liệu", "en": "Analyst"},
    "auth.role.viewer": {"vi": "Chỉ xem", "en": "Viewer"},
    "auth.user.added": {
        "vi": "Đã tạo người dùng «{name}» ({role}).",
        "en": "Created user “{name}” ({role})."},
    "auth.user.exists": {
        "vi": "Người dùng «{name}» đã có. Hãy chọn tên khác.",
        "en": "User “{name}” already exists. Choose another name."},
    "auth.user.bad_name": {
        "vi": "Tên người dùng «{name}» không hợp lệ: cần 1–64 ký tự, không có ký tự điều khiển.",
        "en": "User name “{name}” is not valid: use 1–64 characters, no control characters."},
    "auth.user.bad_role": {
        "vi": "Vai trò «{role}» không hợp lệ. Hãy chọn analyst (cập nhật số liệu) hoặc viewer (chỉ xem).",
        "en": "Role “{role}” is not valid. Choose analyst or viewer."},
    "auth.user.password_short": {
        "vi": "Mật khẩu cần ít nhất {min} ký tự.",
        "en": "The password needs at least {min} characters."},
    "auth.user.password_mismatch": {
        "vi": "Hai lần nhập mật khẩu không khớp. Hãy thử lại.",
        "en": "The two passwords do not match. Try again."},
    "auth.user.password_prompt": {"vi": "Mật khẩu cho {name}: ", "en": "Password for {name}: "},
    "auth.user.password_again": {"vi": "Nhập lại mật khẩu: ", "en": "Repeat the password: "},
    # --- signing in ----------------------------------------------------------------------------------------
    "auth.refused": {
        "vi": "Không đăng nhập được: tên đăng nhập hoặc mật khẩu không đúng, tài khoản không có quyền dùng trang này, "
              "hoặc đã thử quá nhiều lần. Hãy kiểm tra lại rồi thử sau ít phút.",
        "en": "Sign-in refused: the user name or password is wrong, the account may not use this page, or there "
              "have been too many attempts. Check and try again in a few minutes."},
    "auth.attempts": {"vi": "Lượt đăng nhập gần đây", "en": "Recent sign-in attempts"},
    "auth.attempts.caption": {
        "vi": "Mọi lần đăng nhập (thành công hay không), giờ {place}; địa chỉ là máy gửi yêu cầu. Nhiều lần bị từ chối từ "
              "một địa chỉ lạ là dấu hiệu dò mật khẩu.",
        "en": "Every sign-in attempt (successful or not), in {place} time; the address is the requesting machine. Many "
              "refusals from an unfamiliar address suggest password guessing."},
    "auth.col.at": {"vi": "Thời điểm", "en": "When"},
    "auth.col.name": {"vi": "Tên đăng nhập", "en": "User name"},
    "auth.col.client": {"vi": "Địa chỉ", "en": "Address"},
    "auth.col.result": {"vi": "Kết quả", "en": "Result"},
    "auth.result.success": {"vi": "Thành công", "en": "Success"},
    "auth.result.wrong_password": {"vi": "Sai mật khẩu", "en": "Wrong password"},
    "auth.result.unknown_name": {"vi": "Tên không tồn tại", "en": "Unknown name"},
    "auth.result.role_refused": {"vi": "Tài khoản không có quyền", "en": "Role not allowed"},
    "auth.result.throttled": {"vi": "Bị làm chậm (thử quá nhiều)", "en": "Throttled (too many attempts)"},
    # --- backups ----------------------------------------------------------------------------------------------
    "backup.done": {
        "vi": "Đã sao lưu vào {path} (phiên bản cấu trúc {version}; {actuals} số liệu, {uploads} lần cập nhật).",
        "en": "Backed up to {path} (schema version {version}; {actuals} actuals, {uploads} uploads)."},
    "backup.restored": {
        "vi": "Đã khôi phục {path} từ bản sao lưu lúc {created} (phiên bản cấu trúc {version}; {actuals} số liệu).",
        "en": "Restored {path} from the backup of {created} (schema version {version}; {actuals} actuals)."},
    "backup.err.not_empty": {
        "vi": "Thư mục {path} đã có tệp. Hãy chọn một thư mục mới (ví dụ theo ngày: sao-luu/2026-06-10).",
        "en": "Directory {path} is not empty. Choose a new one (e.g. by date: backups/2026-06-10)."},
    "backup.err.no_manifest": {
        "vi": "{path} không phải là bản sao lưu của hue57 (không có manifest.json hợp lệ).",
        "en": "{path} is not a hue57 backup (no valid manifest.json)."},
    "backup.err.newer": {
        "vi": "Bản sao lưu có cấu trúc phiên bản {version}, mới hơn phiên bản {code} của chương trình này. Hãy cập nhật hue57 rồi khôi phục lại.",
        "en": "The backup has schema version {version}, newer than this program's {code}. Update hue57, then restore."},
    "backup.err.file_missing": {
        "vi": "Bản sao lưu thiếu tệp {file}. Hãy dùng một bản sao lưu khác.",
        "en": "The backup lacks file {file}. Use another backup."},
    "backup.err.checksum": {
        "vi": "Tệp {file} của bản sao lưu đã bị thay đổi hoặc hỏng (mã sha256 không khớp manifest). Hãy dùng một bản sao lưu khác.",
        "en": "File {file} of the backup was changed or damaged (its sha256 does not match the manifest). Use another backup."},
    "backup.err.rows": {
        "vi": "Bảng {table} khôi phục được {rows} dòng thay vì {expected}; không có gì được thay đổi.",
        "en": "Table {table} restored {rows} rows instead of {expected}; nothing was changed."},
    "backup.err.schema": {
        "vi": "Tệp schema.sql của bản sao lưu có câu lệnh không thuộc cấu trúc của hue57 ({statement}); không có gì "
              "được chạy hay thay đổi. Hãy dùng một bản sao lưu khác.",
        "en": "The backup's schema.sql holds a statement that is not part of hue57's schema ({statement}); nothing was "
              "run or changed. Use another backup."},
    "backup.err.table_missing": {
        "vi": "Bản sao lưu thiếu bảng {table} (trong schema.sql, manifest.json hoặc tệp Parquet); không có gì được thay "
              "đổi. Hãy dùng một bản sao lưu khác.",
        "en": "The backup lacks table {table} (in schema.sql, manifest.json or its Parquet file); nothing was changed. "
              "Use another backup."},
    "backup.err.foreign": {
        "vi": "Manifest của bản sao lưu {path} không mang chữ ký của máy chủ này (bản sao lưu đã bị sửa tay, hoặc của "
              "một máy chủ khác); không có gì được thay đổi. Nếu đúng là muốn khôi phục nó, chạy lại với --accept-foreign.",
        "en": "The manifest of backup {path} is not signed by this server (the backup was edited by hand, or comes from "
              "another server); nothing was changed. If it is meant, run again with --accept-foreign."},
    "backup.err.target_exists": {
        "vi": "Cơ sở dữ liệu {path} đã có. Để thay nó bằng bản sao lưu, chạy lại với --force (nên làm khi không ai đang cập nhật số liệu).",
        "en": "Database {path} already exists. To replace it with the backup, run again with --force (best while nobody is uploading)."},
}
