"""gotmpl: Go's text/template language for Python, with Go's output bytes and error text."""

from typing import TYPE_CHECKING

from .errors import ExecError, LimitExceeded, OpenBlock, ParseError, TemplateError
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
    "OpenBlock",
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

# Subpackages users reach as attributes (gotmpl.alertmanager.FUNCS after a plain
# ``import gotmpl``), imported when first used so that ``import gotmpl`` stays light.
_SUBMODULES = frozenset({"alertmanager", "cubeapm", "html", "profiles", "tools"})

if TYPE_CHECKING:
    from . import alertmanager as alertmanager
    from . import cubeapm as cubeapm
    from . import html as html
    from . import profiles as profiles
    from . import tools as tools
else:

    def __getattr__(name: str) -> object:
        if name in _SUBMODULES:
            import importlib

            return importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
