"""Words on screen for the pages and navigation."""

TEXT: dict[str, dict[str, str]] = {
    "page.overview": {"vi": "Tổng quan", "en": "Overview"},
    "page.indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "page.tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "page.agencies": {"vi": "Cơ quan", "en": "Agencies"},
    "page.upload": {"vi": "Cập nhật số liệu", "en": "Update data"},
    "page.share": {"vi": "Chia sẻ", "en": "Share"},
    "overview.caption": {"vi": "Các chỉ tiêu của Phụ lục I, số liệu thực hiện mới nhất và nguồn.",
                         "en": "The targets of Appendix I, the latest actual value and its source."},
    "overview.data_as_of": {"vi": "Số liệu theo lần cập nhật số {upload} ({date}).",
                            "en": "Data as of upload no. {upload} ({date})."},
    "chart.gap.axis": {"vi": "Mức đã đi được từ năm gốc đến mục tiêu", "en": "Share of the way from base year to target"},
    "chart.gap.progress": {"vi": "Tiến độ", "en": "Progress"},
    "chart.series": {"vi": "Chuỗi", "en": "Series"},
    "chart.series.actual": {"vi": "Thực hiện", "en": "Actual"},
    "chart.series.required": {"vi": "Lộ trình cần đạt", "en": "Required path"},
    "chart.series.projection": {"vi": "Dự báo theo tốc độ hiện tại", "en": "Projection at current pace"},
    "chart.target_label": {"vi": "Mục tiêu {horizon}: {value}", "en": "{horizon} target: {value}"},
    "chart.axis.rank": {"vi": "Thứ hạng (1 là cao nhất)", "en": "Rank (1 is best)"},
}
