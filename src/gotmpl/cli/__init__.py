"""The ``gotmpl`` command."""

from .main import main

__all__ = ["main"]
