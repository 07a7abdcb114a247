"""The Template object model: association, lookup, clone, and memory behaviour."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gotmpl
from gotmpl.template import _good_name, _good_unicode_name


@pytest.fixture
def no_gc() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("no_gc")
def test_a_dropped_template_set_is_freed_without_the_cyclic_collector() -> None:
    # No reference cycle inside a set, nor in what compiling it made: servers that
    # parse per request do not accumulate garbage between collections.
    gc.collect()
    source = '{{define "b"}}{{range .}}{{or .x 1}}{{end}}{{end}}{{template "b" .}}'
    t = gotmpl.Template("a").parse(source)
    assert t.execute([{}]) == "1"
    associated = t.lookup("b")
    refs = [weakref.ref(t), weakref.ref(associated)]  # type: ignore[arg-type]
    del t, associated
    assert [r() for r in refs] == [None, None]
    assert gc.collect() == 0


@pytest.mark.usefixtures("no_gc")
def test_a_dropped_html_set_is_freed_without_the_cyclic_collector() -> None:
    # The same for html/template, escaped and run: the set holds its members'
    # state, and the Template objects (views of it) weakly.
    gc.collect()
    t = gotmpl.html.Template("a").parse('{{define "b"}}<a href="{{.}}">{{.}}</a>{{end}}')
    t.parse('{{template "b" .}}')
    assert t.execute("x y") == '<a href="x%20y">x y</a>'
    associated = t.lookup("b")
    assert associated is t.lookup("b") and t.lookup("a") is t
    refs = [weakref.ref(t), weakref.ref(associated)]  # type: ignore[arg-type]
    del t, associated
    assert [r() for r in refs] == [None, None]
    assert gc.collect() == 0


def test_a_text_parsed_once_leaves_no_tree_in_the_parse_cache() -> None:
    # Trees are kept from a text's second parse on: a kept tree costs every full
    # collection of the cyclic collector a walk, for nothing if never asked again.
    text = "{{.A}} parsed by test_a_text_parsed_once_leaves_no_tree_in_the_parse_cache"
    first, second, third = (gotmpl.Template("a").parse(text).tree for _ in range(3))
    assert first is not None and first is not second
    assert second is third
    assert str(first) == str(second)
    other = gotmpl.Template("a").delims("[[", "]]").parse(text).tree
    assert other is not third  # a key holds the delimiters too


# Recorded from Go 1.27: template.New("x").Funcs(FuncMap{name: f}) panics with this
# message, or takes the name ("").
_FUNCTION_NAMES = {
    "": 'function name "" is not a valid identifier',
    "1a": 'function name "1a" is not a valid identifier',
    "A_Z09": "",
    "_": "",
    "_1": "",
    "a": "",
    "a b": 'function name "a b" is not a valid identifier',
    "a-b": 'function name "a-b" is not a valid identifier',
    "a.b": 'function name "a.b" is not a valid identifier',
    "a1": "",
    "a\u0300": 'function name "a\u0300" is not a valid identifier',
    "x\u00b2": 'function name "x\u00b2" is not a valid identifier',
    "x\u0663": "",
    "x\u200d": 'function name "x\\u200d" is not a valid identifier',
    "\u00e9": "",
    "\u00f1ame": "",
    "\u01c4": "",
    "\u03b1\u03b2\u03b3": "",
    "\u0663x": 'function name "\u0663x" is not a valid identifier',
    "\u2170": 'function name "\u2170" is not a valid identifier',
    "\u65e5\u672c": "",
}


@pytest.mark.parametrize(("name", "message"), _FUNCTION_NAMES.items())
def test_function_names_are_checked_as_go_checks_them(name: str, message: str) -> None:
    t = gotmpl.Template("x")
    if message:
        with pytest.raises(ValueError) as caught:
            t.funcs({name: lambda: ""})
        assert str(caught.value) == message
    else:
        t.funcs({name: lambda: ""})


@given(st.text(st.characters(max_codepoint=0x7F)))
def test_ascii_function_names_take_the_unicode_rule(name: str) -> None:
    assert _good_name(name) == _good_unicode_name(name)


def test_lookup_returns_the_same_object_while_it_is_held() -> None:
    t = gotmpl.Template("a").parse('{{define "b"}}B{{end}}')
    assert t.lookup("a") is t
    b = t.lookup("b")
    assert b is not None and b is t.lookup("b") and b.name == "b"
    assert t.lookup("c") is None
    assert sorted(x.name for x in t.templates()) == ["a", "b"]


def test_new_joins_the_set_when_parsed() -> None:
    t = gotmpl.Template("a").parse('{{template "x" .}}')
    x = t.new("x")
    assert t.lookup("x") is None
    with pytest.raises(gotmpl.ExecError, match='template "x" not defined'):
        t.execute()
    x.delims("[[", "]]").parse("[[.]]{{.}}")
    assert t.lookup("x") is x
    assert t.execute(1) == "1{{.}}"


def test_redefining_through_define_updates_the_associated_template() -> None:
    t = gotmpl.Template("a").parse('{{define "b"}}one{{end}}')
    b = t.lookup("b")
    t.parse('{{define "b"}}two{{end}}')
    assert b is not None and b.execute() == "two"
    t.parse('{{define "b"}}{{end}}')  # an empty body keeps the definition
    assert b.execute() == "two"


def test_clone_is_independent() -> None:
    t = gotmpl.Template("a").funcs({"f": lambda: "F"}).parse('{{f}}{{template "b"}}')
    t.new("b").parse("B")
    c = t.clone()
    c.funcs({"f": lambda: "G"})
    c.new("b").parse("C")
    t.parse('{{define "b"}}D{{end}}')
    assert (t.execute(), c.execute()) == ("FD", "GC")
    assert c.lookup("a") is c


def test_subpackages_are_attributes_imported_on_first_use() -> None:
    code = (
        "import sys, gotmpl\n"
        "print('gotmpl.alertmanager' in sys.modules)\n"
        "print(len(gotmpl.alertmanager.FUNCS) > 0, gotmpl.html.HTML.__go_type__)\n"
        "print(gotmpl.profiles.get('text').name, gotmpl.tools.__name__)\n"
        "try:\n"
        "    gotmpl.nothing\n"
        "except AttributeError as e:\n"
        "    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "False",
        "True template.HTML",
        "text gotmpl.tools",
        "module 'gotmpl' has no attribute 'nothing'",
    ]
