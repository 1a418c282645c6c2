"""Words for what the screen shows instead of machinery (issue 23): the file picker's own texts, an empty table,
an upload's file as a person names it, a meeting link's filters."""

TEXT: dict[str, dict[str, str]] = {
    "screen.picker.button": {"vi": "Chọn tệp", "en": "Choose a file"},
    "screen.picker.drop": {"vi": "Thả tệp vào đây", "en": "Drop the file here"},
    "screen.picker.limit": {"vi": "CSV hoặc XLSX, tối đa {size}", "en": "CSV or XLSX, at most {size}"},
    "screen.table.none": {"vi": "Không có dòng nào.", "en": "No rows."},
    "upload.file.seed": {"vi": "Số liệu công bố kèm kế hoạch ({name})", "en": "Published figures shipped with the plan ({name})"},
    "upload.file.undo": {"vi": "Hoàn tác lần cập nhật #{id}", "en": "Undo of upload #{id}"},
    "upload.file.report": {"vi": "Báo cáo {period} của {agency} (báo cáo số {id})",
                           "en": "Report for the {period} from {agency} (report no. {id})"},
    "share.filter.code": {"vi": "Chỉ tiêu {code}", "en": "Indicator {code}"},
    "share.filter.present": {"vi": "Trình chiếu", "en": "Presentation"},
    "share.filter.page": {"vi": "Trang {page}", "en": "Page {page}"},
    "share.filter.group": {"vi": "Nhóm {group}", "en": "Group {group}"},
}
