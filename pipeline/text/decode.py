"""Raw bytes of a source file -> text, or a rejection code with a sentence a person can act on.

Order of attempts: a byte-order mark (UTF-8, UTF-32, UTF-16), strict UTF-8, UTF-16 without a mark
(recognised by its zero bytes), UTF-8 with a few damaged bytes (each replaced by U+FFFD), English copy
in GB18030 whose only non-ASCII bytes are the Chinese characters of a dateline, cp1252, then detection with
charset-normalizer. cp1252 and GB18030 are the legacy encodings that occur in scraped news; for mostly-ASCII
text a detector has too little to go on and often picks a Korean or Central European code page instead.
HTML pages are reduced to their headline and main text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
import trafilatura

REJECT_EMPTY = "empty"
REJECT_NOT_TEXT = "not_text"
REJECT_UNDECODABLE = "undecodable"

# (mark, codec name reported, codec used); UTF-32 marks first because FF FE 00 00 also starts with the UTF-16 LE mark
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# file signatures of formats that are never article text, whatever a detector says about them
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
)
# share of control characters (other than tab, newline, carriage return, form feed) above which text is binary
MAX_CONTROL_SHARE = 0.02
# share of zero bytes at alternate positions that marks UTF-16 written without a byte-order mark
MIN_UTF16_ZERO_SHARE = 0.6
# above this share of non-ASCII bytes a non-UTF-8 file is not English copy in cp1252 (GB18030 Chinese, say)
WESTERN_MAX_HIGH_SHARE = 0.1
# a UTF-8 file damaged in at most this share of its bytes (a cut-off download, a flipped byte) is still read
# as UTF-8, provided most of its non-ASCII bytes form valid UTF-8 sequences: cp1252 or GB18030 copy has next
# to no valid UTF-8 sequences, so it never passes
MAX_DAMAGED_UTF8_SHARE = 0.01
# bytes that strict UTF-8 rejects come back from "surrogateescape" as U+DC80..U+DCFF, one per byte
ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")
NON_ASCII_BYTES = bytes(range(0x80, 0x100))
# a GB2312 character (the common Chinese of mainland datelines, "北京5月13日电"): both bytes in A1..FE.
# In English cp1252 copy a non-ASCII byte is followed by ASCII, so its bytes never pair up like this.
GB2312_PAIR_RE = re.compile(rb"[\xa1-\xf7][\xa1-\xfe]")
# what those pairs may decode to in a dateline: ideographs, CJK and general punctuation, full-width forms
DATELINE_CJK_RE = re.compile("[\u00b7\u2010-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CJK_IDEOGRAPH_RE = re.compile("[\u4e00-\u9fff]")
HTML_SNIFF_CHARS = 2048
HTML_START_RE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)
HTML_TAG_RE = re.compile(r"</?(?:html|head|body|div|p|span|a|meta|script|title|article|section|br|table|ul|li)\b[^>]*>", re.I)
# whitespace that str.strip() does not know about, plus a stray mark left inside the text
INVISIBLE_CHARS = (
    " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060"
    "\u3000\ufeff"
)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class DecodedText:
    """Outcome of decoding one source file: text and encoding, or a rejection reason and detail."""

    text: str | None
    encoding: str | None
    reason: str | None
    detail: str | None


def _reject(reason: str, detail: str) -> DecodedText:
    return DecodedText(text=None, encoding=None, reason=reason, detail=detail)


def _binary_signature(raw: bytes) -> str | None:
    for signature, what in BINARY_SIGNATURES:
        if raw.startswith(signature):
            return what
    return None


def _bom_decode(raw: bytes) -> tuple[str, str] | None:
    """Text and codec name when the bytes start with a byte-order mark and decode under it."""
    for mark, name, codec in BOMS:
        if raw.startswith(mark):
            try:
                return raw.decode(codec), name
            except UnicodeDecodeError:
                return None
    return None


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 text written without a mark: Latin text has a zero byte in every other position."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even_zero = raw[0::2].count(0) / (len(raw) // 2)
    odd_zero = raw[1::2].count(0) / (len(raw) // 2)
    codec = "utf-16-le" if odd_zero >= MIN_UTF16_ZERO_SHARE and even_zero < 0.1 else None
    if codec is None and even_zero >= MIN_UTF16_ZERO_SHARE and odd_zero < 0.1:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _high_bytes(raw: bytes) -> int:
    """Number of non-ASCII bytes."""
    return len(raw) - len(raw.translate(None, NON_ASCII_BYTES))


def _damaged_utf8(raw: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few invalid bytes, each replaced by U+FFFD, rather than a legacy code page's garbling.

    Example: "\u201cWe agree,\u201d he said".encode() with one stray b"\\xff" inserted -> the same text with one U+FFFD.
    """
    damaged = len(ESCAPED_BYTE_RE.findall(raw.decode("utf-8", "surrogateescape")))
    if not damaged or _high_bytes(raw) - damaged <= damaged or damaged > MAX_DAMAGED_UTF8_SHARE * len(raw):
        return None
    return raw.decode("utf-8", "replace"), "utf-8"


def _gb18030_dateline(raw: bytes) -> tuple[str, str] | None:
    """Mostly-ASCII text in GB18030: English copy from a Chinese outlet, Chinese only in a dateline or a name.

    Example: "北京5月13日电 Wang Yi met Lavrov.".encode("gb18030") -> that text, "gb18030".
    """
    high = _high_bytes(raw)
    if not high or high > WESTERN_MAX_HIGH_SHARE * len(raw) or 2 * len(GB2312_PAIR_RE.findall(raw)) != high:
        return None
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    chinese = "".join(ch for ch in text if ch >= "\x80")
    if DATELINE_CJK_RE.sub("", chinese) or not CJK_IDEOGRAPH_RE.search(chinese):
        return None
    return text, "gb18030"


def _western(raw: bytes) -> tuple[str, str] | None:
    """cp1252 text: English copy saved by a Windows tool, mostly ASCII with a few curly quotes or dashes.

    Detectors often call such short texts cp1250 or mac_roman; for English news cp1252 is far likelier.
    """
    high = sum(1 for b in raw if b >= 0x80)
    if high > WESTERN_MAX_HIGH_SHARE * len(raw):
        return None
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return None


def _detected(raw: bytes) -> tuple[str, str] | None:
    """Text and codec name from charset-normalizer, or None when it finds no plausible encoding."""
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        return None
    encoding = best.encoding
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_RE.findall(text)) / len(text)


def looks_like_html(text: str) -> bool:
    """True for a document that is clearly an HTML page, not prose that mentions a tag.

    Example: "<!DOCTYPE html><html><body><p>Hi</p></body></html>" -> True; "Use <b> for bold." -> False.
    """
    head = text[:HTML_SNIFF_CHARS]
    if HTML_START_RE.match(head):
        return True
    tags = HTML_TAG_RE.findall(head)
    return len(tags) >= 5 and sum(len(t) for t in tags) > 0.05 * len(head)


def html_main_text(html: str) -> str | None:
    """Headline (first line) and main text of an HTML page, or None when the page has no main text."""
    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if extracted is None:
        return None
    body = (getattr(extracted, "text", None) or "").strip()
    title = (getattr(extracted, "title", None) or "").strip()
    if not body:
        return None
    if title and not body.startswith(title):
        return f"{title}\n\n{body}"
    return body


def decode_source(raw: bytes) -> DecodedText:
    """Decode the raw bytes of one source file, or say why it cannot be used as an article.

    Example: decode_source("Wang Yi met Lavrov.".encode("utf-16")) -> DecodedText("Wang Yi met Lavrov.", "utf-16", None, None)
    """
    if not raw:
        return _reject(REJECT_EMPTY, "The file is empty (0 bytes); remove it or replace it with the article text.")
    signature = _binary_signature(raw)
    if signature is not None:
        return _reject(REJECT_NOT_TEXT, f"The file is {signature}, not plain text; convert it to a UTF-8 text file.")

    decoded = _bom_decode(raw)
    if decoded is None and raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _reject(REJECT_UNDECODABLE, "The file starts with a Unicode byte-order mark but its bytes do not decode "
                                           "under it; re-save it as UTF-8.")
    if decoded is None:
        try:
            decoded = (raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            decoded = None
    if decoded is None or "\x00" in decoded[0]:
        decoded = _utf16_without_bom(raw) or decoded
    if decoded is not None and "\x00" in decoded[0]:
        return _reject(REJECT_NOT_TEXT, "The file contains NUL bytes, so it is binary data rather than text; "
                                        "export the article as a UTF-8 text file.")
    if decoded is None:
        if b"\x00" in raw:
            return _reject(REJECT_NOT_TEXT, "The file contains NUL bytes and is not UTF-16 text, so it is binary data; "
                                            "export the article as a UTF-8 text file.")
        decoded = _damaged_utf8(raw) or _gb18030_dateline(raw) or _western(raw) or _detected(raw)
    if decoded is None:
        if _control_share(raw.decode("latin-1")) > MAX_CONTROL_SHARE:
            return _reject(REJECT_NOT_TEXT, "The file is mostly control bytes, so it is binary data rather than text; "
                                            "export the article as a UTF-8 text file.")
        return _reject(REJECT_UNDECODABLE, "The file is not valid UTF-8 and no other text encoding fits its bytes; "
                                           "re-save it as UTF-8.")

    text, encoding = decoded
    if _control_share(text) > MAX_CONTROL_SHARE:
        return _reject(REJECT_NOT_TEXT, f"The file decodes as {encoding} but is full of control characters, so it is "
                                        "binary data; export the article as a UTF-8 text file.")
    if not text.strip(INVISIBLE_CHARS):
        return _reject(REJECT_EMPTY, "The file holds only whitespace; remove it or replace it with the article text.")
    if looks_like_html(text):
        main = html_main_text(text)
        if main is None:
            return _reject(REJECT_EMPTY, "The file is an HTML page without a recognisable article body; save the "
                                         "article text itself instead of the page.")
        return DecodedText(text=main, encoding=encoding, reason=None, detail=None)
    return DecodedText(text=text, encoding=encoding, reason=None, detail=None)
