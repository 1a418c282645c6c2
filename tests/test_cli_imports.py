"""The command line imports only what a command needs: data commands never load Streamlit, Altair or
vl-convert (each costs every call a fraction of a second), and no command loads Streamlit."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hue57 import cli

ROOT = Path(__file__).resolve().parents[1]
UI_PACKAGES = ("streamlit", "altair", "vl_convert")

# Run the CLI in a fresh interpreter as `python -m hue57` would, then report what was imported.
PROBE = """
import contextlib, io, json, sys
from hue57.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
json.dump({"code": code, "modules": sorted(sys.modules)}, sys.stdout)
"""


def _imports(argv: list[str], db: Path) -> tuple[int, set[str]]:
    env = {**os.environ, "HUE57_DB": str(db)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True, timeout=120)
    result = json.loads(done.stdout)
    return result["code"], set(result["modules"])


def _tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize("argv", [
    ["targets", "--format", "csv"],
    ["tasks", "--as-of", "2026-06-10", "--format", "json"],
    ["actuals", "--code", "7"],
    ["history"],
    ["share", "list", "--format", "csv"],
    ["--lang", "en", "--db", "IGNORED", "targets"],  # global options before the command
])
def test_data_commands_import_no_streamlit_altair_or_vl_convert(db, argv):
    argv = [str(db) if a == "IGNORED" else a for a in argv]
    code, modules = _imports(argv, db)
    assert code == 0
    assert not _tops(modules) & set(UI_PACKAGES), sorted(_tops(modules) & set(UI_PACKAGES))
    assert "hue57.ingest" not in modules and "pandera" not in _tops(modules)  # validation is for imports only


def test_targets_loads_no_module_that_imports_streamlit_or_altair(db):
    """The evidence the issue asks for: no source file the command loads has such an import line."""
    _, modules = _imports(["targets"], db)
    mine = sorted(m for m in modules if m == "hue57" or m.startswith("hue57."))
    assert "hue57.cli._plan" in mine and "hue57.cli._gaps" not in mine and "hue57.views" not in mine
    pattern = re.compile(r"^\s*(import|from)\s+(streamlit|altair|vl_convert)\b", re.MULTILINE)
    for name in mine:
        path = ROOT / (name.replace(".", "/") + ".py")
        if not path.exists():
            path = ROOT / name.replace(".", "/") / "__init__.py"
        assert not pattern.search(path.read_text(encoding="utf-8")), name


def test_no_command_imports_streamlit(db):
    for argv in (["gaps", "--as-of", "2026"], ["share", "create", "--expires", "2099-01-01", "--by", "t"],
                 ["template", str(db.with_name("t.csv"))]):
        code, modules = _imports(argv, db)
        assert code == 0 and "streamlit" not in _tops(modules), argv


def test_every_command_is_registered_by_the_module_the_table_names():
    for name in cli.MODULE_NAMES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        module, = cli.command_modules([name])
        module.register(sub)
        assert set(sub.choices) == {c for c, m in cli.COMMANDS.items() if m == name}, name


@pytest.mark.parametrize(("argv", "command"), [
    (["targets"], "targets"), (["--db", "x.duckdb", "gaps"], "gaps"), (["--lang", "en", "share", "list"], "share"),
    (["--db=x", "import", "f.csv"], "import"), (["--help"], None), ([], None), (["--db", "targets"], None),
])
def test_the_command_word_is_found_after_global_options(argv, command):
    assert cli.command_of(argv) == command


def test_an_unknown_command_still_gets_the_full_usage(capsys):
    assert cli.main(["bogus"]) == 2
    err = capsys.readouterr().err
    assert "lựa chọn không hợp lệ" in err and all(c in err for c in cli.COMMANDS)  # argparse's words in Vietnamese
