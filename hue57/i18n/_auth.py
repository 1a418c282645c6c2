"""Words for accounts, signing in, sign-in records, and backups (Vietnamese as the Department writes it, and English)."""

TEXT: dict[str, dict[str, str]] = {
    # --- accounts ------------------------------------------------------------------------------------------------
    "auth.role.analyst": {"vi": "Chuyên viên cập nhật số liệu", "en": "Analyst"},
    "auth.role.viewer": {"vi": "Chỉ xem", "en": "Viewer"},
    "auth.role.admin": {"vi": "Quản trị tài khoản (kiêm chuyên viên)", "en": "Account administrator (and analyst)"},
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
        "vi": "Vai trò «{role}» không hợp lệ. Hãy chọn admin (quản trị tài khoản), analyst (cập nhật số liệu), agency (cơ quan báo cáo) hoặc viewer (chỉ xem).",
        "en": "Role “{role}” is not valid. Choose admin, analyst, agency or viewer."},
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
    "auth.result.disabled": {"vi": "Tài khoản đã bị khóa", "en": "Account disabled"},
    # --- issue 20: one sign-in, sessions, accounts, passwords (wt-20a) -----------------------------------------------
    "page.signin": {"vi": "Đăng nhập", "en": "Sign in"},
    "page.password": {"vi": "Đổi mật khẩu", "en": "Change password"},
    "page.accounts": {"vi": "Tài khoản", "en": "Accounts"},
    "auth.signed_in_as": {"vi": "Bạn đang đăng nhập với tài khoản «{user}» ({role}).",
                          "en": "You are signed in as “{user}” ({role})."},
    "auth.go_home": {"vi": "Đến trang làm việc", "en": "Go to your page"},
    "auth.signing_in": {"vi": "Đang đăng nhập…", "en": "Signing in…"},
    "auth.signed_out": {"vi": "Đã đăng xuất.", "en": "Signed out."},
    "auth.forgot": {
        "vi": "Quên mật khẩu hoặc chưa có mật khẩu? Hãy đề nghị người quản trị tài khoản của {compiler} gửi liên kết đặt mật khẩu mới.",
        "en": "Forgot your password, or have none yet? Ask the {compiler}'s account administrator for a new set-password link."},
    "auth.password.short": {"vi": "Mật khẩu cần ít nhất {min} ký tự (có thể là một câu dễ nhớ, có dấu).",
                            "en": "The password needs at least {min} characters (a memorable phrase works well)."},
    "auth.password.long": {"vi": "Mật khẩu dài tối đa {max} ký tự.", "en": "The password can have at most {max} characters."},
    "auth.password.common": {
        "vi": "Mật khẩu này quá phổ biến và dễ bị đoán (nằm trong danh sách mật khẩu thông dụng). Hãy chọn một cụm từ khác.",
        "en": "This password is too common and easy to guess (it is on the list of common passwords). Choose another phrase."},
    "auth.password.is_name": {"vi": "Mật khẩu không được trùng với tên đăng nhập.",
                              "en": "The password must not be the user name."},
    "auth.password.current_wrong": {
        "vi": "Mật khẩu hiện tại không đúng (hoặc đã thử quá nhiều lần; hãy chờ ít phút).",
        "en": "The current password is wrong (or there were too many attempts; wait a few minutes)."},
    "auth.password.same": {"vi": "Mật khẩu mới phải khác mật khẩu hiện tại.",
                           "en": "The new password must differ from the current one."},
    "auth.password.mismatch": {"vi": "Hai lần nhập mật khẩu mới không khớp.", "en": "The two new passwords do not match."},
    "auth.password.rules": {
        "vi": "Ít nhất 8 ký tự; không cần chữ hoa, số hay ký tự đặc biệt — một câu dài dễ nhớ là tốt nhất. Mật khẩu quá phổ biến sẽ bị từ chối.",
        "en": "At least 8 characters; no capitals, digits or symbols needed — a long memorable phrase is best. Very common passwords are refused."},
    "auth.password.current": {"vi": "Mật khẩu hiện tại", "en": "Current password"},
    "auth.password.new": {"vi": "Mật khẩu mới", "en": "New password"},
    "auth.password.again": {"vi": "Nhập lại mật khẩu mới", "en": "Repeat the new password"},
    "auth.password.change_title": {"vi": "Đổi mật khẩu", "en": "Change your password"},
    "auth.password.change_caption": {
        "vi": "Tài khoản «{user}». Sau khi đổi, mọi phiên đăng nhập khác của tài khoản (máy, trình duyệt khác) sẽ kết thúc.",
        "en": "Account “{user}”. After the change every other session of the account (other devices, browsers) ends."},
    "auth.password.change": {"vi": "Đổi mật khẩu", "en": "Change password"},
    "auth.password.changed": {"vi": "Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.",
                              "en": "Password changed. The account's other sessions have ended."},
    "auth.password.set_title": {"vi": "Đặt mật khẩu", "en": "Set your password"},
    "auth.password.set_caption": {"vi": "Đặt mật khẩu cho tài khoản «{user}». Liên kết này chỉ dùng được một lần.",
                                  "en": "Set the password of account “{user}”. This link works once."},
    "auth.password.set": {"vi": "Đặt mật khẩu", "en": "Set password"},
    "auth.password.set_done": {"vi": "Đã đặt mật khẩu cho tài khoản «{user}». Bây giờ bạn có thể đăng nhập.",
                               "en": "The password of “{user}” is set. You can sign in now."},
    "auth.password.sign_in_first": {"vi": "Hãy đăng nhập để đổi mật khẩu.", "en": "Sign in to change your password."},
    "auth.link.invalid": {
        "vi": "Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy đề nghị người quản trị tài khoản gửi liên kết mới.",
        "en": "This set-password link is not valid, was already used, or has expired. Ask the account administrator for a new one."},
    "auth.user.unknown": {"vi": "Không có tài khoản «{name}».", "en": "There is no account “{name}”."},
    "auth.user.bad_email": {"vi": "Địa chỉ thư điện tử «{email}» không hợp lệ.", "en": "E-mail address “{email}” is not valid."},
    "auth.user.set_nothing": {"vi": "Hãy cho biết --agency hoặc --email cần đổi.", "en": "Give --agency or --email to change."},
    "auth.user.not_yourself": {"vi": "Không thể tự khóa tài khoản của chính mình.", "en": "You cannot disable your own account."},
    "auth.user.link": {"vi": "Liên kết đặt mật khẩu cho «{name}» (dùng một lần, hết hạn {expires}):",
                       "en": "Set-password link for “{name}” (works once, expires {expires}):"},
    "auth.user.disabled": {"vi": "Đã khóa tài khoản «{name}»; mọi phiên đăng nhập của tài khoản đã kết thúc.",
                           "en": "Account “{name}” is disabled; all its sessions have ended."},
    "auth.user.enabled": {"vi": "Đã mở lại tài khoản «{name}».", "en": "Account “{name}” is enabled again."},
    "auth.user.password_done": {"vi": "Đã đặt mật khẩu mới cho «{name}»; mọi phiên đăng nhập của tài khoản đã kết thúc.",
                                "en": "New password set for “{name}”; all its sessions have ended."},
    "auth.user.bound": {"vi": "Tài khoản «{name}» nay thuộc {agency}.", "en": "Account “{name}” now belongs to {agency}."},
    "auth.user.email_set": {"vi": "Đã lưu địa chỉ thư điện tử của «{name}».", "en": "Saved the e-mail address of “{name}”."},
    "auth.user.agency_accounts": {
        "vi": "Đã tạo {n} tài khoản cơ quan, mỗi tài khoản một liên kết đặt mật khẩu:",
        "en": ("Created {n} agency account, with its set-password link:", "Created {n} agency accounts, each with its set-password link:")},
    "auth.user.agency_accounts_none": {"vi": "Mọi cơ quan báo cáo đều đã có tài khoản.",
                                       "en": "Every reporting agency already has an account."},
    "auth.state.active": {"vi": "Đang hoạt động", "en": "Active"},
    "auth.state.pending": {"vi": "Chờ đặt mật khẩu", "en": "Waiting for its password"},
    "auth.state.disabled": {"vi": "Đã khóa", "en": "Disabled"},
    "accounts.caption": {
        "vi": "Tạo tài khoản, gửi liên kết đặt mật khẩu (dùng một lần, hết hạn sau {days} ngày), khóa hoặc mở lại tài khoản, đổi cơ quan. Mọi thay đổi được ghi lại.",
        "en": "Create accounts, send set-password links (single use, expire after {days} days), disable or enable accounts, change an agency. Every change is recorded."},
    "accounts.list": {"vi": "Danh sách tài khoản", "en": "Accounts"},
    "accounts.col.name": {"vi": "Tên đăng nhập", "en": "User name"},
    "accounts.col.role": {"vi": "Vai trò", "en": "Role"},
    "accounts.col.agency": {"vi": "Cơ quan", "en": "Agency"},
    "accounts.col.email": {"vi": "Thư điện tử", "en": "E-mail"},
    "accounts.col.state": {"vi": "Trạng thái", "en": "State"},
    "accounts.col.last_sign_in": {"vi": "Đăng nhập gần nhất", "en": "Last sign-in"},
    "accounts.never": {"vi": "Chưa đăng nhập", "en": "Never"},
    "accounts.agencies": {"vi": "Tài khoản cho các cơ quan báo cáo", "en": "Accounts for the reporting agencies"},
    "accounts.agencies_caption": {
        "vi": "Còn {n} cơ quan phải báo cáo chưa có tài khoản.",
        "en": ("{n} reporting agency has no account yet.", "{n} reporting agencies have no account yet.")},
    "accounts.agencies_button": {"vi": "Tạo tài khoản cho mọi cơ quan còn thiếu", "en": "Create accounts for every agency missing one"},
    "accounts.links_caption": {
        "vi": "Hãy gửi mỗi liên kết cho đúng cơ quan (thư công vụ). Liên kết chỉ hiện một lần: tải danh sách về nếu cần.",
        "en": "Send each link to its own agency (official e-mail). The links are shown once: download the list if needed."},
    "accounts.links_download": {"vi": "Tải danh sách liên kết (CSV)", "en": "Download the links (CSV)"},
    "accounts.create": {"vi": "Tạo một tài khoản", "en": "Create one account"},
    "accounts.create_button": {"vi": "Tạo tài khoản và liên kết", "en": "Create the account and its link"},
    "accounts.no_agency": {"vi": "(không gắn cơ quan)", "en": "(no agency)"},
    "accounts.manage": {"vi": "Quản lý một tài khoản", "en": "Manage one account"},
    "accounts.which": {"vi": "Tài khoản", "en": "Account"},
    "accounts.reset": {"vi": "Gửi liên kết đặt mật khẩu mới", "en": "New set-password link"},
    "accounts.disable": {"vi": "Khóa tài khoản", "en": "Disable the account"},
    "accounts.enable": {"vi": "Mở lại tài khoản", "en": "Enable the account"},
    "accounts.bind": {"vi": "Đổi cơ quan", "en": "Change agency"},
    "accounts.email_save": {"vi": "Lưu cơ quan và thư điện tử", "en": "Save agency and e-mail"},
    "accounts.changes": {"vi": "Lịch sử thay đổi tài khoản", "en": "Account changes"},
    "accounts.col.at": {"vi": "Thời điểm", "en": "When"},
    "accounts.col.by": {"vi": "Người thực hiện", "en": "By"},
    "accounts.col.action": {"vi": "Thay đổi", "en": "Change"},
    "accounts.col.detail": {"vi": "Chi tiết", "en": "Detail"},
    "accounts.action.create": {"vi": "Tạo tài khoản", "en": "Created"},
    "accounts.action.link": {"vi": "Cấp liên kết đặt mật khẩu", "en": "Set-password link issued"},
    "accounts.action.reset": {"vi": "Cấp lại liên kết (đặt lại mật khẩu)", "en": "Password reset link issued"},
    "accounts.action.password_set": {"vi": "Đặt mật khẩu qua liên kết", "en": "Password set by link"},
    "accounts.action.password": {"vi": "Đổi mật khẩu", "en": "Password changed"},
    "accounts.action.disable": {"vi": "Khóa", "en": "Disabled"},
    "accounts.action.enable": {"vi": "Mở lại", "en": "Enabled"},
    "accounts.action.bind": {"vi": "Đổi cơ quan", "en": "Agency changed"},
    "accounts.action.email": {"vi": "Đổi thư điện tử", "en": "E-mail changed"},
    "accounts.refused": {"vi": "Trang này dành cho người quản trị tài khoản.",
                         "en": "This page is for the account administrator."},
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
