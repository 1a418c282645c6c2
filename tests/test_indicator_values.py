"""What viewers see of an indicator's values: each year's current value once, undone values never; rank
values with what they rank among or their band; the trajectory marks a change of basis."""

from __future__ import annotations

import pandas as pd

from hue57 import ingest, store
from hue57.i18n import t
from hue57.ui.views import indicator as indicator_view

FIRST = "Mã;Năm;Giá trị;Nguồn;Ghi chú\n8.1;2025;93;báo cáo sửa đổi;\n7;2024;18,5;Cục Thống kê;ước tính\n"


def test_an_undone_value_never_appears_among_the_current_values(db):
    upload = ingest.import_file(db, FIRST.encode(), "dot1.csv", "lan")
    assert set(store.current_values(db, ["7"])["value"]) == {18.5}
    store.revert(db, upload.upload_id, "lan")
    assert store.current_values(db, ["7"]).empty  # created by the undone upload: gone, not "withdrawn"
    values = store.current_values(db, ["8.1"])
    assert values["year"].tolist() == [2025, 2024]  # each year once, newest first
    assert values.loc[values["year"] == 2025, "value"].item() == 91  # the value before the undone upload


def test_current_values_as_of_an_earlier_upload_show_that_snapshot(db):
    ingest.import_file(db, FIRST.encode(), "dot1.csv", "lan")
    assert store.current_values(db, ["8.1"], as_of_upload=1).query("year == 2025")["value"].item() == 91
    assert store.current_values(db, ["8.1"]).query("year == 2025")["value"].item() == 93


def test_value_listing_shows_ranks_with_basis_and_bands(db):
    listing = indicator_view.value_listing(store.current_values(db, ["14b"]), "rank", "vi")
    shown = dict(zip(listing[t("col.year", "vi")], listing[t("col.value", "vi")], strict=True))
    assert shown["2023"] == "nhóm 351–400" and shown["2026"] == "hạng 450"
    dti = indicator_view.value_listing(store.current_values(db, ["4"]), "rank", "vi")
    assert dti[t("col.value", "vi")].iloc[0] == "hạng 5/63"


def test_basis_changes_mark_the_year_a_rank_counts_among_another_number():
    values = pd.DataFrame({"year": [2022, 2023, 2024, 2025],
                           "basis": pd.array([63, 63, 63, 34], dtype="Int64")})
    marks = indicator_view.basis_changes(values, "vi")
    assert marks.to_dict("records") == [{"year": 2025, "label": "từ 2025: xếp hạng trên 34"}]
    # an unstated basis is not a change (issue #22): only a stated one is marked, where it is first stated
    unstated = indicator_view.basis_changes(values.assign(basis=pd.array([63, 63, None, None], dtype="Int64")), "en")
    assert unstated.empty
    later = indicator_view.basis_changes(values.assign(basis=pd.array([63, None, None, 34], dtype="Int64")), "vi")
    assert later["year"].tolist() == [2025]
