"""Loads grammar/gotmpl.lark (shipped inside the wheel) and builds the Lark LALR parser once."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark
from lark.lexer import Lexer

__all__ = ["build_parser", "grammar_text"]


def grammar_text() -> str:
    """The grammar: from the installed package, or from a source checkout's grammar/."""
    packaged = resources.files("gotmpl") / "grammar" / "gotmpl.lark"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install or src/ on sys.path: the file sits at the repository top.
    checkout = Path(__file__).resolve().parents[2] / "grammar" / "gotmpl.lark"
    return checkout.read_text(encoding="utf-8")


class _ScannerFeeds(Lexer):
    """Placeholder lexer: gotmpl.scanner produces the tokens and feeds them directly."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any) -> Any:
        raise NotImplementedError("tokens come from gotmpl.scanner")


@functools.cache
def build_parser(transformer: Any) -> Lark:
    """An LALR parser whose rules call ``transformer``'s methods as they reduce."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=_ScannerFeeds,
        transformer=transformer,
        start="start",
        strict=True,
    )
