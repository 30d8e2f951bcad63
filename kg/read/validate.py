"""Checks that an input really is article text, before anything is stored."""

from __future__ import annotations

from kg.errors import InputError

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def decode_text(source: str, data: bytes) -> str:
    """Decode UTF-8 bytes into article text, or raise ``InputError``.

    A leading byte-order mark is dropped; NUL bytes mean binary data.
    """
    if b"\x00" in data:
        raise InputError(source, "looks like binary data, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"is not UTF-8 (bad byte at offset {exc.start}); convert it with iconv"
        ) from None
    return check_text(source, text)


def check_text(source: str, text: str) -> str:
    """Return ``text`` when it can be read as an article, else raise ``InputError``."""
    if not isinstance(text, str):
        raise InputError(source, f"text must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(source, "is empty: an article needs some text")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in _CONTROL_OK)
    if "\x00" in text or control > max(3, len(text) // 100):
        raise InputError(source, "looks like binary data, not text (too many control characters)")
    return text
