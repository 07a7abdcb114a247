"""The template bundle's recorded table (tests/data/ambundle_cases.json) and its file system."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TABLE = json.loads((Path(__file__).parent / "data" / "ambundle_cases.json").read_text("utf-8"))
FILES: dict[str, str] = TABLE["files"]
DATA: dict[str, Any] = TABLE["data"]
CASES: list[dict[str, Any]] = TABLE["cases"]


def write_files(root: Path) -> None:
    """The table's file system, under ``root``."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
