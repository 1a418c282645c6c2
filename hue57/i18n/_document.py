"""Words of the compiled six-monthly report (the Word document and its page section), Vietnamese and English."""

TEXT: dict[str, dict[str, str]] = {
    # letterhead and title (the template's fields; the place comes from data/plan.toml)
    "report.motto.country": {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"},
    "report.motto.words": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "report.kind": {"vi": "BÁO CÁO", "en": "REPORT"},
    "report.parent_body": {"vi": "UBND {city_upper}", "en": "{city_upper} PEOPLE'S COMMITTEE"},
    "report.title.h1": {"vi": "Kết quả thực hiện Kế hoạch {plan} 6 tháng đầu năm {year}",
                        "en": "Results of the plan {plan}: first half of {year}"},
    "report.title.h2": {"vi": "Kết quả thực hiện Kế hoạch {plan} 6 tháng cuối năm {year}",
                        "en": "Results of the plan {plan}: second half of {year}"},
    "report.plan.numbered": {"vi": "số {number} ngày {date} của {committee} thực hiện {implements}",
                             "en": "no. {number} of {date} of the {committee} implementing {implements}"},
    "report.plan.unnumbered": {"vi": "của {committee} thực hiện {implements}",
                               "en": "of the {committee} implementing {implements}"},
    "report.to": {"vi": "Kính gửi: {committee}.", "en": "To: the {committee}."},
    "report.intro": {
        "vi": "Thực hiện Kế hoạch {plan}, {compiler} tổng hợp kết quả thực hiện {period} theo số liệu của hệ thống "
              "theo dõi (lần cập nhật số {upload}, ngày {uploaded}), đánh giá chỉ tiêu theo năm {year} và nhiệm vụ "
              "đến ngày {on}, như sau:",
        "en": "Under the plan {plan}, the {compiler} has compiled the results for the {period} from the tracker's "
              "data (upload no. {upload} of {uploaded}); targets are assessed for {year} and tasks as of {on}:"},
    "report.period.h1": {"vi": "6 tháng đầu năm {year}", "en": "first half of {year}"},
    "report.period.h2": {"vi": "6 tháng cuối năm {year}", "en": "second half of {year}"},
    # section headings
    "report.section.targets": {"vi": "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "en": "I. TARGETS"},
    "report.section.tasks": {"vi": "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "en": "II. TASKS"},
    "report.section.agencies": {"vi": "III. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ",
                                "en": "III. AGENCIES' REPORTS"},
    "report.section.proposals": {"vi": "IV. ĐỀ XUẤT, KIẾN NGHỊ", "en": "IV. PROPOSALS AND RECOMMENDATIONS"},
    "report.recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    # section I
    "report.targets.summary": {"vi": "Kế hoạch có {total} chỉ tiêu (tính theo mốc 2030 và 2045); tình trạng đánh "
                                     "giá năm {year}:",
                               "en": "The plan has {total} targets (2030 and 2045 horizons); their status in {year}:"},
    "report.targets.group": {"vi": "{n}. Các chỉ tiêu đến năm {horizon}", "en": "{n}. Targets for {horizon}"},
    "report.targets.chart": {"vi": "Biểu đồ: mức độ hoàn thành của từng chỉ tiêu (từ năm gốc đến mục tiêu)",
                             "en": "Chart: how far each target has come (from its base year toward its target)"},
    "report.col.count": {"vi": "Số lượng", "en": "Count"},
    "report.col.total": {"vi": "Tổng số", "en": "Total"},
    "report.col.target": {"vi": "Mục tiêu {horizon}", "en": "{horizon} target"},
    "report.col.latest": {"vi": "Thực hiện (năm)", "en": "Actual (year)"},
    "report.col.explanation": {"vi": "Giải thích", "en": "Explanation"},
    "report.source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    # section II
    "report.tasks.summary": {"vi": "1. Kế hoạch có {total} nhiệm vụ; tình trạng đến ngày {on}:",
                             "en": "1. The plan has {total} tasks; their status on {on}:"},
    "report.tasks.overdue": {"vi": "2. Nhiệm vụ quá hạn ({n})", "en": "2. Overdue tasks ({n})"},
    "report.tasks.done": {"vi": "3. Nhiệm vụ hoàn thành trong kỳ ({n})", "en": "3. Tasks done this period ({n})"},
    "report.col.deadline": {"vi": "Thời hạn", "en": "Deadline"},
    "report.none": {"vi": "Không có.", "en": "None."},
    # section III
    "report.agencies.summary": {
        "vi": "Hạn báo cáo {period}: ngày {due}. Trong {owing} cơ quan, đơn vị phải báo cáo:",
        "en": "Reports for the {period} were due on {due}. Of the {owing} agencies that owe a report:"},
    "report.agency.on_time": {"vi": "Báo cáo đúng hạn", "en": "Reported on time"},
    "report.agency.late": {"vi": "Báo cáo trễ hạn", "en": "Reported late"},
    "report.agency.missing": {"vi": "Chưa báo cáo", "en": "Not reported"},
    "report.agency.line": {"vi": "{state} ({n}): {names}", "en": "{state} ({n}): {names}"},
    "report.proposals.none": {"vi": "Không có.", "en": "None."},
    # problems a user can act on (CLI and page)
    "report.error.period": {
        "vi": "Kỳ báo cáo không hợp lệ: {period}. Hãy viết theo dạng YYYY-H1 hoặc YYYY-H2 (ví dụ 2026-H2), năm từ {first} đến {last}.",
        "en": "Unknown reporting period: {period}. Write it as YYYY-H1 or YYYY-H2 (e.g. 2026-H2), a year from {first} to {last}."},
    "report.error.date": {
        "vi": "Ngày báo cáo {on} ở trước kỳ {period} (bắt đầu ngày {start}). Hãy chọn ngày trong hoặc sau kỳ báo cáo.",
        "en": "The report date {on} is before the period {period} (which starts on {start}). Choose a date in or after the period."},
    "report.error.upload": {
        "vi": "Không có lần cập nhật số {upload} (hoặc lần đó không ghi số liệu). Xem các lần cập nhật bằng: python -m hue57 history",
        "en": "There is no upload no. {upload} (or it wrote no data). List the uploads with: python -m hue57 history"},
    "report.error.template_missing": {
        "vi": "Mẫu báo cáo {path} thiếu trường {fields}. Hãy thêm lại các trường này (ví dụ {{{{ {first} }}}}) vào mẫu Word; chưa tạo báo cáo.",
        "en": "The report template {path} lacks the field(s) {fields}. Put them back (e.g. {{{{ {first} }}}}) in the Word template; no report was built."},
    "report.error.template_unknown": {
        "vi": "Mẫu báo cáo {path} dùng trường không có dữ liệu: {fields}. Hãy sửa hoặc xóa các trường này trong mẫu Word; chưa tạo báo cáo.",
        "en": "The report template {path} uses field(s) the report does not supply: {fields}. Correct or remove them in the Word template; no report was built."},
    "report.error.template_file": {
        "vi": "Không đọc được mẫu báo cáo {path}: {reason}. Hãy dùng tệp .docx (tạo lại bằng data/templates/make_template.py).",
        "en": "Cannot read the report template {path}: {reason}. Use a .docx file (rebuild it with data/templates/make_template.py)."},
    "report.error.unknown_report": {"vi": "Không có báo cáo số {id}.", "en": "There is no built report no. {id}."},
    "report.cli.built": {"vi": "Đã tạo báo cáo số {id} ({period}, lần cập nhật số {upload}).",
                         "en": "Built report no. {id} ({period}, upload no. {upload})."},
    # the page section
    "report.page.heading": {"vi": "Báo cáo tổng hợp gửi UBND", "en": "Compiled report for the People's Committee"},
    "report.page.caption": {
        "vi": "Tạo báo cáo Word 6 tháng từ số liệu hiện tại; mỗi lần tạo được lưu lại để tải về sau.",
        "en": "Build the six-monthly Word report from the current data; every build is kept for download."},
    "report.page.period": {"vi": "Kỳ báo cáo", "en": "Reporting period"},
    "report.page.date": {"vi": "Ngày báo cáo", "en": "Report date"},
    "report.page.proposals": {"vi": "IV. Đề xuất, kiến nghị", "en": "IV. Proposals and recommendations"},
    "report.page.build": {"vi": "Tạo báo cáo", "en": "Build the report"},
    "report.page.download": {"vi": "Tải báo cáo (.docx)", "en": "Download the report (.docx)"},
    "report.page.preview": {"vi": "Xem trước các mục I–III", "en": "Preview of sections I–III"},
    "report.page.history": {"vi": "Các báo cáo đã tạo", "en": "Reports built"},
    "report.page.download_again": {"vi": "Tải lại báo cáo", "en": "Download again"},
    "report.col.id": {"vi": "Số", "en": "No."},
    "report.col.built_at": {"vi": "Thời điểm tạo", "en": "Built at"},
    "report.col.by": {"vi": "Người tạo", "en": "Built by"},
    "report.col.period": {"vi": "Kỳ", "en": "Period"},
    "report.col.upload": {"vi": "Lần cập nhật", "en": "Upload"},
    "report.col.on": {"vi": "Ngày báo cáo", "en": "Report date"},
    "report.col.lang": {"vi": "Ngôn ngữ", "en": "Language"},
}

# issue 23: a report ready to sign (no-data indicators on one line, output file names, who built it)
TEXT.update({
    "report.targets.no_data": {"vi": "Chưa có số liệu: {n} chỉ tiêu ({codes}).",
                               "en": ("No data yet: {n} target ({codes}).", "No data yet: {n} targets ({codes}).")},
    "report.error.output": {
        "vi": "Tệp kết quả phải có đuôi .docx (hoặc .pdf khi máy có LibreOffice): {path}. Chưa tạo báo cáo.",
        "en": "The output file must end in .docx (or .pdf where LibreOffice is installed): {path}. No report was built."},
    "report.error.pdf_tool": {
        "vi": "Muốn xuất PDF, máy cần LibreOffice (apt-get install libreoffice-writer-nogui). Hãy dùng -o ….docx; chưa tạo báo cáo.",
        "en": "A PDF needs LibreOffice (apt-get install libreoffice-writer-nogui). Use -o ….docx; no report was built."},
    "report.error.pdf_failed": {
        "vi": "LibreOffice không chuyển được báo cáo sang PDF ({reason}). Hãy dùng -o ….docx.",
        "en": "LibreOffice could not convert the report to PDF ({reason}). Use -o ….docx."},
    "who.cli": {"vi": "dòng lệnh", "en": "command line"},
})
