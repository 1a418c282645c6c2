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
}
