"""gotmpl.gostd.strings: its case tables are Go's, and are read only when first needed.

What the functions return is checked against Go in tests/profiles/test_alertmanager.py
(toUpper, toLower, title and trimSpace around every boundary of the tables).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from goracle import go_tool

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.oracle
@pytest.mark.usefixtures("oracle")  # fails loudly when Go is missing
def test_case_tables_are_current(tmp_path: Path) -> None:
    """Regenerating src/gotmpl/gostd/_casetables.py with the test toolchain changes nothing."""
    go, env = go_tool()
    written = tmp_path / "_casetables.py"
    done = subprocess.run(
        [go, "test", "./amtemplate", "-run", "TestWriteUnicodeTables", "-count=1"],
        cwd=ROOT / "tests" / "oracle",
        env={**env, "GOTMPL_WRITE_UNICODE": str(written)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    committed = ROOT / "src" / "gotmpl" / "gostd" / "_casetables.py"
    assert written.read_text("utf-8") == committed.read_text("utf-8"), "stale case tables"


def test_tables_are_read_on_first_use() -> None:
    """The parser imports the module for TrimSpace; importing gotmpl does not read the tables."""
    code = (
        "import gotmpl\n"
        "from gotmpl.gostd import strings\n"
        "print(len(strings._CASE_LOS), len(strings._RUN_FLAGS))\n"
        "strings.to_upper('\\u00e9')\n"
        "print(len(strings._CASE_LOS) > 0, len(strings._RUN_FLAGS) > 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, b"0 0\nTrue True\n")
