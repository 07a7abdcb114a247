"""The gotmpl command: render templates, check them, fuzz them."""

from __future__ import annotations

import argparse
import sys

from . import __version__

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gotmpl",
        description="Go text/template for Python: render and check templates with Go's output and errors.",
    )
    p.add_argument("--version", action="version", version=f"gotmpl {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    del args
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
