"""Go's encoding/base64 with the URL-safe alphabet (base64.URLEncoding)."""

from __future__ import annotations

import base64

from .strconv import go_bytes, go_string

__all__ = ["url_decode_string", "url_encode_to_string"]


_B64_URL = {
    c: i for i, c in enumerate(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
}


def url_decode_string(s: str) -> str:
    """base64.URLEncoding.DecodeString, with Go's error offsets.

    Go skips CR and LF anywhere and reports the first offending byte; Python's
    decoder is more lenient, so each 4-character quantum is checked as Go does.
    """
    src = go_bytes(s)
    n = len(src)
    out = bytearray()
    si = 0
    while si < n:
        quantum: list[int] = []
        while len(quantum) < 4:
            if si == n:
                if not quantum:
                    return go_string(bytes(out))
                raise ValueError(f"illegal base64 data at input byte {si - len(quantum)}")
            c = src[si]
            si += 1
            if c in _B64_URL:
                quantum.append(_B64_URL[c])
                continue
            if c in (0x0A, 0x0D):
                continue
            if c != 0x3D or len(quantum) < 2:  # not '=', or padding too early
                raise ValueError(f"illegal base64 data at input byte {si - 1}")
            if len(quantum) == 2:  # "==" expected
                while si < n and src[si] in (0x0A, 0x0D):
                    si += 1
                if si == n:
                    raise ValueError(f"illegal base64 data at input byte {n}")
                if src[si] != 0x3D:
                    raise ValueError(f"illegal base64 data at input byte {si - 1}")
                si += 1
            while si < n and src[si] in (0x0A, 0x0D):
                si += 1
            if si < n:
                raise ValueError(f"illegal base64 data at input byte {si}")
            break
        val = 0
        for d in quantum:
            val = val << 6 | d
        val <<= 6 * (4 - len(quantum))
        out += val.to_bytes(3, "big")[: len(quantum) - 1]
    return go_string(bytes(out))


def url_encode_to_string(s: str) -> str:
    """base64.URLEncoding.EncodeToString: the URL-safe alphabet, padded."""
    return base64.urlsafe_b64encode(go_bytes(s)).decode()
