"""The README's HTML templates section shows what gotmpl.html (and Go) print."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from gotmpl import html

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
SECTION = README.split("\n## HTML templates\n")[1].split("\n## ")[0]
CODE = SECTION.split("```python\n")[1].split("```")[0]
OUTPUT = SECTION.split("```html\n")[1].split("```")[0]
FAILING = re.search(r"For\s+`([^`]+)`", SECTION)
ERROR = SECTION.split("```\n")[-2].strip()


def test_example_prints_what_the_readme_shows() -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(CODE, {})
    assert printed.getvalue() == OUTPUT


def test_error_example_is_the_error_execute_raises() -> None:
    assert FAILING is not None
    with pytest.raises(html.EscapeError) as e:
        html.Template("page").parse(FAILING.group(1)).execute({})
    assert str(e.value) == ERROR
    assert e.value.code == html.ErrorCode.BRANCH_END


@pytest.mark.oracle
def test_go_prints_the_same(oracle: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's template and data, executed by Go's html/template."""
    seen: dict[str, Any] = {}
    execute = html.Template.execute

    def spy(self: html.Template, data: Any = None, *args: Any, **kwargs: Any) -> Any:
        seen.update(template=self, data=data)
        return execute(self, data, *args, **kwargs)

    monkeypatch.setattr(html.Template, "execute", spy)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(CODE, {})
    tree = seen["template"]._text._def.tree
    data = {
        k: {"$" + type(v).__name__: str(v)} if isinstance(v, html.HTML) else v
        for k, v in seen["data"].items()
    }
    request = {"engine": "html", "name": "page", "data_kind": "typed"}
    reply = oracle.run({**request, "template": tree.src.text, "data": data})
    assert reply["output"] + "\n" == OUTPUT
    assert FAILING is not None
    reply = oracle.run({**request, "template": FAILING.group(1), "data": {}})
    assert reply["error"] == ERROR
