"""Plan folders for tests: the shipped ones, and a generated plan that differs from the shipped plan in every
dimension a province's own plan may differ (codes, counts, agencies, horizons 2030/2035, due days, no rank
target, another template file, its own unit), written into a test's tmp_path. Nothing here is a real plan."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"
NATIONAL = ROOT / "plans" / "nq57"

TARGET_HEADER = ["code", "parent", "indicator", "horizon", "name_vi", "name_en", "unit", "unit_vi", "comparator",
                 "value", "value_hi", "relative_to", "agency", "text_vi", "text_en"]
TASK_HEADER = ["no", "group", "group_title_vi", "title_vi", "lead_agency", "coordinating", "output", "deadline_text",
               "group_title_en", "title_en", "output_en", "deadline_en"]
AGENCY_HEADER = ["agency_id", "name_vi", "short_vi", "name_en", "aliases", "current_id", "merger_basis"]
ACTUAL_HEADER = ["code", "year", "value", "source", "note", "basis", "band"]


_TARGETS = [
    ["KT-01", "", "", "2030", "Diện tích canh tác ứng dụng công nghệ cao", "High-tech farmland", "ha", "ha",
     ">=", "1200", "", "", "Ban Thử nghiệm Nông nghiệp", "Đạt ít nhất 1.200 ha", "At least 1,200 ha"],
    ["KT-02", "", "", "2035", "Tỉ lệ giao dịch không dùng tiền mặt", "Cashless payments", "%", "%",
     "between", "60", "70", "", "Ban Thử nghiệm Tài chính", "Từ 60 đến 70%", "Between 60 and 70%"],
    ["KT-03", "", "KT-01", "2035", "Diện tích canh tác ứng dụng công nghệ cao", "High-tech farmland", "ha", "ha",
     ">=", "2000", "", "", "Ban Thử nghiệm Nông nghiệp", "Đạt ít nhất 2.000 ha", "At least 2,000 ha"],
    ["XH-01", "", "", "2030", "Tỉ lệ hộ dùng cáp quang", "Households on fibre", "%", "%",
     ">", "90", "", "", "Ban Thử nghiệm Số", "Trên 90%", "Over 90%"],
    ["XH-02a", "XH-02", "", "2030", "Số vụ lộ lọt dữ liệu", "Data breaches", "vụ", "vụ",
     "<=", "4", "", "", "Ban Thử nghiệm Số", "Không quá 4 vụ mỗi năm", "No more than 4 a year"],
    ["XH-02b", "XH-02", "", "2035", "Văn hóa số của cộng đồng", "Digital culture", "%", "%",
     "qualitative", "", "", "", "Ban Thử nghiệm Số", "Hình thành văn hóa số", "A digital culture takes root"],
]
_AGENCIES = [
    ["ban_nn", "Ban Thử nghiệm Nông nghiệp", "Ban NN", "Test Board of Agriculture", "", "ban_nn", "thử nghiệm"],
    ["ban_tc", "Ban Thử nghiệm Tài chính", "Ban TC", "Test Board of Finance", "", "ban_tc", "thử nghiệm"],
    ["ban_so", "Ban Thử nghiệm Số", "Ban Số", "Test Board of Digital Affairs", "", "ban_so", "thử nghiệm"],
    ["ban_cu", "Ban Thử nghiệm Cũ", "Ban Cũ", "Former Test Board", "", "ban_so", "sáp nhập (thử nghiệm)"],
    ["moi_ban", "Mọi ban thử nghiệm", "Mọi ban", "Every test board", "", "moi_ban", "nhóm"],
]
_GROUP = ("Nhóm thử nghiệm {n}", "Test group {n}")
_TASKS = [
    [101, 1, "Lập đề án thử nghiệm", "Ban Thử nghiệm Nông nghiệp", "Ban Thử nghiệm Tài chính", "Đề án", "Quý III/2026"],
    [102, 1, "Mở dịch vụ thử nghiệm", "Ban Thử nghiệm Số", "", "Dịch vụ", "12/2027"],
    [103, 2, "Rà soát thử nghiệm", "Ban Thử nghiệm Cũ", "", "Báo cáo", "Thường xuyên"],
    [104, 2, "Tập huấn thử nghiệm", "Mọi ban thử nghiệm", "", "Lớp tập huấn", "2026 - 2030"],
    [105, 3, "Đánh giá thử nghiệm", "Ban Thử nghiệm Tài chính", "Ban Thử nghiệm Số", "Báo cáo", "30/6/2028"],
]
_ACTUALS = [
    ["KT-01", "2023", "300", "Niên giám thử nghiệm 2023", "", "", ""],
    ["KT-01", "2025", "520", "Niên giám thử nghiệm 2025", "", "", ""],
    ["KT-02", "2024", "41.5", "Báo cáo thử nghiệm", "", "", ""],
    ["XH-01", "2024", "93", "Báo cáo thử nghiệm", "đã đạt", "", ""],
    ["XH-02a", "2024", "7", "Báo cáo thử nghiệm", "", "", ""],
]
PLAN_TOML = """
[plan]
name = "thu-nghiem"
title_vi = "Kế hoạch thử nghiệm"
title_en = "Test plan"
number = "99/KH-TN"
date = "2025-08-01"
implements_vi = "một nghị quyết thử nghiệm"
implements_en = "a test resolution"
start = "2025-07-01"
targets_part_vi = "Biểu 1"
targets_part_en = "Table 1"
tasks_part_vi = "Biểu 2"
tasks_part_en = "Table 2"

[place]
name_vi = "Thử Nghiệm"
name_en = "Testland"
kind_vi = "tỉnh"
kind_en = "Province"
time_zone = "Asia/Ho_Chi_Minh"

[reporting]
due = ["07-15", "12-20"]

[agencies]
collective = ["moi_ban"]
groups = []

[report]
compiler_vi = "Ban Thử nghiệm Số"
compiler_en = "Test Board of Digital Affairs"
compiler_short_vi = "Ban Số"
compiler_short_en = "Board"
number = "   /BC-TN"
signer_title_vi = "TRƯỞNG BAN"
signer_title_en = "HEAD"
signer_name = "Người Thử Nghiệm"
template = "mau/bao_cao_thu_nghiem.docx"
recipients_vi = ["Ủy ban nhân dân tỉnh;", "Lưu."]
recipients_en = ["Provincial People's Committee;", "Archive."]

[units]
ha = { vi = "héc-ta", en = "hectares" }
"vụ" = { vi = "vụ", en = "incidents" }
"""


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def generated_plan(folder: Path) -> Path:
    """Write the generated plan into `folder` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / "targets.csv", TARGET_HEADER, _TARGETS)
    _write(folder / "agencies.csv", AGENCY_HEADER, _AGENCIES)
    _write(folder / "tasks.csv", TASK_HEADER,
           [[no, g, _GROUP[0].format(n=g), title, lead, coord, out, deadline, _GROUP[1].format(n=g), title, out, deadline]
            for no, g, title, lead, coord, out, deadline in _TASKS])
    _write(folder / "actuals.csv", ACTUAL_HEADER, _ACTUALS)
    (folder / "plan.toml").write_text(PLAN_TOML, encoding="utf-8")
    (folder / "mau").mkdir(exist_ok=True)
    shutil.copy(SHIPPED / "templates" / "bao_cao_6_thang.docx", folder / "mau" / "bao_cao_thu_nghiem.docx")
    return folder
