"""Words on screen for ingest (each key: Vietnamese as the Department writes it, and English)."""

TEXT: dict[str, dict[str, str]] = {
    # --- column names as the template heads them ---------------------------------------------------
    "ingest.header.code": {"vi": "Mã", "en": "code"},
    "ingest.header.name": {"vi": "Tên chỉ tiêu", "en": "name"},
    "ingest.header.unit": {"vi": "Đơn vị", "en": "unit"},
    "ingest.header.year": {"vi": "Năm", "en": "year"},
    "ingest.header.value": {"vi": "Giá trị", "en": "value"},
    "ingest.header.status": {"vi": "Trạng thái", "en": "status"},
    "ingest.header.source": {"vi": "Nguồn", "en": "source"},
    "ingest.header.note": {"vi": "Ghi chú", "en": "note"},
    "ingest.header.basis": {"vi": "Trên tổng số", "en": "basis"},
    "ingest.header.band": {"vi": "Nhóm xếp hạng", "en": "band"},
    "ingest.header.task_no": {"vi": "STT nhiệm vụ", "en": "task_no"},
    "ingest.header.period": {"vi": "Kỳ", "en": "period"},
    "ingest.header.progress_pct": {"vi": "Tiến độ (%)", "en": "progress_pct"},
    "ingest.header.evidence": {"vi": "Minh chứng", "en": "evidence"},
    # --- task progress statuses ----------------------------------------------------------------------
    "ingest.progress.not_started": {"vi": "Chưa bắt đầu", "en": "Not started"},
    "ingest.progress.in_progress": {"vi": "Đang thực hiện", "en": "In progress"},
    "ingest.progress.done": {"vi": "Hoàn thành", "en": "Done"},
    "ingest.kind.actuals": {"vi": "số liệu chỉ tiêu", "en": "indicator figures"},
    "ingest.kind.progress": {"vi": "tiến độ nhiệm vụ", "en": "task progress"},
    # --- the file as a whole -----------------------------------------------------------------------------
    "ingest.err.too_large": {
        "vi": "Tệp quá lớn ({size} MB; tối đa {limit} MB). Hãy chia thành nhiều tệp nhỏ hơn rồi tải lên lần lượt.",
        "en": "The file is too large ({size} MB; at most {limit} MB). Split it into smaller files and upload them one by one."},
    "ingest.err.too_many_rows": {
        "vi": "Tệp có hơn {limit} dòng số liệu. Hãy chia thành nhiều tệp, mỗi tệp tối đa {limit} dòng.",
        "en": "The file has more than {limit} data rows. Split it into several files of at most {limit} rows each."},
    "ingest.err.extension": {
        "vi": "Chỉ nhận tệp .csv hoặc .xlsx. Trong Excel, chọn Tệp → Lưu thành → «CSV UTF-8» hoặc «Sổ làm việc Excel (.xlsx)».",
        "en": "Only .csv or .xlsx files are accepted. In Excel choose File → Save As → “CSV UTF-8” or “Excel Workbook (.xlsx)”."},
    "ingest.err.old_excel": {
        "vi": "Đây là tệp Excel cũ (.xls), tệp có macro hoặc tệp đặt mật khẩu. Hãy mở trong Excel, bỏ mật khẩu nếu có, rồi lưu thành «Sổ làm việc Excel (.xlsx)» hoặc «CSV UTF-8».",
        "en": "This is an old Excel file (.xls), a macro workbook or a password-protected file. Open it in Excel, remove any password, and save it as “Excel Workbook (.xlsx)” or “CSV UTF-8”."},
    "ingest.err.empty": {
        "vi": "Tệp trống. Hãy tải tệp mẫu, điền số liệu rồi tải lên lại.",
        "en": "The file is empty. Download the template, fill it in and upload it again."},
    "ingest.err.header_only": {
        "vi": "Tệp chỉ có dòng tiêu đề, chưa có dòng số liệu nào. Hãy điền số liệu từ dòng 2 trở đi.",
        "en": "The file has only the header row and no data. Fill in data from row 2 on."},
    "ingest.err.no_filled_rows": {
        "vi": "Chưa có dòng nào được điền số liệu (năm, giá trị hoặc trạng thái, nguồn). Hãy điền ít nhất một dòng.",
        "en": "No row has been filled in (year, value or status, source). Fill in at least one row."},
    "ingest.err.not_text": {
        "vi": "Tệp không phải là văn bản CSV (có thể là ảnh, PDF hoặc tệp bị hỏng). Hãy xuất lại từ Excel dạng «CSV UTF-8» hoặc .xlsx.",
        "en": "The file is not CSV text (it may be an image, a PDF or a damaged file). Export it again from Excel as “CSV UTF-8” or .xlsx."},
    "ingest.err.encoding": {
        "vi": "Tệp không được lưu bằng bảng mã UTF-8 (lỗi ở dòng {row}, byte {value}), nên chữ có dấu sẽ bị sai. Trong Excel, chọn Lưu thành → «CSV UTF-8 (Comma delimited)».",
        "en": "The file is not saved as UTF-8 (problem on row {row}, bytes {value}), so Vietnamese letters would be garbled. In Excel choose Save As → “CSV UTF-8 (Comma delimited)”."},
    "ingest.err.csv_is_xlsx": {
        "vi": "Tệp có đuôi .csv nhưng thực chất là sổ làm việc Excel. Hãy đổi đuôi thành .xlsx hoặc lưu lại dạng «CSV UTF-8».",
        "en": "The file is named .csv but is actually an Excel workbook. Rename it to .xlsx or save it again as “CSV UTF-8”."},
    "ingest.err.xlsx_is_text": {
        "vi": "Tệp có đuôi .xlsx nhưng nội dung là văn bản (có thể là CSV bị đổi tên). Hãy đổi đuôi thành .csv hoặc mở trong Excel rồi lưu thành .xlsx.",
        "en": "The file is named .xlsx but contains text (perhaps a renamed CSV). Rename it to .csv, or open it in Excel and save it as .xlsx."},
    "ingest.err.not_xlsx": {
        "vi": "Không đọc được tệp Excel này (tệp hỏng hoặc không phải sổ làm việc Excel). Hãy mở trong Excel và lưu lại thành «Sổ làm việc Excel (.xlsx)».",
        "en": "This Excel file cannot be read (it is damaged or not an Excel workbook). Open it in Excel and save it again as “Excel Workbook (.xlsx)”."},
    "ingest.err.csv_quote": {
        "vi": "Dấu ngoặc kép mở ở khoảng dòng {row} không được đóng, nên phần còn lại của tệp bị gộp vào một ô. Hãy đóng ngoặc kép hoặc xóa dấu ngoặc thừa.",
        "en": "A double quote opened around row {row} is never closed, so the rest of the file runs into one cell. Close the quote or remove the stray one."},
    "ingest.err.extra_cells": {
        "vi": "Dòng có {cells} ô trong khi dòng tiêu đề có {header} cột. Thường do dấu «{sep}» nằm trong một giá trị (ví dụ số thập phân 30,5 trong tệp phân cách bằng dấu phẩy). Hãy đặt giá trị đó trong ngoặc kép hoặc lưu tệp với dấu chấm phẩy.",
        "en": "The row has {cells} cells but the header has {header} columns. Usually a “{sep}” inside a value (e.g. the decimal 30,5 in a comma-separated file). Put that value in double quotes or save the file with semicolons."},
    "ingest.err.unknown_layout": {
        "vi": "Không nhận ra các cột của tệp. Tệp số liệu cần các cột «Mã, Năm, Giá trị, Nguồn» (thêm «Trạng thái», «Ghi chú» nếu cần); tệp tiến độ cần «STT nhiệm vụ, Kỳ, Trạng thái». Hãy dùng tệp mẫu; dòng tiêu đề phải nằm trong 20 dòng đầu của trang tính.",
        "en": "The columns of this file are not recognised. A figures file needs “code, year, value, source” (plus “status”, “note” when needed); a progress file needs “task_no, period, status”. Use the template; the header must be within the sheet's first 20 rows."},
    # --- bounds: every upload is read within these, whatever it holds -------------------------------------------
    "ingest.err.unzipped_too_large": {
        "vi": "Tệp Excel khi giải nén ra quá lớn ({size} MB; tối đa {limit} MB). Hãy xóa các trang tính, hình ảnh và vùng dữ liệu không cần thiết, hoặc chép số liệu sang tệp mẫu rồi tải lên lại.",
        "en": "The Excel file is too large once unpacked ({size} MB; at most {limit} MB). Delete unneeded sheets, pictures and ranges, or copy the figures into the template and upload that."},
    "ingest.err.part_too_large": {
        "vi": "Phần «{part}» của tệp Excel giải nén ra {size} MB (tối đa {limit} MB) — thường do một đoạn chữ rất dài hoặc định dạng bị nhân bản. Hãy chép số liệu sang tệp mẫu (chỉ dán giá trị) rồi tải lên lại.",
        "en": "Part “{part}” of the Excel file unpacks to {size} MB (at most {limit} MB) — usually a very long text or duplicated formatting. Copy the figures into the template (paste values only) and upload that."},
    "ingest.err.row_too_large": {
        "vi": "Một dòng của trang tính (dòng thứ {row} trong tệp) chiếm {size} MB (tối đa {limit} MB). Hãy chép số liệu sang tệp mẫu (chỉ dán giá trị) rồi tải lên lại.",
        "en": "One row of the sheet (row element {row} in the file) takes {size} MB (at most {limit} MB). Copy the figures into the template (paste values only) and upload that."},
    "ingest.err.too_many_sheet_rows": {
        "vi": "Trang tính có hơn {limit} dòng tính cả dòng trống (có thể do định dạng kéo xuống tận cuối trang tính). Hãy xóa các dòng thừa bên dưới số liệu, hoặc chép số liệu sang tệp mẫu.",
        "en": "The sheet has more than {limit} rows counting blank ones (perhaps formatting dragged down to the end of the sheet). Delete the extra rows below the data, or copy the figures into the template."},
    "ingest.err.too_many_columns": {
        "vi": "Dòng tiêu đề có hơn {limit} cột. Tệp mẫu chỉ có vài cột: hãy xóa các cột thừa.",
        "en": "The header has more than {limit} columns. The template has only a few: delete the extra ones."},
    "ingest.err.cell_too_long": {
        "vi": "Ô {column}{row} có {length} ký tự; mỗi ô tối đa {limit} ký tự (ghi chú tối đa 1.000). Hãy rút ngắn nội dung ô này.",
        "en": "Cell {column}{row} holds {length} characters; a cell may hold at most {limit} (a note at most 1,000). Shorten it."},
    "ingest.err.text_too_large": {
        "vi": "Tổng số chữ trong các ô vượt quá {limit} ký tự. Hãy chia thành nhiều tệp nhỏ hơn.",
        "en": "The cells hold more than {limit} characters in all. Split the file into smaller ones."},
    "ingest.err.too_many_cells": {
        "vi": "Tệp có hơn {limit} ô có nội dung. Hãy chia thành nhiều tệp nhỏ hơn.",
        "en": "The file has more than {limit} filled cells. Split it into smaller files."},
    "ingest.err.too_slow": {
        "vi": "Đọc tệp mất quá {limit} giây nên đã dừng. Hãy chép số liệu sang tệp mẫu (chỉ dán giá trị) hoặc lưu thành «CSV UTF-8» rồi tải lên lại.",
        "en": "Reading the file took more than {limit} seconds, so it was stopped. Copy the figures into the template (paste values only) or save as “CSV UTF-8”, and upload again."},
    "ingest.err.formula_no_value": {
        "vi": "Trang tính «{sheet}» có {count} ô chứa công thức nhưng tệp không lưu kết quả đã tính ({cells}), nên không biết giá trị. Hãy mở tệp trong Excel và lưu lại (Excel sẽ tính và lưu kết quả), rồi tải lên lần nữa.",
        "en": ("Sheet “{sheet}” has {count} cell with a formula but no saved result ({cells}), so its value is unknown. Open the file in Excel and save it again (Excel calculates and saves the results), then upload it.", "Sheet “{sheet}” has {count} cells with a formula but no saved result ({cells}), so their values are unknown. Open the file in Excel and save it again (Excel calculates and saves the results), then upload it.")},
    "ingest.note.sheet": {
        "vi": "Số liệu được đọc từ trang tính «{sheet}»: trang đầu tiên «{first}» không có dòng tiêu đề nhận ra được.",
        "en": "The data was read from sheet “{sheet}”: the first sheet, “{first}”, has no recognisable header."},
    "ingest.note.title_rows": {
        "vi": "Bỏ qua {count} dòng tiêu đề phía trên dòng tên cột (dòng {rows}).",
        "en": ("{count} title row above the column names was skipped (rows {rows}).", "{count} title rows above the column names were skipped (rows {rows}).")},
    "ingest.note.footer": {
        "vi": "Bỏ qua {count} dòng ở cuối không có mã và giá trị (phần ký tên; dòng {rows}).",
        "en": ("{count} row at the end with no code and no value was skipped (a signature block; rows {rows}).", "{count} rows at the end with no code and no value were skipped (a signature block; rows {rows}).")},
    "ingest.err.unknown_column_actuals": {
        "vi": "Cột «{column}» không có trong mẫu số liệu. Các cột được dùng: Mã, Năm, Giá trị, Trạng thái, Nguồn, Ghi chú, Trên tổng số, Nhóm xếp hạng (và Tên chỉ tiêu, Đơn vị để tham khảo). Hãy đổi tên hoặc xóa cột này.",
        "en": "Column “{column}” is not part of the figures template. Columns used: code, year, value, status, source, note, basis, band (and name, unit for reference). Rename or delete this column."},
    "ingest.err.unknown_column_progress": {
        "vi": "Cột «{column}» không có trong mẫu tiến độ nhiệm vụ. Các cột được dùng: STT nhiệm vụ, Kỳ, Trạng thái, Tiến độ (%), Ghi chú, Minh chứng. Hãy đổi tên hoặc xóa cột này.",
        "en": "Column “{column}” is not part of the task progress template. Columns used: task_no, period, status, progress_pct, note, evidence. Rename or delete this column."},
    "ingest.err.duplicate_column": {
        "vi": "Cột «{column}» trùng nghĩa với cột «{first}». Hãy giữ một cột và xóa cột còn lại.",
        "en": "Column “{column}” means the same as column “{first}”. Keep one and delete the other."},
    "ingest.err.missing_column": {
        "vi": "Thiếu cột «{vi}» (hoặc «{en}»). Hãy thêm cột này vào dòng tiêu đề như trong tệp mẫu.",
        "en": "Column “{en}” (or “{vi}”) is missing. Add it to the header row as in the template."},
    "ingest.err.no_header": {
        "vi": "Cột {column} có số liệu nhưng không có tiêu đề. Hãy đặt tên cột theo mẫu hoặc xóa số liệu thừa.",
        "en": "Column {column} has data but no header. Give it a header from the template or delete the stray data."},
    # --- cells ---------------------------------------------------------------------------------------------
    "ingest.err.code_missing": {
        "vi": "Thiếu mã chỉ tiêu. Hãy ghi mã như trong tệp mẫu (ví dụ 7 hoặc 8.10).",
        "en": "The indicator code is missing. Write the code as in the template (e.g. 7 or 8.10)."},
    "ingest.err.code_unknown": {
        "vi": "Mã «{value}» không có trong kế hoạch. Hãy dùng một mã trong tệp mẫu (mã là chữ: 8.10 khác 8.1).",
        "en": "Code “{value}” is not in the plan. Use a code from the template (codes are text: 8.10 is not 8.1)."},
    "ingest.err.code_unknown_hint": {
        "vi": "Mã «{value}» không có trong kế hoạch. Có phải ý bạn là: {hint}? Hãy sửa theo tệp mẫu.",
        "en": "Code “{value}” is not in the plan. Did you mean: {hint}? Correct it as in the template."},
    "ingest.err.year_missing": {
        "vi": "Thiếu năm. Hãy ghi năm của số liệu bằng bốn chữ số, ví dụ 2025.",
        "en": "The year is missing. Write the year of the figure with four digits, e.g. 2025."},
    "ingest.err.year_not_int": {
        "vi": "Năm «{value}» không hợp lệ. Hãy ghi năm bằng bốn chữ số, ví dụ 2025.",
        "en": "Year “{value}” is not valid. Write the year with four digits, e.g. 2025."},
    "ingest.err.year_range": {
        "vi": "Năm «{value}» nằm ngoài khoảng {first}–{last}. Hãy kiểm tra lại năm của số liệu.",
        "en": "Year “{value}” is outside {first}–{last}. Check the year of the figure."},
    "ingest.err.value_missing": {
        "vi": "Thiếu giá trị cho chỉ tiêu {code}. Hãy ghi số liệu (ví dụ 30,5) hoặc xóa dòng này.",
        "en": "The value for indicator {code} is missing. Write the figure (e.g. 30.5) or delete this row."},
    "ingest.err.value_not_number": {
        "vi": "«{value}» không phải là số. Hãy ghi một số, ví dụ 30,5 hoặc 1.234,5 (không kèm chữ hay đơn vị).",
        "en": "“{value}” is not a number. Write a number, e.g. 30.5 or 1,234.5 (no words or units)."},
    "ingest.err.value_ambiguous": {
        "vi": "«{value}» có thể hiểu hai cách (một nghìn hai trăm… hay một phẩy hai…) vì tệp dùng cả dấu chấm lẫn dấu phẩy làm dấu thập phân. Hãy ghi không có dấu phân cách hàng nghìn, ví dụ 1234 hoặc 1,234.",
        "en": "“{value}” can be read two ways (one thousand… or one point two…) because the file uses both dot and comma as the decimal mark. Write it without a thousands separator, e.g. 1234 or 1.234."},
    "ingest.err.value_for_qualitative": {
        "vi": "Chỉ tiêu {code} được đánh giá định tính: không ghi giá trị số. Hãy xóa «{value}» và ghi đánh giá vào cột «{status_col}» (Đã đạt, Đúng lộ trình, Cần đẩy nhanh, Chậm, Đi lùi).",
        "en": "Indicator {code} is assessed qualitatively: it takes no number. Delete “{value}” and put the assessment in column “{status_col}” (met, on_track, moderate, insufficient, regressing)."},
    "ingest.err.percent_range": {
        "vi": "Chỉ tiêu {code} tính bằng {unit}: giá trị phải từ 0 đến 100. Hãy sửa «{value}» (ví dụ 30,5 cho 30,5%).",
        "en": "Indicator {code} is measured in {unit}: the value must be between 0 and 100. Correct “{value}” (e.g. 30.5 for 30.5%)."},
    "ingest.err.rank_whole": {
        "vi": "Chỉ tiêu {code} là thứ hạng: giá trị phải là số nguyên từ 1 trở lên (1 là cao nhất). Hãy sửa «{value}».",
        "en": "Indicator {code} is a rank: the value must be a whole number of 1 or more (1 is best). Correct “{value}”."},
    "ingest.err.count_negative": {
        "vi": "Chỉ tiêu {code} ({unit}) không thể âm. Hãy sửa «{value}».",
        "en": "Indicator {code} ({unit}) cannot be negative. Correct “{value}”."},
    "ingest.err.status_for_numeric": {
        "vi": "Chỉ tiêu {code} đo bằng số: không ghi trạng thái. Hãy xóa «{value}» và ghi số liệu vào cột «{value_col}».",
        "en": "Indicator {code} is measured by a number: it takes no status. Delete “{value}” and put the figure in column “{value_col}”."},
    "ingest.err.status_missing": {
        "vi": "Chỉ tiêu {code} được đánh giá định tính: hãy ghi trạng thái (Đã đạt, Đúng lộ trình, Cần đẩy nhanh, Chậm hoặc Đi lùi).",
        "en": "Indicator {code} is assessed qualitatively: write its status (met, on_track, moderate, insufficient or regressing)."},
    "ingest.err.status_unknown": {
        "vi": "Trạng thái «{value}» không hợp lệ. Hãy chọn một trong: Đã đạt, Đúng lộ trình, Cần đẩy nhanh, Chậm, Đi lùi.",
        "en": "Status “{value}” is not valid. Choose one of: met, on_track, moderate, insufficient, regressing."},
    "ingest.err.source_missing": {
        "vi": "Thiếu nguồn số liệu. Hãy ghi văn bản, đường dẫn hoặc «ước tính của chuyên viên».",
        "en": "The source is missing. Write the document, the link, or “analyst estimate”."},
    "ingest.err.too_long": {
        "vi": "Nội dung dài quá {limit} ký tự. Hãy rút gọn.",
        "en": "The text is longer than {limit} characters. Shorten it."},
    "ingest.err.basis_whole": {
        "vi": "«{value}» không phải là một số nguyên dương. Cột này ghi thứ hạng được xếp trên tổng số bao nhiêu (ví dụ 63 tỉnh, thành phố trước năm 2025, 34 từ năm 2025); hãy sửa hoặc để trống.",
        "en": "“{value}” is not a positive whole number. This column says how many were ranked (e.g. 63 provinces before 2025, 34 from 2025); correct it or leave it empty."},
    "ingest.err.basis_not_rank": {
        "vi": "Chỉ tiêu {code} không phải là thứ hạng nên không ghi «trên tổng số». Hãy xóa «{value}».",
        "en": "Indicator {code} is not a rank, so it takes no basis. Delete “{value}”."},
    "ingest.err.rank_over_basis": {
        "vi": "Chỉ tiêu {code}: hạng «{value}» lớn hơn tổng số được xếp hạng ({basis}, cột «{basis_col}»). Hãy kiểm tra lại hạng hoặc tổng số.",
        "en": "Indicator {code}: rank “{value}” is larger than the number ranked ({basis}, column “{basis_col}”). Check the rank or the basis."},
    "ingest.err.band_not_rank": {
        "vi": "Chỉ tiêu {code} không phải là thứ hạng nên không ghi nhóm xếp hạng. Hãy xóa «{value}».",
        "en": "Indicator {code} is not a rank, so it takes no band. Delete “{value}”."},
    "ingest.err.band_format": {
        "vi": "Nhóm xếp hạng «{value}» không hợp lệ. Hãy ghi dạng «351–400» (hạng đầu–hạng cuối, hạng cuối không nhỏ hơn hạng đầu) hoặc «1401+».",
        "en": "Band “{value}” is not valid. Write it as “351–400” (first–last place, last not below first) or “1401+”."},
    "ingest.err.band_value": {
        "vi": "Hạng thuộc nhóm «{band}» (cột «{band_col}») được lưu bằng vị trí cao nhất của nhóm: hãy ghi giá trị {start} thay cho «{value}».",
        "en": "A rank in band “{band}” (column “{band_col}”) is stored as the band's best place: write {start} instead of “{value}”."},
    "ingest.err.duplicate": {
        "vi": "Mã {code}, năm {year} xuất hiện ở nhiều dòng: {rows_list}. Hãy giữ một dòng và xóa các dòng còn lại.",
        "en": "Code {code}, year {year} appears on several rows: {rows_list}. Keep one row and delete the others."},
    "ingest.err.duplicate_mapped": {
        "vi": "Chỉ tiêu {code}, năm {year} xuất hiện ở nhiều dòng: {rows_list} (mã của mục tiêu khác cùng chỉ tiêu được lưu dưới mã {code}). Hãy giữ một dòng và xóa các dòng còn lại.",
        "en": "Indicator {code}, year {year} appears on several rows: {rows_list} (codes of other targets of the same indicator are stored under code {code}). Keep one row and delete the others."},
    "ingest.err.task_missing": {
        "vi": "Thiếu số thứ tự nhiệm vụ. Hãy ghi số nhiệm vụ trong Phụ lục II (ví dụ 12).",
        "en": "The task number is missing. Write the task's number from Appendix II (e.g. 12)."},
    "ingest.err.task_not_int": {
        "vi": "«{value}» không phải số thứ tự nhiệm vụ. Hãy ghi một số nguyên từ 1 đến {last}.",
        "en": "“{value}” is not a task number. Write a whole number from 1 to {last}."},
    "ingest.err.task_unknown": {
        "vi": "Không có nhiệm vụ số {value} trong kế hoạch. Hãy ghi số từ 1 đến {last} theo Phụ lục II.",
        "en": "There is no task {value} in the plan. Write a number from 1 to {last} as in Appendix II."},
    "ingest.err.period_missing": {
        "vi": "Thiếu kỳ báo cáo. Hãy ghi dạng 2025-H1 (6 tháng đầu năm) hoặc 2025-H2 (6 tháng cuối năm).",
        "en": "The period is missing. Write it as 2025-H1 (first half) or 2025-H2 (second half)."},
    "ingest.err.period_format": {
        "vi": "Kỳ «{value}» không hợp lệ. Hãy ghi dạng 2025-H1 (6 tháng đầu năm) hoặc 2025-H2 (6 tháng cuối năm).",
        "en": "Period “{value}” is not valid. Write it as 2025-H1 (first half) or 2025-H2 (second half)."},
    "ingest.err.progress_status_missing": {
        "vi": "Thiếu trạng thái nhiệm vụ. Hãy ghi: Chưa bắt đầu, Đang thực hiện hoặc Hoàn thành.",
        "en": "The task status is missing. Write: not_started, in_progress or done."},
    "ingest.err.progress_status_unknown": {
        "vi": "Trạng thái «{value}» không hợp lệ. Hãy chọn: Chưa bắt đầu, Đang thực hiện hoặc Hoàn thành.",
        "en": "Status “{value}” is not valid. Choose: not_started, in_progress or done."},
    "ingest.err.pct_range": {
        "vi": "Tiến độ phải từ 0 đến 100 (%). Hãy sửa «{value}».",
        "en": "Progress must be between 0 and 100 (%). Correct “{value}”."},
    "ingest.err.progress_duplicate": {
        "vi": "Nhiệm vụ {task} xuất hiện ở nhiều dòng trong cùng kỳ {period}: {rows_list}. Hãy giữ một dòng và xóa các dòng còn lại.",
        "en": "Task {task} appears on several rows for the same period {period}: {rows_list}. Keep one row and delete the others."},
    # --- notices -------------------------------------------------------------------------------------------
    "ingest.note.skipped": {
        "vi": "{value} dòng chỉ có mã, chưa điền số liệu (dòng {rows}): bỏ qua.",
        "en": ("{value} row has a code but no data (rows {rows}): skipped.", "{value} rows have a code but no data (rows {rows}): skipped.")},
    "ingest.note.mapped": {
        "vi": "Mã {code} là mục tiêu khác của cùng chỉ tiêu {indicator}: số liệu ở dòng {rows} được lưu dưới mã {indicator}.",
        "en": "Code {code} is another target of the same indicator {indicator}: the figures on rows {rows} are stored under code {indicator}."},
    "ingest.note.decimal_vi": {
        "vi": "{value} giá trị dạng «1.234» được đọc theo cách viết Việt Nam: dấu chấm phân cách hàng nghìn (1.234 = 1234), dấu phẩy là dấu thập phân. Hãy kiểm tra trong bản xem trước.",
        "en": ("{value} value like “1.234” was read the Vietnamese way: dot = thousands (1.234 = 1234), comma = decimal mark. Check it in the preview.", "{value} values like “1.234” were read the Vietnamese way: dot = thousands (1.234 = 1234), comma = decimal mark. Check them in the preview.")},
    "ingest.note.decimal_en": {
        "vi": "{value} giá trị dạng «1.234» được đọc theo cách viết tiếng Anh vì tệp phân cách cột bằng dấu phẩy: dấu chấm là dấu thập phân (1.234 = một phẩy hai ba bốn). Hãy kiểm tra trong bản xem trước.",
        "en": ("{value} value like “1.234” was read the English way because the file separates columns with commas: dot = decimal mark (1.234 = one point two three four). Check it in the preview.", "{value} values like “1.234” were read the English way because the file separates columns with commas: dot = decimal mark (1.234 = one point two three four). Check them in the preview.")},
    # --- tables for the page and the CLI -----------------------------------------------------------------
    "ingest.col.row": {"vi": "Dòng", "en": "Row"},
    "ingest.col.column": {"vi": "Cột", "en": "Column"},
    "ingest.col.value": {"vi": "Giá trị trong tệp", "en": "Value in file"},
    "ingest.col.message": {"vi": "Lỗi và cách sửa", "en": "Problem and fix"},
    "ingest.col.notice": {"vi": "Lưu ý", "en": "Notice"},
    "ingest.col.warning": {"vi": "Cảnh báo", "en": "Warning"},
    # --- warnings: probably on the wrong scale (the analyst confirms, or corrects the file) -----------------
    "ingest.warn.fraction_percent": {
        "vi": "Chỉ tiêu {code} tính bằng {unit}: «{value}» có thể là phân số thay cho phần trăm (năm {ref_year} là {n_ref}). Nếu ý là {n_suggest}%, hãy ghi {n_suggest}; nếu đúng là {value}%, hãy xác nhận.",
        "en": "Indicator {code} is measured in {unit}: “{value}” may be a fraction written for a percentage ({ref_year} was {n_ref}). If you mean {n_suggest}%, write {n_suggest}; if it really is {value}%, confirm it."},
    "ingest.warn.index_scale": {
        "vi": "Chỉ tiêu {code} là chỉ số có mục tiêu {n_target}: «{value}» lớn hơn 1, có thể ghi nhầm thang (ví dụ 75 thay cho 0,75). Nếu ý là {n_suggest}, hãy sửa; nếu đúng, hãy xác nhận.",
        "en": "Indicator {code} is an index with target {n_target}: “{value}” is above 1, perhaps on the wrong scale (e.g. 75 for 0.75). If you mean {n_suggest}, correct it; if it is right, confirm it."},
    "ingest.warn.jump": {
        "vi": "Chỉ tiêu {code}: «{value}» chênh {factor} lần so với năm {ref_year} ({n_ref}). Hãy kiểm tra đơn vị và dấu thập phân; nếu đúng, hãy xác nhận.",
        "en": "Indicator {code}: “{value}” is {factor} times away from {ref_year} ({n_ref}). Check the unit and the decimal mark; if it is right, confirm it."},
    "ingest.diff.change": {"vi": "Thay đổi", "en": "Change"},
    "ingest.diff.new": {"vi": "Mới", "en": "New"},
    "ingest.diff.changed": {"vi": "Sửa", "en": "Changed"},
    "ingest.diff.unchanged": {"vi": "Không đổi", "en": "Unchanged"},
    "ingest.diff.removed": {"vi": "Xóa", "en": "Removed"},
    "ingest.diff.task": {"vi": "Nhiệm vụ", "en": "Task"},
    "ingest.diff.period": {"vi": "Kỳ", "en": "Period"},
    "ingest.diff.value_old": {"vi": "Giá trị cũ", "en": "Old value"},
    "ingest.diff.value_new": {"vi": "Giá trị mới", "en": "New value"},
    "ingest.diff.status_old": {"vi": "Trạng thái cũ", "en": "Old status"},
    "ingest.diff.status_new": {"vi": "Trạng thái mới", "en": "New status"},
    "ingest.diff.source_old": {"vi": "Nguồn cũ", "en": "Old source"},
    "ingest.diff.source_new": {"vi": "Nguồn mới", "en": "New source"},
    "ingest.diff.pct_old": {"vi": "Tiến độ cũ", "en": "Old progress"},
    "ingest.diff.pct_new": {"vi": "Tiến độ mới", "en": "New progress"},
    "ingest.diff.evidence": {"vi": "Minh chứng", "en": "Evidence"},
    "ingest.diff.basis_old": {"vi": "Trên tổng số cũ", "en": "Old basis"},
    "ingest.diff.basis_new": {"vi": "Trên tổng số mới", "en": "New basis"},
    "ingest.diff.band_old": {"vi": "Nhóm xếp hạng cũ", "en": "Old band"},
    "ingest.diff.band_new": {"vi": "Nhóm xếp hạng mới", "en": "New band"},
    "ingest.diff.mapped": {"vi": "ghi ở mã {code} trong tệp", "en": "written as code {code} in the file"},
    # --- outcomes ---------------------------------------------------------------------------------------------
    "ingest.summary.committed": {
        "vi": "Đã nhập «{filename}» ({kind}), lần cập nhật #{id}: {new} mới, {changed} thay đổi, {unchanged} không đổi.",
        "en": "Imported “{filename}” ({kind}) as upload #{id}: {new} new, {changed} changed, {unchanged} unchanged."},
    "ingest.summary.no_op": {
        "vi": "«{filename}» ({kind}) không làm thay đổi gì: cả {unchanged} dòng trùng với số liệu hiện có. Lần thử được ghi vào lịch sử, không ghi số liệu và không dùng số lần cập nhật.",
        "en": "“{filename}” ({kind}) changes nothing: all {unchanged} rows match the current figures. The attempt is in the history; no data written and no upload number used."},
    "ingest.summary.dry_run": {
        "vi": "Chạy thử «{filename}» ({kind}): sẽ có {new} mới, {changed} thay đổi, {unchanged} không đổi. Chưa ghi số liệu nào (lần chạy thử được ghi vào lịch sử, không dùng số lần cập nhật).",
        "en": "Dry run of “{filename}” ({kind}): {new} new, {changed} changed, {unchanged} unchanged. No data written (the dry run is in the history; no upload number used)."},
    "ingest.summary.preview": {
        "vi": "Xem trước «{filename}» ({kind}): {new} mới, {changed} thay đổi, {unchanged} không đổi. Chưa ghi gì.",
        "en": "Preview of “{filename}” ({kind}): {new} new, {changed} changed, {unchanged} unchanged. Nothing written yet."},
    "ingest.summary.invalid": {
        "vi": "«{filename}» có {count} lỗi nên không có gì được ghi. Hãy sửa các lỗi (dòng tính như trong Excel: tiêu đề là dòng 1) rồi tải lại cả tệp.",
        "en": ("“{filename}” has {count} problem, so nothing was written. Fix it (rows as Excel shows them: the header is row 1) and upload the whole file again.", "“{filename}” has {count} problems, so nothing was written. Fix them (rows as Excel shows them: the header is row 1) and upload the whole file again.")},
    "ingest.summary.unconfirmed": {
        "vi": "«{filename}» có {count} giá trị có thể sai thang đo nên chưa có gì được ghi. Hãy kiểm tra các dòng được nêu và sửa tệp; nếu số liệu đúng, chạy lại với --accept-warnings.",
        "en": ("“{filename}” has {count} value probably on the wrong scale, so nothing was written. Check the row listed and correct the file; if the figure is right, run again with --accept-warnings.", "“{filename}” has {count} values probably on the wrong scale, so nothing was written. Check the rows listed and correct the file; if the figures are right, run again with --accept-warnings.")},
    "ingest.summary.warnings": {
        "vi": "{count} giá trị có thể sai thang đo (đã được xác nhận):",
        "en": ("{count} value probably on the wrong scale (confirmed):", "{count} values probably on the wrong scale (confirmed):")},
    "ingest.summary.more_errors": {
        "vi": "… và {count} lỗi khác cùng loại (số lỗi theo từng loại ở bảng dưới).",
        "en": "… and {count} more of the same kinds (counts per kind in the table below)."},
    "ingest.col.kind": {"vi": "Loại lỗi (ví dụ đầu tiên)", "en": "Kind of problem (first example)"},
    "ingest.col.count": {"vi": "Số lỗi", "en": "Count"},
    "ingest.col.first_row": {"vi": "Dòng đầu tiên", "en": "First row"},
    # --- command line ------------------------------------------------------------------------------------------
    "ingest.cli.no_file": {
        "vi": "Không đọc được tệp {path}: {reason}",
        "en": "Cannot read file {path}: {reason}"},
    "ingest.cli.template_written": {
        "vi": "Đã ghi tệp mẫu {path} ({rows} chỉ tiêu).",
        "en": "Template written to {path} ({rows} indicators)."},
    "ingest.revert.done": {
        "vi": "Đã hoàn tác lần cập nhật #{target} bằng lần cập nhật mới #{id}: {changed} ô được khôi phục hoặc xóa.",
        "en": "Undid upload #{target} with new upload #{id}: {changed} cells restored or removed."},
    "ingest.revert.nothing": {
        "vi": "Hoàn tác #{target}: các ô đã có giá trị như trước lần cập nhật đó, không cần ghi gì.",
        "en": "Undo of #{target}: the cells already hold their earlier values; nothing to write."},
    "ingest.revert.unknown_upload": {
        "vi": "Không có lần cập nhật #{id}. Xem danh sách bằng lệnh: python -m hue57 history",
        "en": "There is no upload #{id}. List them with: python -m hue57 history"},
    "ingest.revert.nothing_to_undo": {
        "vi": "Lần cập nhật #{id} không ghi số liệu nào (chạy thử hoặc không thay đổi), nên không có gì để hoàn tác.",
        "en": "Upload #{id} wrote no data (a dry run or a no-op), so there is nothing to undo."},
    "ingest.revert.overwritten_later": {
        "vi": "Không hoàn tác #{id}: các lần cập nhật sau đã sửa lại chính những ô này:\n{later}\nHãy hoàn tác các lần đó trước, hoặc chạy lại với --force để đưa cả các ô này về giá trị trước #{id}.",
        "en": "Upload #{id} was not undone: later uploads changed the same cells:\n{later}\nUndo those first, or run again with --force to put these cells back to their values before #{id} too."},
    "ingest.revert.later_item": {
        "vi": "  #{id} — {by}, {at}, «{filename}»: {cells}",
        "en": "  #{id} — {by}, {at}, “{filename}”: {cells}"},
    # --- template -----------------------------------------------------------------------------------------------
    "ingest.template.sheet": {"vi": "Số liệu", "en": "Data"},
    "ingest.template.progress_sheet": {"vi": "Tiến độ nhiệm vụ", "en": "Task progress"},
    "ingest.header.title": {"vi": "Tên nhiệm vụ", "en": "title"},
    "ingest.template.help_sheet": {"vi": "Hướng dẫn", "en": "Instructions"},
    "ingest.template.qualitative": {"vi": "Đánh giá (ghi vào cột Trạng thái)", "en": "Assessment (use the status column)"},
    "ingest.template.help": {
        "vi": "Mỗi dòng là một số liệu: mã chỉ tiêu, năm, giá trị, nguồn (bắt buộc) và ghi chú.\n"
              "Mã là chữ: giữ nguyên như trong mẫu (8.10 khác 8.1). Trong Excel, cột Mã đã được định dạng Văn bản.\n"
              "Năm: bốn chữ số, ví dụ 2025.\n"
              "Giá trị: số, viết 30,5 hoặc 30.5; phần trăm ghi số điểm phần trăm (30,5 nghĩa là 30,5%); thứ hạng là số nguyên từ 1.\n"
              "Chỉ tiêu định tính ({qualitative}): để trống Giá trị, ghi Trạng thái: Đã đạt, Đúng lộ trình, Cần đẩy nhanh, Chậm hoặc Đi lùi.\n"
              "Nguồn: văn bản, đường dẫn hoặc «ước tính của chuyên viên».\n"
              "Thứ hạng: cột «Trên tổng số» ghi số được xếp hạng (63 tỉnh, thành phố trước năm 2025, 34 từ năm 2025); hạng không lớn hơn số này. "
              "Hạng công bố theo nhóm (ví dụ QS 351–400, 1401+): ghi nhóm vào cột «Nhóm xếp hạng» và ghi Giá trị là hạng đầu của nhóm (351, 1401). "
              "Để trống hai cột này thì giữ nguyên điều đã lưu. Chỉ tiêu không phải thứ hạng để trống hai cột này.\n"
              "Dòng chỉ có mã mà chưa điền gì sẽ được bỏ qua. Mục tiêu khác của cùng một chỉ tiêu dùng chung số liệu nên không có trong mẫu ({aliases}); nếu ghi các mã đó, số liệu được lưu dưới mã chỉ tiêu.\n"
              "Lưu tệp dạng .xlsx hoặc «CSV UTF-8»; tối đa 5 MB, 100.000 dòng.",
        "en": "Each row is one figure: indicator code, year, value, source (required) and a note.\n"
              "Codes are text: keep them as in the template (8.10 is not 8.1). In Excel the code column is formatted as Text.\n"
              "Year: four digits, e.g. 2025.\n"
              "Value: a number, 30.5 or 30,5; percentages in percent points (30.5 means 30.5%); ranks are whole numbers from 1.\n"
              "Qualitative indicators ({qualitative}): leave the value empty and write a status: met, on_track, moderate, insufficient or regressing.\n"
              "Source: a document, a link or “analyst estimate”.\n"
              "Ranks: the basis column says how many were ranked (63 provinces before 2025, 34 from 2025); a rank is at most its basis. "
              "A rank published as a band (e.g. QS 351–400, 1401+): write the band in the band column and the band's first place as the value (351, 1401). "
              "Left empty, these two columns keep what is stored. Indicators that are not ranks leave both empty.\n"
              "Rows with only a code are skipped. Other targets of the same indicator share its figures and are not listed ({aliases}); figures written under those codes are stored under the indicator's code.\n"
              "Save as .xlsx or “CSV UTF-8”; at most 5 MB and 100,000 rows."},
}
