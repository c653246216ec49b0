"""Decoding: an article's bytes as text, with its encoding told apart and newlines normalized.

Plain Python.
"""

from pathlib import Path

import charset_normalizer

from timeline.pipeline.article_error import ArticleError

# Tried in this order once strict UTF-8 fails; charset-normalizer picks among the rest.
_FALLBACK_ENCODINGS = ("gb18030", "big5", "cp1252")


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NUL bytes sit in every other position, as in UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _has_control_characters(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v\x1a")
    return controls > max(2, len(sample) // 100)


def decode_article_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode raw article bytes; returns (text, encoding name). Raises ArticleError."""
    if not data.strip():
        raise ArticleError(path, "empty file")
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleError(path, f"undecodable (tried {encoding})") from None
            return _checked(text, encoding, path)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise ArticleError(path, "binary content")
        try:
            return _checked(data.decode(encoding), encoding, path)
        except UnicodeDecodeError:
            raise ArticleError(path, "binary content") from None
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    tried = ", ".join(("utf-8", *_FALLBACK_ENCODINGS))
    best = charset_normalizer.from_bytes(data, cp_isolation=list(_FALLBACK_ENCODINGS)).best()
    if best is None:
        raise ArticleError(path, f"undecodable (tried {tried})")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ArticleError(path, f"undecodable (tried {tried})") from None
    return _checked(text, encoding, path)


def _checked(text: str, encoding: str, path: str | Path) -> tuple[str, str]:
    if _has_control_characters(text):
        raise ArticleError(path, "binary content")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ArticleError(path, "empty file")
    return text, encoding


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
