"""Words for the six-monthly reports: the agency's form, the Department's review, completeness (vi and en)."""

TEXT: dict[str, dict[str, str]] = {
    "page.report": {"vi": "Báo cáo", "en": "Reports"},
    "auth.role.agency": {"vi": "Cơ quan báo cáo", "en": "Reporting agency"},
    "auth.user.agency_missing": {
        "vi": "Tài khoản cơ quan cần mã cơ quan: thêm --agency MÃ (xem data/agencies.csv).",
        "en": "An agency account needs its agency: add --agency ID (see data/agencies.csv)."},
    "auth.user.agency_unknown": {
        "vi": "Mã cơ quan «{agency}» không phải một cơ quan hiện nay. Hãy chọn một trong: {allowed}.",
        "en": "“{agency}” is not a current agency. Choose one of: {allowed}."},
    "auth.user.agency_not_agency_role": {
        "vi": "Chỉ tài khoản vai trò agency mới gắn với cơ quan; bỏ --agency cho vai trò {role}.",
        "en": "Only agency accounts belong to an agency; drop --agency for role {role}."},
    # states and columns
    "report.state.missing": {"vi": "Chưa báo cáo", "en": "Missing"},
    "report.state.draft": {"vi": "Đang soạn", "en": "Draft"},
    "report.state.submitted": {"vi": "Đã gửi, chờ xem xét", "en": "Submitted"},
    "report.state.returned": {"vi": "Trả lại để bổ sung", "en": "Returned"},
    "report.state.accepted": {"vi": "Đã tiếp nhận", "en": "Accepted"},
    "report.on_time.yes": {"vi": "Đúng hạn", "en": "On time"},
    "report.on_time.no": {"vi": "Trễ hạn", "en": "Late"},
    "report.on_time.unknown": {"vi": "Chưa đến hạn", "en": "Not yet due"},
    "report.col.agency": {"vi": "Cơ quan", "en": "Agency"},
    "report.col.items": {"vi": "Số mục phải báo cáo", "en": "Items owed"},
    "report.col.state": {"vi": "Tình trạng báo cáo", "en": "Report state"},
    "report.col.submitted_at": {"vi": "Gửi lúc", "en": "Submitted at"},
    "report.col.on_time": {"vi": "Đúng hạn / trễ hạn", "en": "On time / late"},
    "report.col.reviewed_by": {"vi": "Người xem xét", "en": "Reviewed by"},
    "report.col.submission": {"vi": "Số báo cáo", "en": "Report no."},
    "report.col.table": {"vi": "Bảng", "en": "Table"},
    "report.table.tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "report.table.indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "report.collective": {"vi": "nhiệm vụ chung", "en": "collective task"},
    "report.form_name": {"vi": "biểu mẫu báo cáo", "en": "report form"},
    # the agency's view
    "report.caption": {
        "vi": "Báo cáo 6 tháng của cơ quan gửi Sở Khoa học và Công nghệ: tiến độ nhiệm vụ và số liệu chỉ tiêu.",
        "en": "The agency's six-monthly report to the Department of Science and Technology: task progress and figures."},
    "report.period_line": {
        "vi": "Kỳ báo cáo: {label} ({period}) · hạn gửi {due} · {days}",
        "en": "Reporting period: {label} ({period}) · due {due} · {days}"},
    "report.days_left": {"vi": "còn {n} ngày", "en": ("{n} day left", "{n} days left")},
    "report.due_today": {"vi": "hạn là hôm nay", "en": "due today"},
    "report.days_late": {"vi": "đã quá hạn {n} ngày", "en": ("{n} day past due", "{n} days past due")},
    "report.agency_line": {"vi": "Cơ quan: {agency} · tình trạng: {state}", "en": "Agency: {agency} · state: {state}"},
    "report.returned_comment": {
        "vi": "Sở KH&CN trả lại báo cáo ({by}): {comment}", "en": "The Department returned the report ({by}): {comment}"},
    "report.locked.submitted": {
        "vi": "Báo cáo đã gửi lúc {at}, đang chờ Sở KH&CN xem xét: chưa sửa được.",
        "en": "The report was submitted at {at} and awaits the Department's review: it cannot be changed now."},
    "report.locked.accepted": {
        "vi": "Báo cáo đã được tiếp nhận ({by}), số liệu đã vào lần cập nhật #{upload}.",
        "en": "The report was accepted ({by}); its figures are upload #{upload}."},
    "report.tasks": {"vi": "Tiến độ nhiệm vụ", "en": "Task progress"},
    "report.tasks_help": {
        "vi": "Chọn tình trạng, ghi tiến độ (%), ghi chú và minh chứng (đường dẫn hoặc văn bản). Nhiệm vụ chung: "
              "Sở KH&CN chốt tình trạng khi xem xét.",
        "en": "Choose a status, give progress (%), a note and evidence (a link or text). Collective tasks: the "
              "Department sets their status on review."},
    "report.indicators": {"vi": "Số liệu chỉ tiêu", "en": "Indicator figures"},
    "report.indicators_help": {
        "vi": "Ghi năm, giá trị, nguồn (bắt buộc), ghi chú; với chỉ tiêu xếp hạng ghi thêm «Trên tổng số». "
              "Dòng để trống không được gửi.",
        "en": "Give the year, value, source (required) and a note; for ranks also how many were ranked. "
              "Blank rows are not sent."},
    "report.save": {"vi": "Lưu nháp", "en": "Save draft"},
    "report.submit": {"vi": "Gửi báo cáo", "en": "Submit report"},
    "report.saved": {"vi": "Đã lưu nháp (chỉ cơ quan thấy).", "en": "Draft saved (only your agency sees it)."},
    "report.submitted": {
        "vi": "Đã gửi báo cáo lúc {at} ({on_time}).", "en": "Report submitted at {at} ({on_time})."},
    "report.invalid": {
        "vi": "Biểu mẫu có {n} lỗi, chưa lưu gì. Sửa theo bảng dưới đây (dòng, cột) rồi thử lại.",
        "en": ("The form has {n} problem; nothing was saved. Fix it as listed below (row, column) and try again.", "The form has {n} problems; nothing was saved. Fix them as listed below (row, column) and try again.")},
    "report.offline": {"vi": "Điền ngoại tuyến bằng Excel", "en": "Fill in offline with Excel"},
    "report.download_tasks": {"vi": "Tải biểu tiến độ nhiệm vụ (Excel)", "en": "Download the task form (Excel)"},
    "report.download_indicators": {"vi": "Tải biểu số liệu chỉ tiêu (Excel)",
                                   "en": "Download the indicator form (Excel)"},
    "report.upload_back": {"vi": "Tải lên biểu đã điền (lưu thành nháp)",
                           "en": "Upload the filled form (saved as a draft)"},
    "report.no_agency": {
        "vi": "Tài khoản này chưa gắn với cơ quan nào. Hãy liên hệ Sở KH&CN.",
        "en": "This account belongs to no agency. Contact the Department."},
    # refusals
    "report.refused.not_yours": {
        "vi": "Yêu cầu bị từ chối: có dòng không thuộc cơ quan hoặc kỳ báo cáo của bạn ({rows}). Không có gì được lưu; "
              "yêu cầu đã được ghi lại.",
        "en": "Request refused: some rows are not your agency's or not this period's ({rows}). Nothing was saved; "
              "the request was logged."},
    "report.refused.empty": {
        "vi": "Báo cáo chưa có dòng nào: hãy điền ít nhất một nhiệm vụ hoặc một chỉ tiêu rồi gửi.",
        "en": "The report has no rows: fill in at least one task or indicator, then submit."},
    "report.refused.state_submitted": {
        "vi": "Báo cáo đã gửi và đang chờ xem xét: không thể {action} lúc này.",
        "en": "The report is submitted and awaits review: it cannot be changed now ({action})."},
    "report.refused.state_accepted": {
        "vi": "Báo cáo đã được tiếp nhận: không thể {action}.", "en": "The report was already accepted ({action})."},
    "report.refused.state_returned": {
        "vi": "Báo cáo đã được trả lại cho cơ quan: chờ cơ quan gửi lại ({action}).",
        "en": "The report was returned to its agency: wait until it is submitted again ({action})."},
    "report.refused.state_draft": {
        "vi": "Báo cáo chưa được gửi ({action}).", "en": "The report has not been submitted ({action})."},
    "report.refused.state_": {"vi": "Chưa có báo cáo ({action}).", "en": "There is no report ({action})."},
    "report.refused.unknown": {
        "vi": "Không có báo cáo số {id}. Xem các số bằng lệnh report status.",
        "en": "There is no report no. {id}. See the numbers with report status."},
    "report.refused.comment_missing": {
        "vi": "Trả lại báo cáo cần ghi nhận xét cho cơ quan (--comment).",
        "en": "Returning a report needs a comment for the agency (--comment)."},
    "report.refused.role": {
        "vi": "Trang này dành cho chuyên viên Sở KH&CN; tài khoản cơ quan chỉ dùng trang Báo cáo.",
        "en": "This page is for the Department's analysts; agency accounts use the Reports page only."},
    "report.refused.shared": {
        "vi": "Liên kết cuộc họp chỉ để xem: không mở được trang Báo cáo.",
        "en": "A meeting link is read-only: it cannot open the Reports page."},
    # the Department's view
    "report.completeness": {"vi": "Tình hình báo cáo theo cơ quan", "en": "Completeness by agency"},
    "report.completeness_line": {
        "vi": "{period}: {received}/{total} cơ quan đã gửi ({rate}), {accepted} đã tiếp nhận, {overdue} quá hạn chưa gửi.",
        "en": "{period}: {received}/{total} agencies submitted ({rate}), {accepted} accepted, {overdue} overdue."},
    "report.review": {"vi": "Xem xét một báo cáo", "en": "Review a report"},
    "report.review_which": {"vi": "Báo cáo", "en": "Report"},
    "report.review_item": {"vi": "#{id} · {agency} · {state}", "en": "#{id} · {agency} · {state}"},
    "report.review_none": {"vi": "Chưa có báo cáo nào được gửi trong kỳ này.",
                           "en": "No report was submitted for this period yet."},
    "report.preview": {"vi": "Những gì sẽ thay đổi khi tiếp nhận", "en": "What accepting would change"},
    "report.collective_status": {"vi": "Tình trạng nhiệm vụ chung {no} (Sở KH&CN chốt)",
                                 "en": "Status of collective task {no} (set by the Department)"},
    "report.collective_keep": {"vi": "— không ghi —", "en": "— not recorded —"},
    "report.comment": {"vi": "Nhận xét cho cơ quan", "en": "Comment for the agency"},
    "report.accept": {"vi": "Tiếp nhận", "en": "Accept"},
    "report.return": {"vi": "Trả lại", "en": "Return"},
    "report.accepted_msg": {
        "vi": "Đã tiếp nhận báo cáo #{id}: lần cập nhật #{upload} ({written} ô).",
        "en": "Report #{id} accepted: upload #{upload} ({written} cells)."},
    "report.accepted_nothing": {
        "vi": "Đã tiếp nhận báo cáo #{id}: không có số liệu nào khác với hiện tại.",
        "en": "Report #{id} accepted: nothing differed from the current data."},
    "report.returned_msg": {"vi": "Đã trả lại báo cáo #{id} cho {agency}.", "en": "Report #{id} returned to {agency}."},
    "upload.kind.report": {"vi": "Báo cáo định kỳ của cơ quan", "en": "Agency's periodic report"},
    "upload.template_progress_xlsx": {"vi": "Tải mẫu tiến độ nhiệm vụ (Excel)",
                                      "en": "Download the task-progress template (Excel)"},
    "agencies.report_state": {"vi": "Báo cáo {period}: {state} · {on_time}", "en": "Report {period}: {state} · {on_time}"},
    # command line
    "report.cli.accepted": {
        "vi": "Đã tiếp nhận báo cáo #{id} ({agency}, {period}): lần cập nhật #{upload}.",
        "en": "Accepted report #{id} ({agency}, {period}): upload #{upload}."},
    "report.cli.accepted_nothing": {
        "vi": "Đã tiếp nhận báo cáo #{id} ({agency}, {period}): không có gì khác với số liệu hiện tại.",
        "en": "Accepted report #{id} ({agency}, {period}): nothing differed from the current data."},
    "report.cli.returned": {
        "vi": "Đã trả lại báo cáo #{id} ({agency}, {period}).", "en": "Returned report #{id} ({agency}, {period})."},
    "report.cli.bad_collective": {
        "vi": "--collective cần dạng SỐ_NHIỆM_VỤ=TÌNH_TRẠNG (not_started, in_progress, done), nhận được «{value}».",
        "en": "--collective takes TASK=STATUS (not_started, in_progress, done), got “{value}”."},
    "report.cli.bad_period": {
        "vi": "Kỳ báo cáo «{value}» không đúng dạng 2026-H1 hoặc 2026-H2.",
        "en": "Period “{value}” is not like 2026-H1 or 2026-H2."},
}
