"""Bytes to text: UTF-8, or a Unicode encoding announced by a byte-order mark.

Anything else is refused rather than guessed: a wrong guess silently garbles
names and quotes, which are exactly what sayso extracts.
"""

from __future__ import annotations

import codecs

from sayso.errors import IngestError

# UTF-32 LE must come before UTF-16 LE: its mark starts with the same two bytes.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_codec(data: bytes) -> str | None:
    """The codec a leading byte-order mark announces, if any."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def decode_text(data: bytes, source: str) -> str:
    """Decode a text file or raise an IngestError that says where decoding failed."""
    codec = bom_codec(data) or "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codec == "utf-8" else codec.upper()
        raise IngestError(
            source, f"not {name} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise IngestError(source, "binary file, not text")
    return text
