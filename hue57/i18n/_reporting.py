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
    "report.form_name": {"vi": "biểu mẫu báo cáo", "en": "report form"},
    # the agency's view
    "report.caption": {
        "vi": "Báo cáo 6 tháng của cơ quan gửi {compiler}: tiến độ nhiệm vụ và số liệu chỉ tiêu.",
        "en": "The agency's six-monthly report to the {compiler}: task progress and figures."},
    "report.period_line": {
        "vi": "Kỳ báo cáo: {label} ({period}) · hạn gửi {due} · {days}",
        "en": "Reporting period: {label} ({period}) · due {due} · {days}"},
    "report.days_left": {"vi": "còn {n} ngày", "en": "{n} days left"},
    "report.due_today": {"vi": "hạn là hôm nay", "en": "due today"},
    "report.days_late": {"vi": "đã quá hạn {n} ngày", "en": "{n} days past due"},
    "report.agency_line": {"vi": "Cơ quan: {agency} · tình trạng: {state}", "en": "Agency: {agency} · state: {state}"},
    "report.returned_comment": {
        "vi": "{compiler_short} trả lại báo cáo ({by}): {comment}", "en": "The {compiler_short} returned the report ({by}): {comment}"},
    "report.locked.submitted": {
        "vi": "Báo cáo đã gửi lúc {at}, đang chờ {compiler_short} xem xét: chưa sửa được.",
        "en": "The report was submitted at {at} and awaits the {compiler_short}'s review: it cannot be changed now."},
    "report.locked.accepted": {
        "vi": "Báo cáo đã được tiếp nhận ({by}), số liệu đã vào lần cập nhật #{upload}.",
        "en": "The report was accepted ({by}); its figures are upload #{upload}."},
    "report.tasks": {"vi": "Tiến độ nhiệm vụ", "en": "Task progress"},
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
        "vi": "Đã gửi báo cáo của {agency} lúc {at} ({on_time}) · tình trạng mới: {state}.",
        "en": "The report of {agency} was submitted at {at} ({on_time}) · new state: {state}."},
    "report.invalid": {
        "vi": "Biểu mẫu có {n} lỗi, chưa lưu gì. Sửa theo bảng dưới đây (dòng, cột) rồi thử lại.",
        "en": "The form has {n} problems; nothing was saved. Fix them as listed below (row, column) and try again."},
    "report.offline": {"vi": "Điền ngoại tuyến bằng Excel", "en": "Fill in offline with Excel"},
    "report.upload_back": {"vi": "Tải lên biểu đã điền (lưu thành nháp)",
                           "en": "Upload the filled form (saved as a draft)"},
    "report.no_agency": {
        "vi": "Tài khoản này chưa gắn với cơ quan nào. Hãy liên hệ {compiler_short}.",
        "en": "This account belongs to no agency. Contact the {compiler_short}."},
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
        "vi": "Báo cáo đã gửi và đang chờ xem xét nên chưa thể thay đổi lúc này.",
        "en": "The report is submitted and awaits review, so it cannot be changed now."},
    "report.refused.state_accepted": {
        "vi": "Báo cáo đã được tiếp nhận nên không thể thay đổi nữa.",
        "en": "The report was already accepted, so it can no longer be changed."},
    "report.refused.state_returned": {
        "vi": "Báo cáo đã được trả lại cho cơ quan: chờ cơ quan gửi lại.",
        "en": "The report was returned to its agency: wait until it is submitted again."},
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
        "vi": "Trang này dành cho chuyên viên {compiler_short}; tài khoản cơ quan chỉ dùng trang Báo cáo.",
        "en": "This page is for the {compiler_short}'s analysts; agency accounts use the Reports page only."},
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
    "report.collective_status": {"vi": "Tình trạng nhiệm vụ chung {no} ({compiler_short} chốt)",
                                 "en": "Status of collective task {no} (set by the {compiler_short})"},
    "report.collective_keep": {"vi": "— không ghi —", "en": "— not recorded —"},
    "report.comment": {"vi": "Nhận xét cho cơ quan", "en": "Comment for the agency"},
    "report.accept": {"vi": "Tiếp nhận", "en": "Accept"},
    "report.return": {"vi": "Trả lại", "en": "Return"},
    "upload.kind.report": {"vi": "Báo cáo định kỳ của cơ quan", "en": "Agency's periodic report"},
    "upload.template_progress_xlsx": {"vi": "Tải mẫu tiến độ nhiệm vụ (Excel)",
                                      "en": "Download the task-progress template (Excel)"},
    "agencies.report_state": {"vi": "Báo cáo {period}: {state} · {on_time}", "en": "Report {period}: {state} · {on_time}"},
    # command line
    "report.cli.accepted": {
        "vi": "Đã tiếp nhận báo cáo #{id} ({agency}, {period}): lần cập nhật #{upload} · tình trạng mới: {state}.",
        "en": "Accepted report #{id} ({agency}, {period}): upload #{upload} · new state: {state}."},
    "report.cli.accepted_nothing": {
        "vi": "Đã tiếp nhận báo cáo #{id} ({agency}, {period}): không có gì khác với số liệu hiện tại · tình trạng "
              "mới: {state}.",
        "en": "Accepted report #{id} ({agency}, {period}): nothing differed from the current data · new state: "
              "{state}."},
    "report.cli.returned": {
        "vi": "Đã trả lại báo cáo #{id} ({agency}, {period}) · tình trạng mới: {state}.",
        "en": "Returned report #{id} ({agency}, {period}) · new state: {state}."},
    "report.cli.bad_collective": {
        "vi": "--collective cần dạng SỐ_NHIỆM_VỤ=TÌNH_TRẠNG (not_started, in_progress, done), nhận được «{value}».",
        "en": "--collective takes TASK=STATUS (not_started, in_progress, done), got “{value}”."},
    "report.cli.bad_period": {
        "vi": "Kỳ báo cáo «{value}» không đúng dạng 2026-H1 hoặc 2026-H2.",
        "en": "Period “{value}” is not like 2026-H1 or 2026-H2."},
    # --- the offline form workbook, blank rows, the collective tasks apart (issue 20) ---
    "report.sheet.tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "report.sheet.indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "report.table.collective": {"vi": "Nhiệm vụ chung", "en": "Collective tasks"},
    "report.table.file": {"vi": "Tệp", "en": "File"},
    "report.previous": {"vi": "Lần báo cáo trước", "en": "Last reported"},
    "report.collective_group": {
        "vi": "NHIỆM VỤ CHUNG CỦA CÁC SỞ, NGÀNH, ĐỊA PHƯƠNG — không bắt buộc: điền nếu cơ quan có tham gia",
        "en": "COLLECTIVE TASKS OF ALL DEPARTMENTS AND LOCALITIES — optional: fill in if your agency took part"},
    "report.own_tasks": {"vi": "Nhiệm vụ của cơ quan", "en": "Your agency's tasks"},
    "report.own_tasks_help": {
        "vi": "Chọn tình trạng, ghi tiến độ (%), ghi chú và minh chứng (đường dẫn hoặc văn bản). Dòng để trống "
              "không được gửi. Cột «Lần báo cáo trước» chỉ để tham khảo.",
        "en": "Choose a status, give progress (%), a note and evidence (a link or text). Blank rows are not sent. "
              "“Last reported” is for reference only."},
    "report.collective_tasks": {"vi": "Nhiệm vụ chung (không bắt buộc)", "en": "Collective tasks (optional)"},
    "report.collective_help": {
        "vi": "Nhiệm vụ giao chung cho các sở, ngành, địa phương: điền nếu cơ quan có tham gia; {compiler_short} chốt "
              "tình trạng khi xem xét. Dòng để trống không được gửi.",
        "en": "Tasks given to all departments and localities: fill in if your agency took part; the "
              "{compiler_short} sets their status on review. Blank rows are not sent."},
    "report.no_indicators": {
        "vi": "Cơ quan không theo dõi chỉ tiêu nào của Phụ lục I: chỉ báo cáo nhiệm vụ.",
        "en": "Your agency monitors no indicator of Appendix I: report tasks only."},
    "report.download_form": {"vi": "Tải biểu báo cáo (Excel)", "en": "Download the report form (Excel)"},
    "report.download_form_filled": {"vi": "Tải biểu báo cáo đã điền (Excel)",
                                    "en": "Download the report form as filled in (Excel)"},
    "report.offline_help": {
        "vi": "Biểu Excel gồm các nhiệm vụ của cơ quan, các nhiệm vụ chung (không bắt buộc){indicators}; những gì "
              "đã lưu được điền sẵn. Chỉ điền các dòng cần báo cáo, dòng để trống được bỏ qua; tải lên lại thì "
              "thành bản nháp, rồi bấm «Gửi báo cáo».",
        "en": "The workbook lists your agency's tasks, the collective tasks (optional){indicators}; what you saved "
              "is filled in. Fill in only the rows you report, blank rows are skipped; uploading it back saves a "
              "draft, then press “Submit report”."},
    "report.offline_help_indicators": {"vi": " và các chỉ tiêu cơ quan theo dõi", "en": " and your indicators"},
    "report.nothing_filled": {
        "vi": "Tệp không có dòng nào được điền: hãy điền tình trạng (hoặc tiến độ, ghi chú, minh chứng) cho ít nhất "
              "một nhiệm vụ, hoặc năm, giá trị và nguồn cho một chỉ tiêu. Không có gì được lưu.",
        "en": "No row of the file was filled in: give a status (or progress, note, evidence) for at least one task, "
              "or a year, value and source for an indicator. Nothing was saved."},
    "report.form_heading": {
        "vi": "Báo cáo {label} ({period}) — {agency} · hạn gửi {due}",
        "en": "Report for the {label} ({period}) — {agency} · due {due}"},
    "report.form_returned": {
        "vi": "{compiler_short} TRẢ LẠI BÁO CÁO ({by}, {at}) — cần bổ sung: {comment}",
        "en": "RETURNED BY THE {compiler_short} ({by}, {at}) — to correct: {comment}"},
    "report.form_help": {
        "vi": "Chỉ điền các dòng cần báo cáo; dòng để trống được bỏ qua (không phải lỗi). Không sửa cột STT, Kỳ, "
              "Mã. Nhiệm vụ chung ở cuối bảng, không bắt buộc. Tải lên tại trang Báo cáo (lưu thành bản nháp).",
        "en": "Fill in only the rows you report; blank rows are skipped (not an error). Do not change the task "
              "number, period or code columns. Collective tasks are at the end, optional. Upload it on the "
              "Reports page (saved as a draft)."},
    "report.returned_still": {
        "vi": "Báo cáo vẫn ở tình trạng «Trả lại để bổ sung» cho đến khi cơ quan gửi lại.",
        "en": "The report stays “Returned” until your agency submits it again."},
    "report.returned_msg_state": {
        "vi": "Đã trả lại báo cáo #{id} của {agency} · tình trạng mới: {state}.",
        "en": "Report #{id} of {agency} returned · new state: {state}."},
    "report.accepted_msg_state": {
        "vi": "Đã tiếp nhận báo cáo #{id} của {agency} · tình trạng mới: {state} · lần cập nhật #{upload} ({written} ô).",
        "en": "Report #{id} of {agency} accepted · new state: {state} · upload #{upload} ({written} cells)."},
    "report.accepted_nothing_state": {
        "vi": "Đã tiếp nhận báo cáo #{id} của {agency} · tình trạng mới: {state} · không có số liệu nào khác hiện tại.",
        "en": "Report #{id} of {agency} accepted · new state: {state} · nothing differed from the current data."},
    "report.header.previous": {"vi": "Lần báo cáo trước", "en": "Last reported"},
    "report.cli.form_written": {
        "vi": "Đã ghi biểu báo cáo của {agency} kỳ {period} ({state}).",
        "en": "Wrote the report form of {agency} for {period} ({state})."},
    "report.cli.unknown_agency": {
        "vi": "«{agency}» không phải cơ quan phải báo cáo kỳ {period}. Chọn một trong: {allowed}.",
        "en": "“{agency}” is not an agency that reports for {period}. Choose one of: {allowed}."},
    "report.cli.not_agency_account": {
        "vi": "«{user}» không phải tài khoản cơ quan (tạo bằng: user add TÊN --role agency --agency MÃ).",
        "en": "“{user}” is not an agency account (create one with: user add NAME --role agency --agency ID)."},
    "report.cli.unreadable_file": {"vi": "Không đọc được tệp {file}: {reason}", "en": "Cannot read {file}: {reason}"},
    "report.cli.upload_invalid": {
        "vi": "Tệp có {n} lỗi, chưa lưu gì:", "en": "The file has {n} problems; nothing was saved:"},
    "report.cli.uploaded": {
        "vi": "Đã lưu nháp báo cáo #{id} của {agency} kỳ {period}: {tasks}, {figures} · tình trạng: {state}.",
        "en": "Saved the draft of report #{id} of {agency} for {period}: {tasks}, {figures} · state: {state}."},
    # the overview's attention box: not sent and sent late, counted apart
    "briefing.reports_title": {"vi": "Báo cáo kỳ {period}: {counts}", "en": "Reports for the {period}: {counts}"},
    "briefing.reports_missing": {"vi": "{n} cơ quan chưa gửi",
                                 "en": ("{n} agency has not reported", "{n} agencies have not reported")},
    "briefing.reports_late": {"vi": "{n} cơ quan gửi muộn", "en": ("{n} agency reported late", "{n} agencies reported late")},
    # reminder e-mails (report remind): written in Vietnamese; English for an operator reading --lang en
    "remind.subject.before": {
        "vi": "[Báo cáo NQ57] Nhắc gửi báo cáo {label}: còn {n} ngày, hạn {due}",
        "en": ("[NQ57 report] Reminder: report for the {label} due {due}, {n} day left",
               "[NQ57 report] Reminder: report for the {label} due {due}, {n} days left")},
    "remind.subject.today": {
        "vi": "[Báo cáo NQ57] Hôm nay là hạn gửi báo cáo {label} ({due})",
        "en": "[NQ57 report] The report for the {label} is due today ({due})"},
    "remind.subject.late": {
        "vi": "[Báo cáo NQ57] Báo cáo {label} đã quá hạn {due}",
        "en": "[NQ57 report] The report for the {label} is past its due date ({due})"},
    "remind.days_left": {"vi": "còn {n} ngày", "en": ("{n} day left", "{n} days left")},
    "remind.days_late": {"vi": "đã quá hạn {n} ngày", "en": ("{n} day past due", "{n} days past due")},
    "remind.greeting": {"vi": "Kính gửi: {agency},", "en": "To: {agency},"},
    "remind.state.missing": {
        "vi": "Báo cáo kỳ {label} ({period}) về thực hiện {plan_title} của "
              "cơ quan chưa được gửi.",
        "en": "Your agency's six-monthly report for the {label} ({period}) on the {plan_title} has not been "
              "submitted."},
    "remind.state.draft": {
        "vi": "Báo cáo kỳ {label} ({period}) về thực hiện {plan_title} của "
              "cơ quan đang ở bản nháp, chưa được gửi.",
        "en": "Your agency's six-monthly report for the {label} ({period}) on the {plan_title} is a draft, "
              "not yet submitted."},
    "remind.state.returned": {
        "vi": "Báo cáo kỳ {label} ({period}) của cơ quan đã được {compiler} trả lại để bổ "
              "sung và chưa được gửi lại.",
        "en": "Your agency's six-monthly report for the {label} ({period}) was returned by the "
              "{compiler} and has not been submitted again."},
    "remind.due": {"vi": "Hạn gửi: {due} ({when}).", "en": "Due: {due} ({when})."},
    "remind.comment": {"vi": "Nhận xét của {compiler_short}: «{comment}»", "en": "The {compiler_short}'s comment: “{comment}”"},
    "remind.link": {"vi": "Báo cáo tại: {link}", "en": "Report at: {link}"},
    "remind.how": {
        "vi": "Đăng nhập bằng tài khoản của cơ quan; có thể điền trực tiếp hoặc tải biểu Excel, điền rồi tải lên lại.",
        "en": "Sign in with your agency's account; fill in the form there, or download the Excel form, fill it "
              "in and upload it back."},
    "remind.footer": {
        "vi": "Thư gửi tự động từ hệ thống theo dõi {plan_title} của {city}; mỗi lời nhắc chỉ "
              "gửi một lần. Xin không trả lời thư này.",
        "en": "Sent automatically by the {plan_title} tracker of {city}; each reminder is sent once. Please "
              "do not reply."},
    "remind.not_configured": {
        "vi": "Chưa cấu hình máy chủ thư: đặt [smtp] host và sender trong hue57.toml (hoặc HUE57_SMTP_HOST, "
              "HUE57_SMTP_SENDER). Chưa gửi gì.",
        "en": "No mail server configured: set [smtp] host and sender in hue57.toml (or HUE57_SMTP_HOST, "
              "HUE57_SMTP_SENDER). Nothing was sent."},
    "remind.smtp_failed": {
        "vi": "Không gửi được thư qua máy chủ {server}: {error}. Chưa gửi và chưa ghi nhận lời nhắc nào; lần chạy "
              "sau sẽ gửi lại.",
        "en": "Could not send through the mail server {server}: {error}. No reminder was sent or recorded; the "
              "next run retries."},
    "remind.smtp_failed_at": {
        "vi": "Máy chủ thư {server} từ chối khi gửi cho {agency}: {error}. Các thư đã gửi trước đó được ghi "
              "nhận; những thư còn lại chưa gửi, lần chạy sau sẽ gửi.",
        "en": "The mail server {server} failed while sending to {agency}: {error}. The reminders sent before "
              "are recorded; the rest were not sent and the next run retries them."},
    "remind.status.due": {"vi": "sẽ gửi", "en": "to send"},
    "remind.status.sent": {"vi": "đã gửi trước đây", "en": "already sent"},
    "remind.status.no_address": {"vi": "không có địa chỉ thư", "en": "no e-mail address"},
    "remind.cli.nothing": {
        "vi": "Không có lời nhắc nào đến lượt gửi ngày {date} cho kỳ {period} (hạn {due}).",
        "en": "No reminder is due on {date} for {period} (due {due})."},
    "remind.cli.sent": {"vi": "Đã gửi {n} lời nhắc.", "en": ("Sent {n} reminder.", "Sent {n} reminders.")},
    "remind.cli.no_address": {
        "vi": "Chưa gửi được cho {n} cơ quan vì tài khoản không có địa chỉ thư: {agencies}.",
        "en": ("{n} agency has no account with an e-mail address: {agencies}.",
               "{n} agencies have no account with an e-mail address: {agencies}.")},
    "remind.cli.bad_days": {
        "vi": "--days cần các số ngày nguyên dương cách nhau bằng dấu phẩy (ví dụ 7,1), nhận được «{value}».",
        "en": "--days takes whole numbers of days separated by commas (e.g. 7,1), got “{value}”."},
    "report.cli.task_rows": {"vi": "{n} nhiệm vụ", "en": ("{n} task", "{n} tasks")},
    "report.cli.figure_rows": {"vi": "{n} số liệu", "en": ("{n} figure", "{n} figures")},
}
