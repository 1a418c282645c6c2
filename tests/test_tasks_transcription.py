"""data/tasks.csv and data/agencies.csv say what Appendix II (and Appendix I's agencies) of the plan say."""

import re
from pathlib import Path

import pandas as pd
import pytest

from hue57.tasks import agency_links, current_agency, split_agencies, unresolved_parts

DATA = Path(__file__).resolve().parents[1] / "data"
TASK_COLUMNS = ["no", "group", "group_title_vi", "title_vi", "lead_agency", "coordinating", "output",
                "deadline_text", "group_title_en", "title_en", "output_en", "deadline_en"]
AGENCY_COLUMNS = ["agency_id", "name_vi", "short_vi", "name_en", "aliases", "current_id", "merger_basis"]


@pytest.fixture(scope="module")
def tasks() -> pd.DataFrame:
    frame = pd.read_csv(DATA / "tasks.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    frame["no"] = frame["no"].astype(int)
    frame["group"] = frame["group"].astype(int)
    return frame


@pytest.fixture(scope="module")
def agencies() -> pd.DataFrame:
    return pd.read_csv(DATA / "agencies.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def task(tasks: pd.DataFrame, no: int) -> pd.Series:
    return tasks.loc[tasks["no"] == no].iloc[0]


def test_files_have_the_agreed_columns(tasks, agencies):
    assert list(tasks.columns) == TASK_COLUMNS
    assert list(agencies.columns) == AGENCY_COLUMNS


def test_tasks_are_numbered_1_to_70_each_once_in_order(tasks):
    assert tasks["no"].tolist() == list(range(1, 71))


def test_groups_are_1_to_7_each_non_empty_and_in_order(tasks):
    assert sorted(tasks["group"].unique()) == list(range(1, 8))
    assert tasks["group"].is_monotonic_increasing
    assert tasks.groupby("group")["no"].count().to_dict() == {1: 12, 2: 8, 3: 26, 4: 6, 5: 8, 6: 7, 7: 3}


def test_each_group_has_one_heading_copied_from_the_plan(tasks):
    titles = tasks.groupby("group")["group_title_vi"].unique()
    assert all(len(t) == 1 for t in titles)
    assert titles[3][0] == (
        "Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo "
        "và chuyển đổi số quốc gia"
    )
    assert titles[7][0] == (
        "Tăng cường hợp tác quốc tế trong phát triển khoa học, công nghệ, đổi mới sáng tạo "
        "và chuyển đổi số"
    )


def test_text_is_trimmed_with_single_spaces(tasks):
    for column in TASK_COLUMNS[2:]:
        for text in tasks[column]:
            assert text == text.strip() and not re.search(r"\s\s|[\n\t]", text), (column, text)


def test_every_task_has_a_title_a_lead_agency_and_a_deadline(tasks):
    for column in ("title_vi", "lead_agency", "deadline_text"):
        assert (tasks[column] != "").all(), column


def test_tasks_3_and_26_have_one_empty_field(tasks):
    assert task(tasks, 3)["output"] == ""
    assert task(tasks, 26)["coordinating"] == ""
    for no in (3, 26):
        assert (task(tasks, no)[TASK_COLUMNS[3:8]] == "").sum() == 1


# Tasks printed with fewer than five lines: the field missing from the content is left empty.
SHORT_TASKS = {
    3: {"output"}, 6: {"coordinating"}, 7: {"coordinating"}, 16: {"output"}, 26: {"coordinating"},
    32: {"coordinating"}, 54: {"coordinating"}, 58: {"coordinating"}, 59: {"coordinating", "output"},
    65: {"coordinating"},
}


def test_only_the_fields_missing_from_the_plan_are_empty(tasks):
    empty = {
        int(row.no): {c for c in ("lead_agency", "coordinating", "output", "deadline_text") if row[c] == ""}
        for _, row in tasks.iterrows()
    }
    assert {no: cols for no, cols in empty.items() if cols} == SHORT_TASKS


@pytest.mark.parametrize(
    ("no", "column", "text"),
    [
        (1, "coordinating",
         "Ban Tuyên giáo thành phố; các các sở, ngành, địa phương, VTV, TRT, Huế ngày nay"),
        (3, "coordinating", "Sở Thông tin và Truyền thông, Sở Khoa học và Công nghệ, Sở Giáo dục và Đào tạo"),
        (7, "deadline_text", "Quý I/2025"),
        (9, "output", "Có tỷ lệ phù hợp cán bộ có chuyên môn về khoa học kỹ thuật trong đội ngũ lãnh đạo"),
        (10, "lead_agency", "Sở Thông tin và Truyền thông Sở Khoa học và Công nghệ"),
        (16, "coordinating",
         "Sở Kế hoạch và Đầu tư, Sở Tài chính, Viện Nghiên cứu phát triển, Liên hiệp các Hội KHKT"),
        (18, "title_vi",
         "Xây dựng Nghị quyết “Sửa đổi, bổ sung một số điều của Quy định kèm theo Nghị quyết số "
         "22/2020/NQ-HĐND ngày 23 tháng 12 năm 2020 của Hội đồng nhân dân tỉnh Thừa Thiên Huế về quy định "
         "một số chính sách hỗ trợ đổi mới, cải tiến công nghệ, chuyển giao công nghệ và phát triển tài sản "
         "trí tuệ trên địa bàn tỉnh Thừa Thiên Huế, giai đoạn 2021-2030”"),
        (21, "lead_agency",
         "Sở Khoa học, Công nghệ, Sở Thông tin và Truyền thông, Sở Kế hoạch và Đầu tư và các địa phương"),
        (27, "coordinating", "-"),
        (34, "deadline_text", "2025- 2026"),
        (38, "deadline_text", "2025-2030"),
        (42, "deadline_text", "2025 - 2026"),
        (56, "coordinating", "Sở Thông tin và Truyền thông"),
        (59, "deadline_text", "2025 và những năm tiếp theo"),
        (62, "deadline_text", "3/2026"),
        (70, "title_vi",
         "Xây dựng cơ sở dữ liệu về chuyên gia, trí thức Việt Nam ở nước ngoài, tiếp cận, phát huy, kết nối "
         "hiệu quả và phát triển mạng lưới chuyên gia, nhà khoa học trong và ngoài nước. Củng cố, phát triển "
         "các hội đoàn chuyên gia, trí thức, doanh nhân người Việt Nam ở nước ngoài"),
    ],
)
def test_spot_check_matches_the_plan_exactly(tasks, no, column, text):
    assert task(tasks, no)[column] == text


def test_long_title_is_kept_whole(tasks):
    title = task(tasks, 20)["title_vi"]
    assert title.startswith("Triển khai các chương trình, đề án, kế hoạch đến năm 2030: Chiến lược quốc gia")
    assert title.endswith("Đề án Xây dựng Thừa Thiên Huế trở thành xứ sở Mai vàng của Việt Nam; ....")


@pytest.mark.parametrize("column", ["lead_agency", "coordinating"])
def test_every_agency_field_resolves_to_known_agencies(tasks, agencies, column):
    for no, text in zip(tasks["no"], tasks[column], strict=True):
        assert unresolved_parts(text, agencies) == [], (no, text)
        if column == "lead_agency":
            assert split_agencies(text, agencies), (no, text)


# "Cơ quan chủ trì theo dõi, đánh giá" of Appendix I, as written there.
APPENDIX_I_AGENCIES = {
    "Sở Khoa học và Công nghệ": ["so_khcn"],
    "Sở Thông tin và Truyền thông": ["so_tttt"],
    "Sở Khoa học và Công nghệ, Sở Kế hoạch và Đầu tư, Cục Thống kê": ["so_khcn", "so_khdt", "cuc_tk"],
    "Văn phòng UBND thành phố": ["vp_ubnd"],
    "Ngân hàng Nhà nước thành phố": ["nhnn"],
    "Sở KH&CN, Cục Thống Kê": ["so_khcn", "cuc_tk"],
    "Sở Tài chính": ["so_tc"],
    "Đại học Huế": ["dhh"],
    "Sở Kế hoạch và Đầu tư": ["so_khdt"],
    "Ngân hàng Nhà nước chi nhánh Huế": ["nhnn"],
    "Sở Y tế": ["so_yt"],
}


@pytest.mark.parametrize(("text", "ids"), APPENDIX_I_AGENCIES.items())
def test_every_appendix_i_monitoring_agency_resolves(agencies, text, ids):
    assert split_agencies(text, agencies) == ids
    assert unresolved_parts(text, agencies) == []


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Sở Thông tin và Truyền thông Sở Khoa học và Công nghệ", ["so_tttt", "so_khcn"]),
        ("Sở Khoa học, Công nghệ, Sở Thông tin và Truyền thông, Sở Kế hoạch và Đầu tư và các địa phương",
         ["so_khcn", "so_tttt", "so_khdt", "dia_phuong"]),
        ("Sở Thông tin và Truyền thông, VTV, TRT, Huế ngày nay, các địa phương",
         ["so_tttt", "vtv", "trt", "hue_ngay_nay", "dia_phuong"]),
        ("Bộ Chỉ huy quân sự thành phố, và các sở, ngành, địa phương", ["bchqs_tp", "all"]),
        ("Viện CNSH, Đại học Huế", ["vien_cnsh"]),
        ("Sở KH&CN , Các sở, ban, ngành liên quan", ["so_khcn", "so_nganh"]),
        ("  sở   KHOA HỌC và công nghệ ", ["so_khcn"]),
        ("-", []),
        ("", []),
    ],
)
def test_split_agencies_reads_the_plans_ways_of_listing(agencies, text, ids):
    assert split_agencies(text, agencies) == ids


def test_va_splits_only_between_two_agencies(agencies):
    assert split_agencies("Sở Kế hoạch và Đầu tư", agencies) == ["so_khdt"]
    assert unresolved_parts("Sở Nội vụ và Ban Quản lý dự án", agencies) == ["ban quản lý dự án"]


def test_agency_ids_are_unique_ascii_slugs(agencies):
    assert agencies["agency_id"].is_unique
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", a) for a in agencies["agency_id"])


def test_no_spelling_names_two_agencies(agencies):
    owner: dict[str, str] = {}
    spellings = zip(agencies["agency_id"], agencies["name_vi"], agencies["aliases"], strict=True)
    for agency_id, name, aliases in spellings:
        for spelling in [name, *filter(None, aliases.split("|"))]:
            key = re.sub(r"\s+", " ", spelling).strip().casefold()
            assert owner.setdefault(key, agency_id) == agency_id, spelling


def test_every_current_id_exists_and_is_final(agencies):
    ids = set(agencies["agency_id"])
    assert set(agencies["current_id"]) <= ids
    for agency_id in agencies["agency_id"]:
        now = current_agency(agency_id, agencies)
        assert current_agency(now, agencies) == now
    assert (agencies["merger_basis"] != "").all()


@pytest.mark.parametrize(
    ("old", "new"),
    [("so_tttt", "so_khcn"), ("so_khdt", "so_tc"), ("so_gtvt", "so_xd"), ("so_tnmt", "so_nnmt"),
     ("so_khcn", "so_khcn"), ("dhh", "dhh")],
)
def test_merged_departments_pass_their_tasks_on(agencies, old, new):
    assert current_agency(old, agencies) == new


def test_current_agency_follows_chains_and_rejects_loops():
    chain = pd.DataFrame({"agency_id": ["a", "b", "c"], "current_id": ["b", "c", ""]})
    assert current_agency("a", chain) == "c"
    with pytest.raises(KeyError):
        current_agency("zzz", chain)
    loop = pd.DataFrame({"agency_id": ["a", "b"], "current_id": ["b", "a"]})
    with pytest.raises(ValueError):
        current_agency("a", loop)


def test_agency_links_list_each_task_agency_with_its_holder_today(tasks, agencies):
    links = agency_links(tasks, agencies)
    task_10 = links[links["no"] == 10]
    assert task_10[task_10["role"] == "lead"][["agency_id", "current_id"]].values.tolist() == [
        ["so_tttt", "so_khcn"], ["so_khcn", "so_khcn"]]
    assert set(links.loc[links["role"] == "lead", "no"]) == set(range(1, 71))


def test_every_task_has_an_english_gloss_without_vietnamese_letters(tasks):
    vietnamese = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
    for column, source in (("title_en", "title_vi"), ("group_title_en", "group_title_vi"), ("output_en", "output"),
                           ("deadline_en", "deadline_text")):
        glossed = tasks[tasks[source] != ""]
        assert (glossed[column].str.strip() != "").all(), column
        assert not glossed[column].str.contains(vietnamese).any(), column
