"""No file outside the plan folders (data/, plans/*) names a place, a plan number or an agency: the code, the
pages, the entry point, the text catalogue (it lives in hue57/i18n) and the benchmarks take such words from the
plan folder's files. The words are read from every plan folder the repository ships, so a new plan's names are
checked too.

What is scanned and why: `hue57/`, `app_pages/`, `dashboard.py` and `bench/` run on any plan. Not scanned:
`tests/` (tests prove the shipped plans' own transcription, so they name their codes and places; they must not
hard-code the place where a plan's facts are the thing under test — tests/test_plan_folder.py reads them from
plan.toml), `README.md` (it documents the shipped plan and its sources), `deploy/` examples. The package's name
`hue57` is the product's name, not a place (a word boundary keeps it apart from the place's name). The country,
Viet Nam, is the product's jurisdiction, not one plan's place: the state motto on every administrative document
and the Vietnamese way of writing numbers name it, whichever plan is served.
"""

from __future__ import annotations

import re
import tomllib

import pandas as pd

from hue57.i18n import CATALOGUE, t
from tests.plans import ROOT

PLAN_FOLDERS = [ROOT / "data", *sorted(p for p in (ROOT / "plans").iterdir() if (p / "plan.toml").is_file())]
SCANNED = [*sorted((ROOT / "hue57").rglob("*.py")), *sorted((ROOT / "app_pages").glob("*.py")), ROOT / "dashboard.py",
           *sorted((ROOT / "bench").glob("*.py"))]
MIN_NAME = 6  # shorter aliases ("Sở TC") are abbreviations too generic to search for
COUNTRY = {"Việt Nam", "Viet Nam"}


def _plan_words() -> dict[str, str]:
    """word → where it comes from, for every shipped plan: its place, its and its parents' numbers, its agencies
    (names, short names, aliases and ids of single bodies; group rows such as "all localities" are generic)."""
    words: dict[str, str] = {}
    for folder in PLAN_FOLDERS:
        raw = tomllib.loads((folder / "plan.toml").read_text(encoding="utf-8"))
        place, plan, report = raw["place"], raw["plan"], raw["report"]
        for key in ("name_vi", "name_en"):
            if place[key] not in COUNTRY:
                words[place[key]] = f"{folder.name}/plan.toml place.{key}"
        for key in ("issued_at_vi", "issued_at_en"):
            if report.get(key):
                words[report[key]] = f"{folder.name}/plan.toml report.{key}"
        for text in (plan.get("number", ""), plan["implements_vi"], plan["implements_en"], report.get("number", "")):
            for number in re.findall(r"\d+[-/][A-ZĐ]+(?:[-/][A-ZĐ]+)*", text):
                words[number] = f"{folder.name}/plan.toml plan number"
            for number in re.findall(r"(?:Nghị quyết|Resolution)\s+(?:số\s+|No\.\s*)?(\d+)", text):
                words[f"Nghị quyết {number}"] = words[f"Resolution {number}"] = f"{folder.name}/plan.toml"
                words[f"Resolution-{number}"] = f"{folder.name}/plan.toml"
        for key in ("compiler_vi", "compiler_en", "compiler_short_vi"):
            if len(report.get(key, "")) >= MIN_NAME:
                words[report[key]] = f"{folder.name}/plan.toml report.{key}"
        groups = {*(raw.get("agencies") or {}).get("collective", []), *(raw.get("agencies") or {}).get("groups", [])}
        agencies = pd.read_csv(folder / "agencies.csv", dtype=str, keep_default_na=False)
        for row in agencies[~agencies["agency_id"].isin(groups)].to_dict("records"):
            names = [row["name_vi"], row["name_en"], row["short_vi"], *row["aliases"].split("|")]
            for name in (n.strip() for n in names):
                if len(name) >= MIN_NAME:
                    words[name] = f"{folder.name}/agencies.csv {row['agency_id']}"
            if "_" in row["agency_id"]:  # ids such as so_khcn; one-word ids could be ordinary words
                words[row["agency_id"]] = f"{folder.name}/agencies.csv"
    return words


def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)


def test_the_word_list_holds_each_plans_place_number_and_agencies():
    words = _plan_words()
    for expected in ("Huế", "Hà Nội", "03/NQ-CP", "57-NQ/TW", "Nghị quyết 57", "Sở Khoa học và Công nghệ",
                     "Department of Science and Technology", "so_khcn", "Ban Chỉ đạo Trung ương"):
        assert expected in words, expected


def test_no_code_file_names_a_place_a_plan_number_or_an_agency():
    words = [(w, _pattern(w)) for w in _plan_words()]
    found = [f"{f.relative_to(ROOT)}:{n}: {w!r}" for f in SCANNED
             for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
             for w, pattern in words if pattern.search(line)]
    assert found == []


def test_catalogue_words_the_plan_decides_come_from_its_facts(monkeypatch, tmp_path):
    from hue57 import plan_facts  # noqa: PLC0415
    from tests.plans import generated_plan  # noqa: PLC0415

    other = plan_facts.read(generated_plan(tmp_path / "plan"))
    monkeypatch.setattr(plan_facts, "facts", lambda folder=None: other)
    assert t("app.title", "vi") == "Theo dõi Kế hoạch thử nghiệm của tỉnh Thử Nghiệm"
    assert t("app.title", "en") == "Test plan tracker — Testland Province"
    assert t("tasks.periods.caption", "vi").endswith("về Ban Thử nghiệm Số trước ngày 15 tháng 7 và trước ngày 20 tháng 12.")
    assert "before 15 July and before 20 December" in t("tasks.periods.caption", "en")
    assert "Ban Số" in t("report.no_agency", "vi") and "Test Board of Digital Affairs" in t("error.unexpected", "en")
    rendered = " ".join(t(k, lang) for k, v in CATALOGUE.items() for lang in ("vi", "en")
                        if isinstance(v.get(lang), str) and re.search(r"\{(city|compiler|compiler_short|plan_title|"
                                                                        r"targets_part|tasks_part|due_h1|due_h2)\}", v[lang])
                        and not re.search(r"\{(?!city|place|compiler|compiler_short|plan_title|targets_part|tasks_part"
                                          r"|due_h1|due_h2)\w+\}", v[lang]))
    assert "Huế" not in rendered and "Sở Khoa học" not in rendered and "Thử Nghiệm" in rendered
