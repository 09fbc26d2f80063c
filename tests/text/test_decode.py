"""Decoding raw source bytes: encodings that occur in scraped news, and what gets rejected."""

from __future__ import annotations

import codecs

import pytest

from pipeline.text.decode import decode_source, looks_like_html

ARTICLE = "BEIJING, Dec. 3 (Xinhua) -- Foreign Minister Wang Yi met his Nepali counterpart on Friday."


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(raw: bytes, encoding: str) -> None:
    decoded = decode_source(raw)
    assert decoded.reason is None
    assert decoded.encoding == encoding
    assert decoded.text == ARTICLE


def test_bom_is_not_part_of_the_text() -> None:
    assert not decode_source(codecs.BOM_UTF8 + b"Talks held").text.startswith("\ufeff")


def test_windows_1252_copy_keeps_its_curly_quotes_and_accents() -> None:
    text = "The ministers\u2019 talks in Gen\u00e8ve were \u201cfrank\u201d \u2013 Mr. M\u00fcller said so. " * 3
    decoded = decode_source(text.encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert decoded.text == text


def test_gb18030_chinese_is_detected() -> None:
    text = "王毅出席上海合作组织成员国外长理事会会议。王毅表示，各方应当加强团结合作，共同应对风险挑战。" * 2
    decoded = decode_source(text.encode("gb18030"))
    assert decoded.reason is None
    assert decoded.text == text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "empty"),
        ("  \u00a0\n".encode("utf-8"), "empty"),
        ("   \n".encode("utf-16"), "empty"),
        (b"Minister met\x00\x00counterpart" * 4, "not_text"),
        (bytes(range(256)) * 8, "not_text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not_text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not_text"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20, "not_text"),
    ],
)
def test_unusable_inputs_are_rejected_with_a_reason(raw: bytes, reason: str) -> None:
    decoded = decode_source(raw)
    assert decoded.text is None
    assert decoded.reason == reason
    assert decoded.detail and decoded.detail.endswith(".")


def test_rejection_detail_does_not_quote_the_content() -> None:
    decoded = decode_source(b"SECRET-CONTENT\x00\x00" * 10)
    assert decoded.reason == "not_text"
    assert "SECRET" not in (decoded.detail or "")


def test_bytes_broken_under_their_own_bom_are_undecodable() -> None:
    decoded = decode_source(codecs.BOM_UTF8 + b"Wang Yi \xff\xfe\xfd met")
    assert decoded.reason == "undecodable"


HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Wang Yi meets Lavrov in Moscow - Site</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
    "<article><h1>Wang Yi meets Lavrov in Moscow</h1>"
    "<p>MOSCOW, Sept. 10 (Xinhua) -- Chinese State Councilor and Foreign Minister Wang Yi met with Russian "
    "Foreign Minister Sergey Lavrov here on Thursday, and the two sides exchanged views on bilateral ties.</p>"
    "<p>Wang said China is ready to work with Russia to strengthen strategic coordination and to uphold "
    "multilateralism and the international order based on international law.</p></article>"
    "<footer>Copyright 2020. All rights reserved.</footer></body></html>"
)


def test_html_page_is_reduced_to_headline_and_main_text() -> None:
    decoded = decode_source(HTML_PAGE.encode("utf-8"))
    assert decoded.reason is None
    assert decoded.text is not None
    assert decoded.text.splitlines()[0] == "Wang Yi meets Lavrov in Moscow"
    assert "strategic coordination" in decoded.text
    assert "<p>" not in decoded.text
    assert "All rights reserved" not in decoded.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HTML_PAGE, True),
        ("<html><body><p>Short page</p></body></html>", True),
        ("Wang Yi said the <b> tag is not news.", False),
        (ARTICLE, False),
    ],
)
def test_html_sniffing(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


QUOTED = "Wang said: \u201cThe two sides should deepen cooperation \u2014 and keep supply chains open.\u201d " * 4


@pytest.mark.parametrize("damage", [b"\xff", b"\xff\xfe\xc3", b"\xe2\x80"])
def test_utf8_with_a_few_damaged_bytes_stays_utf8(damage: bytes) -> None:
    raw = QUOTED.encode("utf-8")
    decoded = decode_source(raw[:40] + damage + raw[40:])
    assert decoded.encoding == "utf-8"
    assert decoded.text is not None and decoded.text.replace("\ufffd", "") == QUOTED


def test_cp1252_copy_is_not_taken_for_damaged_utf8() -> None:
    # every non-ASCII byte is invalid UTF-8 here: no valid sequence vouches for UTF-8
    decoded = decode_source(QUOTED.encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("cp1252", QUOTED)


def test_heavily_damaged_utf8_is_not_read_as_utf8() -> None:
    raw = QUOTED.encode("utf-8")
    damaged = b"".join(raw[i:i + 20] + b"\xff" for i in range(0, len(raw), 20))
    assert decode_source(damaged).encoding != "utf-8"


@pytest.mark.parametrize("dateline", ["北京5月13日电 ", "新华社北京12月3日电（记者王毅）", "【上海合作组织】 "])
def test_english_copy_with_a_chinese_dateline_in_gb18030(dateline: str) -> None:
    text = dateline + "Foreign Minister Wang Yi met his Nepali counterpart on Friday, and the two sides agreed " * 3
    decoded = decode_source(text.encode("gb18030"))
    assert (decoded.encoding, decoded.text) == ("gb18030", text)


@pytest.mark.parametrize("text", [
    "Copyright \u00a9\u00ae 2020 Xinhua. Foreign Minister Wang Yi met his Nepali counterpart on Friday. " * 3,
    "Caf\u00e9s in Gen\u00e8ve closed as ministers met; M\u00fcller said so. " * 3,
])
def test_cp1252_copy_whose_bytes_could_pair_up_is_not_read_as_gb18030(text: str) -> None:
    decoded = decode_source(text.encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("cp1252", text)
