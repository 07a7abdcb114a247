"""Go's path/filepath Match and Glob (Unix rules), and os.ReadFile's error wording.

Go's patterns differ from Python's ``glob``: ``*`` matches names starting with
a dot, ``[^a]`` negates a class (``[!a]`` does not), a backslash escapes the next
character, and a malformed pattern is an error (``syntax error in pattern``)
only where matching reaches the malformed part, as Go's matcher finds it.
Names and patterns are compared as bytes (what Go's strings hold), file names
being the bytes the operating system gives.
"""

from __future__ import annotations

import os

__all__ = ["BadPattern", "clean", "glob", "match", "read_file"]

_SEP = ord("/")
_META = frozenset(b"*?[\\")
_RUNE_ERROR = 0xFFFD


class BadPattern(ValueError):
    """Go's filepath.ErrBadPattern."""

    def __init__(self) -> None:
        super().__init__("syntax error in pattern")


def _rune(s: bytes, i: int) -> tuple[int, int]:
    """utf8.DecodeRune at ``s[i]``: the rune and its size; (U+FFFD, 1) when invalid."""
    lead = s[i]
    if lead < 0x80:
        return lead, 1
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    try:
        return ord(s[i : i + size].decode("utf-8")), size
    except UnicodeDecodeError:
        return _RUNE_ERROR, 1


def _split_chunk(pattern: bytes) -> tuple[bool, bytes, bytes]:
    """The next chunk: whether stars precede it, the chunk (no star outside a class), the rest."""
    stripped = pattern.lstrip(b"*")
    star = len(stripped) < len(pattern)
    in_class = False
    i = 0
    while i < len(stripped):
        c = stripped[i]
        if c == ord("\\") and i + 1 < len(stripped):
            i += 1
        elif c == ord("["):
            in_class = True
        elif c == ord("]"):
            in_class = False
        elif c == ord("*") and not in_class:
            return star, stripped[:i], stripped[i:]
        i += 1
    return star, stripped, b""


def _class_char(chunk: bytes, i: int) -> tuple[int, int]:
    """A character of a class, maybe escaped: the rune and the index after it."""
    if i >= len(chunk) or chunk[i] in b"-]":
        raise BadPattern
    if chunk[i] == ord("\\"):
        i += 1
        if i >= len(chunk):
            raise BadPattern
    r, n = _rune(chunk, i)
    if (r == _RUNE_ERROR and n == 1) or i + n >= len(chunk):
        raise BadPattern  # an invalid byte, or the class never closes
    return r, i + n


def _match_chunk(chunk: bytes, s: bytes) -> bytes | None:
    """What is left of ``s`` after ``chunk`` matched its start, or None.

    After a mismatch the rest of the chunk is still read, for its syntax.
    """
    failed = False
    pos = 0  # in s
    i = 0  # in chunk
    while i < len(chunk):
        failed = failed or pos >= len(s)
        c = chunk[i]
        if c == ord("["):
            r = -1
            if not failed:
                r, n = _rune(s, pos)
                pos += n
            i += 1
            negated = i < len(chunk) and chunk[i] == ord("^")
            i += negated
            found = False
            ranges = 0
            while not (i < len(chunk) and chunk[i] == ord("]") and ranges):
                lo, i = _class_char(chunk, i)
                hi = lo
                if chunk[i] == ord("-"):
                    hi, i = _class_char(chunk, i + 1)
                found = found or lo <= r <= hi
                ranges += 1
            i += 1
            failed = failed or found == negated
        elif c == ord("?"):
            if not failed:
                failed = s[pos] == _SEP
                pos += _rune(s, pos)[1]
            i += 1
        else:
            if c == ord("\\"):
                i += 1
                if i >= len(chunk):
                    raise BadPattern
            if not failed:
                failed = chunk[i] != s[pos]
                pos += 1
            i += 1
    return None if failed else s[pos:]


def _match(pattern: bytes, name: bytes) -> bool:
    while pattern:
        star, chunk, pattern = _split_chunk(pattern)
        if star and not chunk:
            return _SEP not in name  # a trailing star takes the rest of one name
        rest = _match_chunk(chunk, name)
        # The last chunk must use up the name, or a star before it may do better.
        if rest is not None and (not rest or pattern):
            name = rest
            continue
        if star and (rest := _star_then_chunk(chunk, name, last=not pattern)) is not None:
            name = rest
            continue
        return False
    return not name


def _star_then_chunk(chunk: bytes, name: bytes, *, last: bool) -> bytes | None:
    """Lets a star take one more byte at a time (never a separator) before ``chunk``."""
    for i in range(len(name)):
        if name[i] == _SEP:
            break
        rest = _match_chunk(chunk, name[i + 1 :])
        if rest is not None and not (last and rest):
            return rest
    return None


def match(pattern: str, name: str) -> bool:
    """filepath.Match: whether ``name`` matches ``pattern`` entirely; BadPattern when
    matching reaches a malformed part of the pattern."""
    return _match(os.fsencode(pattern), os.fsencode(name))


def clean(path: str) -> str:
    """filepath.Clean: the shortest equivalent path, purely lexically."""
    rooted = path.startswith("/")
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            elif not rooted:
                parts.append(part)
            continue
        parts.append(part)
    joined = "/".join(parts)
    if rooted:
        return "/" + joined
    return joined or "."


def _has_meta(path: bytes) -> bool:
    return any(c in _META for c in path)


def _glob_in(directory: str, pattern: bytes, found: list[str]) -> None:
    """Appends the names in ``directory`` matching ``pattern``, in byte order; a
    directory that cannot be read adds nothing."""
    try:
        names = os.listdir(directory) if os.path.isdir(directory) else []
    except OSError:
        return
    for name in sorted(names, key=os.fsencode):
        if _match(pattern, os.fsencode(name)):
            found.append(clean(f"{directory}/{name}"))


def glob(pattern: str) -> list[str]:
    """filepath.Glob: the paths matching ``pattern``, each directory's in byte order.

    Errors reading directories are ignored; BadPattern when the pattern is
    malformed (as far as Go's matcher looks).
    """
    return _glob(pattern, 0)


def _glob(pattern: str, depth: int) -> list[str]:
    if depth == 10000:  # Go's bound on the separators it recurses through
        raise BadPattern
    raw = os.fsencode(pattern)
    _match(raw, b"")  # Go checks the pattern this way first
    if not _has_meta(raw):
        return [pattern] if os.path.lexists(pattern) else []
    directory, _, file = pattern.rpartition("/")
    if not pattern.count("/"):
        directory = "."
    elif directory == "":
        directory = "/"
    file_pattern = os.fsencode(file)
    found: list[str] = []
    if not _has_meta(os.fsencode(directory)):
        _glob_in(directory, file_pattern, found)
        return found
    if directory == pattern:
        raise BadPattern
    for d in _glob(directory, depth + 1):
        _glob_in(d, file_pattern, found)
    return found


def read_file(path: str, size: int = -1) -> bytes:
    """os.ReadFile (at most ``size`` bytes, if given); an OSError becomes ValueError
    with Go's text (``open PATH: no such file or directory``, ``read PATH: is a
    directory``)."""
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except IsADirectoryError:
        raise ValueError(f"read {path}: is a directory") from None
    except OSError as e:
        raise ValueError(f"open {path}: {(e.strerror or str(e)).lower()}") from None
