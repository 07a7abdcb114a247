"""Go's filepath.Match and Glob: answers recorded from Go, and Glob on a real tree.

The Match table is tests/data/filepath_cases.json, written by
tests/data/filepath_gen/main.go (hand-picked patterns and random ones from
Match's operators, separators, multi-byte and invalid UTF-8); Go is not needed
to run these tests. The Glob, Clean and ReadFile answers below are Go 1.27.3's
on the same tree (a scratch program run by hand), and Glob over files is
checked again through the template bundle's recorded cases
(tests/profiles/test_bundle.py).
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

import pytest

from gotmpl.gostd import filepath

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parents[1] / "data" / "filepath_cases.json").read_text("utf-8")
)["cases"]


def text(v: Any) -> str:
    if isinstance(v, dict):
        return base64.b64decode(v["b64"]).decode("utf-8", "surrogateescape")
    return str(v)


def answer(pattern: str, name: str) -> tuple[bool, str]:
    try:
        return filepath.match(pattern, name), ""
    except filepath.BadPattern as e:
        return False, str(e)


def test_match_like_go() -> None:
    wrong = [
        (c["pattern"], c["name"])
        for c in CASES
        if answer(text(c["pattern"]), text(c["name"])) != (c["match"], c.get("error", ""))
    ]
    assert wrong == []
    assert len(CASES) > 7000


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ["t/a.tmpl", "t/.b.tmpl", "t/c.txt", "t/sub/d.tmpl", "u/e.tmpl", "t/é.tmpl"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_glob(tree: Path) -> None:
    assert filepath.glob("t/*.tmpl") == ["t/.b.tmpl", "t/a.tmpl", "t/é.tmpl"]
    assert filepath.glob("*/*.tmpl") == ["t/.b.tmpl", "t/a.tmpl", "t/é.tmpl", "u/e.tmpl"]
    assert filepath.glob("t/*/*.tmpl") == ["t/sub/d.tmpl"]
    assert filepath.glob("t/[^a]*") == ["t/.b.tmpl", "t/c.txt", "t/sub", "t/é.tmpl"]
    assert filepath.glob("t//a.tmpl") == ["t//a.tmpl"]  # no pattern: the path as given
    assert filepath.glob("t//*.txt") == ["t/c.txt"]
    assert filepath.glob("./t/../u/*") == ["u/e.tmpl"]
    assert filepath.glob(str(tree / "u" / "*")) == [str(tree / "u" / "e.tmpl")]
    assert filepath.glob("nope/*") == [] and filepath.glob("nope") == []
    assert filepath.glob("t/a.tmpl/*") == []


@pytest.mark.parametrize("pattern", ["t/[", "[/*", "t/\\", "t/[]"])
def test_glob_bad_pattern(tree: Path, pattern: str) -> None:
    with pytest.raises(filepath.BadPattern, match=r"^syntax error in pattern$"):
        filepath.glob(pattern)


def test_a_bad_pattern_past_what_matching_reads_is_no_error(tree: Path) -> None:
    """Go reports a malformed pattern only where matching reaches it."""
    assert filepath.glob("t/x*[") == []
    with pytest.raises(filepath.BadPattern):
        filepath.glob("t/a*[")


def test_clean() -> None:
    assert [filepath.clean(p) for p in ["", "a//b/", "/../a", "a/../..", "./a/./b", "//a"]] == [
        ".",
        "a/b",
        "/a",
        "..",
        "a/b",
        "/a",
    ]


def test_read_file(tree: Path) -> None:
    assert filepath.read_file("t/a.tmpl") == b"t/a.tmpl"
    with pytest.raises(ValueError, match=r"^open nope: no such file or directory$"):
        filepath.read_file("nope")
    with pytest.raises(ValueError, match=r"^read t: is a directory$"):
        filepath.read_file("t")
    if os.geteuid() != 0:  # root reads anything
        (tree / "t" / "a.tmpl").chmod(0)
        with pytest.raises(ValueError, match=r"^open t/a\.tmpl: permission denied$"):
            filepath.read_file("t/a.tmpl")
