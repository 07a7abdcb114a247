"""src/gotmpl/gostd/_printable.py is what Go's own tables say (tests/data/unicode_gen)."""

from __future__ import annotations

import bisect
import itertools
import subprocess
from pathlib import Path

import pytest
from goracle import go_tool

from gotmpl.gostd import _printable as _unicode
from gotmpl.gostd import strconv

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "tests" / "data" / "unicode_gen"


@pytest.mark.oracle
@pytest.mark.usefixtures("oracle")  # fails loudly when Go is missing
def test_printable_table_is_current() -> None:
    """Regenerating the table with the test toolchain changes nothing."""
    go, env = go_tool()
    done = subprocess.run(
        [go, "run", "."],
        cwd=GENERATOR,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    committed = (ROOT / "src" / "gotmpl" / "gostd" / "_printable.py").read_text("utf-8")
    assert done.stdout == committed, "stale table: regenerate it (see tests/data/unicode_gen)"


def _bounds(text: str) -> list[tuple[int, int]]:
    """The (first, last) code points of a character class's ranges."""
    bounds: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        first = last = ord(text[i])
        if i + 2 < len(text) and text[i + 1] == "-":
            last = ord(text[i + 2])
            i += 3
        else:
            i += 1
        bounds.append((first, last))
    return bounds


def test_table_shape() -> None:
    # Ranges are ordered and disjoint, start above ASCII and stop at the last rune.
    bmp, astral = _bounds(_unicode.UNPRINTABLE_BMP), _bounds(_unicode.UNPRINTABLE_ASTRAL)
    assert bmp[0][0] > 0x7F and bmp[-1][1] <= 0xFFFF
    assert astral[0][0] > 0xFFFF and astral[-1][1] <= 0x10FFFF
    bounds = bmp + astral
    assert all(a[1] + 1 < b[0] for a, b in itertools.pairwise(bounds))
    assert all(f <= last for f, last in bounds)
    assert not strconv.is_print("\udcff")  # an undecodable byte is never printable
    # The first and last runes of each run, and those around it, as Go says.
    for first, last in bounds:
        assert not strconv.is_print(chr(first)) and not strconv.is_print(chr(last))
        if first > 0x80:
            assert strconv.is_print(chr(first - 1))
        if last < 0x10FFFF:
            assert strconv.is_print(chr(last + 1))


def test_is_print_is_the_table() -> None:
    """Every code point: is_print, and quoting's regular expression (the two classes,
    the one above the BMP behind a lookbehind), say what the table's ranges say."""
    bounds = _bounds(_unicode.UNPRINTABLE_BMP) + _bounds(_unicode.UNPRINTABLE_ASTRAL)
    firsts = [first for first, _ in bounds]
    needs_escape = strconv._needs_escape()
    for code in range(0x110000):
        i = bisect.bisect_right(firsts, code) - 1
        unprintable = code < 0x20 or code == 0x7F or (i >= 0 and code <= bounds[i][1])
        ch = chr(code)
        assert strconv.is_print(ch) is not unprintable, hex(code)
        if ch not in '"\\':
            assert (needs_escape.match(ch) is not None) is unprintable, hex(code)
