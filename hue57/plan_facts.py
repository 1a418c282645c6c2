"""The plan's own facts (place, plan, compiling body, time zone) from the one file `data/plan.toml`."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "plan.toml"


@dataclass(frozen=True)
class PlanFacts:
    place_vi: str
    place_en: str
    kind_vi: str
    kind_en: str
    time_zone: str
    plan_number: str
    plan_date: str
    implements_vi: str
    implements_en: str
    compiler_vi: str
    compiler_en: str
    report_number: str
    signer_title_vi: str
    signer_title_en: str
    signer_name: str
    recipients_vi: tuple[str, ...]
    recipients_en: tuple[str, ...]

    def city(self, lang: str = "vi") -> str:
        """The place as a reader names it: 'thành phố X' (vi), 'X City' (en), X the place's name."""
        return f"{self.kind_vi} {self.place_vi}" if lang != "en" else f"{self.place_en} {self.kind_en}"

    def people_committee(self, lang: str = "vi") -> str:
        """'Ủy ban nhân dân thành phố X' / "X City People's Committee"."""
        return f"Ủy ban nhân dân {self.city('vi')}" if lang != "en" else f"{self.city('en')} People's Committee"

    def compiler(self, lang: str = "vi") -> str:
        return self.compiler_en if lang == "en" else self.compiler_vi


def read(path: Path | str = PLAN_FILE) -> PlanFacts:
    """The facts in `path` (the shipped `data/plan.toml` by default)."""
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    place, plan, report = raw["place"], raw["plan"], raw["report"]
    return PlanFacts(
        place_vi=place["name_vi"], place_en=place["name_en"], kind_vi=place["kind_vi"], kind_en=place["kind_en"],
        time_zone=place["time_zone"], plan_number=plan.get("number", ""), plan_date=plan.get("date", ""),
        implements_vi=plan["implements_vi"], implements_en=plan["implements_en"],
        compiler_vi=report["compiler_vi"], compiler_en=report["compiler_en"], report_number=report.get("number", ""),
        signer_title_vi=report["signer_title_vi"], signer_title_en=report["signer_title_en"],
        signer_name=report.get("signer_name", ""), recipients_vi=tuple(report["recipients_vi"]),
        recipients_en=tuple(report["recipients_en"]))


@functools.cache
def facts() -> PlanFacts:
    """The shipped plan's facts, read once per process."""
    return read()
