"""One template run over data in sequence, the way a fast path must not show: what
it found for one value's class persists for the next."""

from __future__ import annotations

from typing import Any

import gotmpl

__all__ = ["outcomes"]


def outcomes(text: str, option: str, data: list[Any]) -> list[str]:
    """``text`` parsed once with ``option``, run on each of ``data``: ``ok: TEXT`` or
    ``error: MESSAGE`` for each."""
    tmpl = gotmpl.Template("t").option(option).parse(text)
    results = []
    for d in data:
        try:
            results.append("ok: " + tmpl.execute(d))
        except gotmpl.TemplateError as e:
            results.append("error: " + str(e))
    return results
