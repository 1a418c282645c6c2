"""Words about the plan folder: which plan a database belongs to, and `plan check`'s list of problems."""

TEXT: dict[str, dict[str, str]] = {
    "plan.mismatch": {
        "vi": "Cơ sở dữ liệu {path} được tạo từ kế hoạch «{found}» ({folder}), còn thư mục kế hoạch đang dùng là "
              "kế hoạch «{wanted}». Hãy đặt HUE57_PLAN (hoặc plan trong hue57.toml) về thư mục của kế hoạch «{found}», "
              "hoặc dùng một cơ sở dữ liệu khác (HUE57_DB) cho kế hoạch «{wanted}».",
        "en": "The database {path} was made from the plan “{found}” ({folder}), but the plan folder in effect is the "
              "plan “{wanted}”. Set HUE57_PLAN (or plan in hue57.toml) to the folder of “{found}”, or use another "
              "database (HUE57_DB) for “{wanted}”."},
    "plan.mismatch_page": {
        "vi": "Máy chủ đang chạy với thư mục kế hoạch «{wanted}», nhưng cơ sở dữ liệu thuộc kế hoạch «{found}». Không "
              "hiển thị số liệu để tránh lẫn hai kế hoạch. Quản trị viên cần khởi động lại máy chủ với đúng thư mục kế hoạch.",
        "en": "The server runs with the plan folder “{wanted}”, but the database belongs to the plan “{found}”. Nothing "
              "is shown, so two plans are never mixed. An administrator must restart the server with the right plan folder."},
    "ingest.err.other_plan": {
        "vi": "Không mã chỉ tiêu nào trong tệp có trong {plan_title} của {city}: tệp này có thể được lập cho một kế "
              "hoạch khác. Hãy tải tệp mẫu của kế hoạch này rồi điền lại.",
        "en": "None of the file's target codes is in the {plan_title} of {city}: the file may have been made for "
              "another plan. Download this plan's template and fill it in again."},
    "plan.changed": {
        "vi": "Lưu ý: các tệp của thư mục kế hoạch {folder} đã thay đổi từ khi tạo cơ sở dữ liệu; chỉ tiêu, nhiệm vụ và "
              "cơ quan trong cơ sở dữ liệu vẫn như lúc tạo. Số liệu mới: tải lên như một lần cập nhật.",
        "en": "Note: the files of the plan folder {folder} changed since the database was made; its targets, tasks "
              "and agencies stay as they were then. New figures: upload them as an update."},
    "plan.folder_broken": {
        "vi": "Không dùng được thư mục kế hoạch {folder}: {reason}. Chạy «python -m hue57 plan check {folder}» để xem "
              "từng lỗi, hoặc đặt HUE57_PLAN (plan trong hue57.toml) về đúng thư mục.",
        "en": "The plan folder {folder} cannot be used: {reason}. Run “python -m hue57 plan check {folder}” to list "
              "its problems, or set HUE57_PLAN (plan in hue57.toml) to the right folder."},
    "plan.folder_broken_page": {
        "vi": "Máy chủ không đọc được thư mục kế hoạch. Quản trị viên cần kiểm tra HUE57_PLAN (plan trong hue57.toml) "
              "bằng «python -m hue57 plan check» rồi khởi động lại.",
        "en": "The server cannot read its plan folder. An administrator must check HUE57_PLAN (plan in hue57.toml) with "
              "“python -m hue57 plan check” and restart it."},
    "cli.error.horizon": {"vi": "Mốc «{value}» không có trong kế hoạch. Các mốc: {known}.",
                          "en": "Horizon {value} is not in the plan. Its horizons: {known}."},
    "plan.check.ok": {"vi": "Thư mục kế hoạch {folder} hợp lệ: {targets} chỉ tiêu, {tasks} nhiệm vụ, {agencies} cơ quan, "
                            "{actuals} số liệu.",
                      "en": "The plan folder {folder} is valid: {targets} targets, {tasks} tasks, {agencies} agencies, "
                            "{actuals} figures."},
    "plan.check.count": {"vi": "Thư mục kế hoạch {folder} có {n} lỗi:",
                         "en": ("The plan folder {folder} has {n} problem:", "The plan folder {folder} has {n} problems:")},
    "plan.check.where": {"vi": "{file}, dòng {row}, cột {column}", "en": "{file}, row {row}, column {column}"},
    "plan.check.where_key": {"vi": "{file}, khóa {column}", "en": "{file}, key {column}"},
    "plan.check.file_missing": {"vi": "Thiếu tệp.", "en": "The file is missing."},
    "plan.check.columns_missing": {"vi": "Thiếu cột: {columns}.", "en": "Missing columns: {columns}."},
    "plan.check.toml_invalid": {"vi": "Không đọc được tệp: {reason}", "en": "The file cannot be read: {reason}"},
    "plan.check.toml_key": {"vi": "Thiếu khóa này.", "en": "This key is missing."},
    "plan.check.bad_due": {"vi": "Hạn báo cáo không hợp lệ: {reason}. Hãy ghi hai ngày dạng MM-DD, ví dụ [\"06-15\", \"12-15\"].",
                           "en": "Invalid due day: {reason}. Write two MM-DD days, e.g. [\"06-15\", \"12-15\"]."},
    "plan.check.template_missing": {"vi": "Không có mẫu Word {value} trong thư mục kế hoạch.",
                                    "en": "The Word template {value} is not in the plan folder."},
    "plan.check.duplicate_code": {"vi": "Mã chỉ tiêu «{value}» trùng với một dòng trước.",
                                  "en": "Target code “{value}” repeats an earlier row."},
    "plan.check.unknown_comparator": {"vi": "Cách so sánh «{value}» không hợp lệ; dùng một trong: {known}.",
                                      "en": "Comparator “{value}” is unknown; use one of: {known}."},
    "plan.check.comparator_without_value": {"vi": "Cách so sánh «{comparator}» cần một giá trị mục tiêu.",
                                            "en": "Comparator “{comparator}” needs a target value."},
    "plan.check.between_without_hi": {"vi": "«between» cần value_hi (cận trên).",
                                      "en": "“between” needs value_hi (the upper bound)."},
    "plan.check.between_upside_down": {"vi": "value_hi ({value_hi}) nhỏ hơn value ({value}).",
                                       "en": "value_hi ({value_hi}) is below value ({value})."},
    "plan.check.value_not_number": {"vi": "«{value}» không phải là số (dùng dấu chấm thập phân).",
                                    "en": "“{value}” is not a number (use a decimal point)."},
    "plan.check.horizon_not_year": {"vi": "Mốc «{value}» không phải là một năm.", "en": "Horizon “{value}” is not a year."},
    "plan.check.horizon_before_start": {"vi": "Mốc {value} không sau năm bắt đầu của kế hoạch ({start}).",
                                        "en": "Horizon {value} is not after the plan's start year ({start})."},
    "plan.check.relative_after_horizon": {"vi": "Năm gốc {value} không trước mốc {horizon}.",
                                          "en": "Base year {value} is not before the horizon {horizon}."},
    "plan.check.unknown_unit": {"vi": "Đơn vị «{value}» chưa có trong bảng đơn vị; thêm vào [units] của plan.toml.",
                                "en": "Unit “{value}” is not in the glossary; add it to [units] in plan.toml."},
    "plan.check.unknown_agency": {"vi": "Không tìm thấy cơ quan «{value}» trong agencies.csv (tên hoặc tên gọi khác).",
                                  "en": "Agency “{value}” is not in agencies.csv (name or alias)."},
    "plan.check.duplicate_task": {"vi": "Số nhiệm vụ «{value}» trùng với một dòng trước.",
                                  "en": "Task number “{value}” repeats an earlier row."},
    "plan.check.task_not_number": {"vi": "«{value}» không phải là số nguyên.", "en": "“{value}” is not a whole number."},
    "plan.check.deadline_unread": {
        "vi": "Không đọc được thời hạn «{value}»; hãy ghi như «12/2026», «Quý II/2026», «30/6/2026», «2026 - 2030» "
              "hoặc «Thường xuyên».",
        "en": "The deadline “{value}” cannot be read; write it as “12/2026”, “Quý II/2026”, “30/6/2026”, "
              "“2026 - 2030” or “Thường xuyên”."},
    "plan.check.duplicate_agency": {"vi": "Mã cơ quan «{value}» trùng với một dòng trước.",
                                    "en": "Agency id “{value}” repeats an earlier row."},
    "plan.check.unknown_current": {"vi": "current_id «{value}» không phải mã của cơ quan nào.",
                                   "en": "current_id “{value}” is no agency's id."},
    "plan.check.unknown_group_id": {"vi": "«{value}» không phải mã của cơ quan nào trong agencies.csv.",
                                    "en": "“{value}” is no agency's id in agencies.csv."},
    "plan.check.actual_unknown_code": {"vi": "Mã «{value}» không có trong targets.csv.",
                                       "en": "Code “{value}” is not in targets.csv."},
    "plan.check.actual_without_source": {"vi": "Số liệu công bố cần nguồn.", "en": "A published figure needs its source."},
    "plan.check.actual_not_number": {"vi": "«{value}» không phải là số.", "en": "“{value}” is not a number."},
}
