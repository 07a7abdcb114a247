"""Go's net/url.QueryUnescape."""

from __future__ import annotations

from .strconv import go_bytes, go_string, quote

__all__ = ["query_unescape"]


def query_unescape(s: str) -> str:
    """net/url.QueryUnescape: ``%XX`` escapes and ``+`` as space."""
    b = go_bytes(s)
    hexdigits = b"0123456789abcdefABCDEF"
    i = 0
    while i < len(b):
        if b[i] == 0x25:  # '%'
            if i + 2 >= len(b) or b[i + 1] not in hexdigits or b[i + 2] not in hexdigits:
                bad = b[i : i + 3]
                raise ValueError(f"invalid URL escape {quote(go_string(bad))}")
            i += 3
        else:
            i += 1
    out = bytearray()
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x25:
            out.append(int(b[i + 1 : i + 3], 16))
            i += 3
            continue
        out.append(0x20 if c == 0x2B else c)
        i += 1
    return go_string(bytes(out))
