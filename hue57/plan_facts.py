"""The plan's own facts (name, place, reporting calendar, units, template, letterhead) from its folder's `plan.toml`.

The plan folder is a setting (`hue57.config.settings().plan`: `HUE57_PLAN`, `plan` in hue57.toml, `init --plan`);
nothing in the code or the text catalogue names a place, a plan or an agency: they all come from here.
`plan.toml` sections:

- `[plan]` `name` (a short id the database records), `title_vi/en` (what the tracker follows), `kind_vi/en`
  ("Kế hoạch"/"plan", or "Nghị quyết"/"resolution"), `number`, `date`, `implements_vi/en` (empty for a plan that
  implements no other), `start` (the first day the plan runs, ISO), `targets_part_vi/en` and `tasks_part_vi/en`
  (where the plan lists its targets and tasks: "Phụ lục I"/"Appendix I");
- `[place]` `name_vi/en`, `kind_vi/en` ("thành phố"/"City"; empty for a country), `time_zone`,
  `committee_vi/en` (the body the compiled report goes to; default "Ủy ban nhân dân" + the place);
- `[reporting]` `due` — the due day of each half-year's report, `["MM-DD" (H1), "MM-DD" (H2)]`;
- `[report]` the compiled report's letterhead (`issued_at_vi/en`, `parent_body_vi/en`, `compiler_vi/en`, `compiler_short_vi/en`, `number`, `signer_*`, `recipients_*`) and its
  Word `template` (a path inside the folder);
- `[units]` the glossary of the plan's own units: `"code" = { vi = "…", en = "…" }`;
- `[agencies]` `collective` (ids of collective leads, whose tasks are on every agency's form) and `groups` (ids
  that name a group of bodies: nobody signs in as them).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

PLAN_FILES = ("targets.csv", "tasks.csv", "agencies.csv", "actuals.csv", "plan.toml")
DEFAULT_DUE = ("06-10", "11-25")
DEFAULT_TEMPLATE = "templates/bao_cao_6_thang.docx"


def plan_folder() -> Path:
    """The plan folder in effect (the setting; `<repo>/data` by default)."""
    from hue57.config import settings  # noqa: PLC0415 — config reads files and the environment; load it late

    return Path(settings().plan)


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
    name: str = "plan"
    folder: Path | None = None
    title_vi: str = "Kế hoạch"
    title_en: str = "plan"
    start: dt.date = dt.date(2025, 1, 1)
    due: tuple[tuple[int, int], tuple[int, int]] = ((6, 10), (11, 25))
    targets_part_vi: str = "Phụ lục I"
    targets_part_en: str = "Appendix I"
    tasks_part_vi: str = "Phụ lục II"
    tasks_part_en: str = "Appendix II"
    committee_vi: str = ""
    committee_en: str = ""
    template: Path | None = None
    units: dict = field(default_factory=dict, hash=False, compare=False)
    plan_kind_vi: str = "Kế hoạch"
    plan_kind_en: str = "plan"
    issued_at_vi: str = ""
    issued_at_en: str = ""
    parent_body_vi: str = ""
    parent_body_en: str = ""
    compiler_short_vi: str = ""
    compiler_short_en: str = ""
    collective: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()

    def city(self, lang: str = "vi") -> str:
        """The place as a reader names it: 'thành phố X' (vi), 'X City' (en), X the place's name."""
        text = f"{self.kind_vi} {self.place_vi}" if lang != "en" else f"{self.place_en} {self.kind_en}"
        return text.strip()

    def people_committee(self, lang: str = "vi") -> str:
        """The body the plan's reports go to: 'Ủy ban nhân dân thành phố X' unless plan.toml names another."""
        if lang == "en":
            return self.committee_en or f"{self.city('en')} People's Committee"
        return self.committee_vi or f"Ủy ban nhân dân {self.city('vi')}"

    def compiler(self, lang: str = "vi") -> str:
        return self.compiler_en if lang == "en" else self.compiler_vi

    def plan_kind(self, lang: str = "vi") -> str:
        """What the plan is, as its report names it: 'Kế hoạch' (default), 'Nghị quyết'…"""
        return self.plan_kind_en if lang == "en" else self.plan_kind_vi

    def issued_at(self, lang: str = "vi") -> str:
        """Where the compiled report is dated ('X, ngày …'): `[report] issued_at_vi/en`, else the place."""
        given = self.issued_at_en if lang == "en" else self.issued_at_vi
        return given or (self.place_en if lang == "en" else self.place_vi)

    def parent_body(self, lang: str = "vi") -> str:
        """The letterhead's first line when plan.toml names it (`[report] parent_body_vi/en`); '' otherwise."""
        return self.parent_body_en if lang == "en" else self.parent_body_vi

    def compiler_short(self, lang: str = "vi") -> str:
        """The compiling body as its reports name it in passing (plan.toml `compiler_short_vi/en`); the full name if none."""
        short = self.compiler_short_en if lang == "en" else self.compiler_short_vi
        return short or self.compiler(lang)

    def title(self, lang: str = "vi") -> str:
        return self.title_en if lang == "en" else self.title_vi

    def targets_part(self, lang: str = "vi") -> str:
        return self.targets_part_en if lang == "en" else self.targets_part_vi

    def tasks_part(self, lang: str = "vi") -> str:
        return self.tasks_part_en if lang == "en" else self.tasks_part_vi

    def due_day(self, half: int) -> tuple[int, int]:
        """(month, day) of the report due for half-year `half` (1 or 2)."""
        return self.due[half - 1]

    def unit_name(self, unit: str, lang: str = "vi") -> str | None:
        entry = self.units.get(unit)
        return (entry.get("en" if lang == "en" else "vi") or entry.get("vi")) if entry else None


class PlanFileError(ValueError):
    """plan.toml is missing, unreadable, or a value in it is missing or malformed (`problems`: (key, message)
    pairs); `python -m hue57 plan check DIR` lists every problem of the folder."""

    def __init__(self, path: Path, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{path}: {key + ': ' if key else ''}{msg}" for key, msg in problems))
        self.path, self.problems = path, problems


def parse_due(values, problems: list | None = None) -> tuple[tuple[int, int], tuple[int, int]]:
    """`["06-10", "11-25"]` → ((6, 10), (11, 25)); each due day must fall inside or just after its half-year."""
    out = []
    values = list(values) if isinstance(values, (list, tuple)) else []
    if len(values) != 2:
        if problems is not None:
            problems.append(("reporting.due", f"needs two MM-DD days (H1, H2), got {values!r}"))
        return ((6, 10), (11, 25))
    for half, text in enumerate(values, start=1):
        try:
            month, day = (int(p) for p in str(text).split("-"))
            dt.date(2024, month, day)  # a leap year: 02-29 is a day
        except (ValueError, TypeError):
            if problems is not None:
                problems.append(("reporting.due", f"H{half}: {text!r} is not a MM-DD day"))
            out.append((6, 10) if half == 1 else (11, 25))
            continue
        if half == 2 and month < 7:
            if problems is not None:
                problems.append(("reporting.due", f"H2: {text!r} falls before the second half-year begins"))
        out.append((month, day))
    return (out[0], out[1])


def read(path: Path | str) -> PlanFacts:
    """The facts in the plan.toml at `path` (a file, or a plan folder holding one)."""
    path = Path(path)
    if path.is_dir():
        path = path / "plan.toml"
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
        return _facts(path, raw)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PlanFileError(path, [("", f"{type(exc).__name__}: {exc}")]) from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise PlanFileError(path, [(str(exc).strip("'"), "missing or of the wrong kind")]) from exc


def _facts(path: Path, raw: dict) -> PlanFacts:
    place, plan, report = raw["place"], raw["plan"], raw["report"]
    reporting = raw.get("reporting") or {}
    agencies = raw.get("agencies") or {}
    problems: list[tuple[str, str]] = []
    due = parse_due(reporting.get("due", list(DEFAULT_DUE)), problems)
    try:
        start = dt.date.fromisoformat(str(plan.get("start", "2025-01-01")))
    except ValueError:
        problems.append(("plan.start", f"{plan.get('start')!r} is not a date YYYY-MM-DD"))
        start = dt.date(2025, 1, 1)
    if problems:
        raise PlanFileError(path, problems)
    folder = path.parent
    units = {str(k): dict(v) for k, v in (raw.get("units") or {}).items() if isinstance(v, dict)}
    return PlanFacts(
        place_vi=place["name_vi"], place_en=place["name_en"], kind_vi=place.get("kind_vi", ""),
        kind_en=place.get("kind_en", ""), time_zone=place["time_zone"], plan_number=plan.get("number", ""),
        plan_date=plan.get("date", ""), implements_vi=plan["implements_vi"], implements_en=plan["implements_en"],
        compiler_vi=report["compiler_vi"], compiler_en=report["compiler_en"], report_number=report.get("number", ""),
        signer_title_vi=report["signer_title_vi"], signer_title_en=report["signer_title_en"],
        signer_name=report.get("signer_name", ""), recipients_vi=tuple(report["recipients_vi"]),
        recipients_en=tuple(report["recipients_en"]),
        name=str(plan.get("name") or folder.name), folder=folder,
        title_vi=plan.get("title_vi", "Kế hoạch"), title_en=plan.get("title_en", "plan"), start=start, due=due,
        targets_part_vi=plan.get("targets_part_vi", "Phụ lục I"), targets_part_en=plan.get("targets_part_en", "Appendix I"),
        tasks_part_vi=plan.get("tasks_part_vi", "Phụ lục II"), tasks_part_en=plan.get("tasks_part_en", "Appendix II"),
        committee_vi=place.get("committee_vi", ""), committee_en=place.get("committee_en", ""),
        template=folder / report.get("template", DEFAULT_TEMPLATE), units=units,
        plan_kind_vi=plan.get("kind_vi", "Kế hoạch"), plan_kind_en=plan.get("kind_en", "plan"),
        issued_at_vi=report.get("issued_at_vi", ""), issued_at_en=report.get("issued_at_en", ""),
        parent_body_vi=report.get("parent_body_vi", ""), parent_body_en=report.get("parent_body_en", ""),
        compiler_short_vi=report.get("compiler_short_vi", ""), compiler_short_en=report.get("compiler_short_en", ""),
        collective=tuple(str(a) for a in agencies.get("collective", ())),
        groups=tuple(str(a) for a in agencies.get("groups", ())))


@functools.cache
def _facts_of(folder: str) -> PlanFacts:
    return read(Path(folder) / "plan.toml")


def facts(folder: Path | str | None = None) -> PlanFacts:
    """The facts of the plan folder in effect (or of `folder`), read once per process and folder."""
    return _facts_of(str(Path(folder or plan_folder()).resolve()))


def plan_hash(folder: Path | str) -> str:
    """SHA-256 over the plan's files (name and bytes, in a fixed order): the same folder gives the same hash."""
    digest = hashlib.sha256()
    folder = Path(folder)
    for name in PLAN_FILES:
        p = folder / name
        digest.update(name.encode() + b"\0")
        digest.update(p.read_bytes() if p.is_file() else b"")
        digest.update(b"\0")
    return digest.hexdigest()
