"""gotmpl: Go's text/template language for Python, with Go's output bytes and error text."""

from .errors import ExecError, LimitExceeded, ParseError, TemplateError
from .exec.state import Limits
from .gotypes import StringMap, StringSlice, typed_int, typed_map, typed_slice
from .template import Template, parse_files, parse_glob, render
from .values import MISSING

__version__ = "0.1.0"

__all__ = [
    "MISSING",
    "ExecError",
    "LimitExceeded",
    "Limits",
    "ParseError",
    "StringMap",
    "StringSlice",
    "Template",
    "TemplateError",
    "__version__",
    "parse_files",
    "parse_glob",
    "render",
    "typed_int",
    "typed_map",
    "typed_slice",
]
