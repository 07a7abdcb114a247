"""``python -m gotmpl``: the gotmpl command."""

import sys

from .cli import main

sys.exit(main())
