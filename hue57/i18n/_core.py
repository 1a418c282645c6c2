"""Words shared by every part: status names, units, languages, generic errors."""

TEXT: dict[str, dict[str, str]] = {
    "app.title": {"vi": "Theo dõi Kế hoạch thực hiện Nghị quyết 57 — Thành phố Huế",
                  "en": "Resolution 57 plan tracker — Huế City"},
    "app.short": {"vi": "hue57", "en": "hue57"},
    "lang.vi": {"vi": "Tiếng Việt", "en": "Vietnamese"},
    "lang.en": {"vi": "Tiếng Anh", "en": "English"},
    "lang.switch": {"vi": "Ngôn ngữ", "en": "Language"},
    # target status (gap method)
    "status.met": {"vi": "Đã đạt", "en": "Met"},
    "status.on_track": {"vi": "Đúng lộ trình", "en": "On track"},
    "status.moderate": {"vi": "Cần đẩy nhanh", "en": "Needs acceleration"},
    "status.insufficient": {"vi": "Chậm", "en": "Too slow"},
    "status.regressing": {"vi": "Đi lùi", "en": "Regressing"},
    "status.insufficient_data": {"vi": "Chưa đủ số liệu", "en": "Not enough data"},
    "status.no_data": {"vi": "Chưa có số liệu", "en": "No data"},
    # horizons and common column names
    "horizon.2030": {"vi": "Mục tiêu 2030", "en": "2030 target"},
    "horizon.2045": {"vi": "Mục tiêu 2045", "en": "2045 target"},
    "col.code": {"vi": "Mã", "en": "Code"},
    "col.name": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "col.horizon": {"vi": "Mốc", "en": "Horizon"},
    "col.target": {"vi": "Mục tiêu", "en": "Target"},
    "col.target_text": {"vi": "Kết quả theo kế hoạch", "en": "Target (plan wording)"},
    "col.latest": {"vi": "Thực hiện", "en": "Actual"},
    "col.year": {"vi": "Năm", "en": "Year"},
    "col.value": {"vi": "Giá trị", "en": "Value"},
    "col.source": {"vi": "Nguồn", "en": "Source"},
    "col.note": {"vi": "Ghi chú", "en": "Note"},
    "col.agency": {"vi": "Cơ quan chủ trì", "en": "Lead agency"},
    "col.status": {"vi": "Trạng thái", "en": "Status"},
    "col.gap": {"vi": "Khoảng cách", "en": "Gap"},
    "col.upload": {"vi": "Lần cập nhật", "en": "Upload"},
    "col.trend": {"vi": "Xu hướng", "en": "Trend"},
    "none": {"vi": "—", "en": "—"},
    # errors that can reach any user
    "error.db_busy": {"vi": "Cơ sở dữ liệu đang bận (một tiến trình khác đang ghi). Vui lòng thử lại sau ít phút.",
                      "en": "The database is busy (another process is writing). Please try again in a few minutes."},
    "error.db_missing": {"vi": "Chưa có cơ sở dữ liệu tại {path}. Hãy chạy: python -m hue57 init",
                         "en": "No database at {path}. Run: python -m hue57 init"},
    "error.unexpected": {"vi": "Đã xảy ra lỗi không mong muốn. Vui lòng tải lại trang; nếu vẫn lỗi, báo cho Sở Khoa học và Công nghệ.",
                         "en": "Something unexpected went wrong. Reload the page; if it persists, tell the Department of Science and Technology."},
}

TEXT.update({
    "cli.init.created": {"vi": "Đã tạo cơ sở dữ liệu {path}: {targets} chỉ tiêu, {tasks} nhiệm vụ, {agencies} cơ quan, {actuals} số liệu đã công bố.",
                         "en": "Created database {path}: {targets} targets, {tasks} tasks, {agencies} agencies, {actuals} published figures."},
    "cli.init.exists": {"vi": "Cơ sở dữ liệu {path} đã có sẵn; không thay đổi gì ({targets} chỉ tiêu, {tasks} nhiệm vụ, {actuals} số liệu).",
                        "en": "Database {path} already exists; nothing changed ({targets} targets, {tasks} tasks, {actuals} figures)."},
    "cli.error.date": {"vi": "Ngày không hợp lệ: {value}. Hãy viết theo dạng YYYY-MM-DD, ví dụ 2026-06-10.",
                       "en": "Invalid date: {value}. Write it as YYYY-MM-DD, e.g. 2026-06-10."},
})
