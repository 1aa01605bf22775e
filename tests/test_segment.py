"""Sentence spans: breaks after sentence ends, none after abbreviations, inside numbers or quotes."""

from __future__ import annotations

import json
import lzma
import time
from itertools import islice

import pytest

from sukien.text.segment import is_abbreviation, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GS.TS. Nguyễn Văn An phát biểu tại hội thảo. Ông đánh giá cao kết quả.",
            ["GS.TS. Nguyễn Văn An phát biểu tại hội thảo.", "Ông đánh giá cao kết quả."],
        ),
        ("PGS.TS.BS. Trần Bình cho biết. Sau đó", ["PGS.TS.BS. Trần Bình cho biết.", "Sau đó"]),
        ("Ông gặp TS. Lê Hòa và Th.S Mai. Hết.", ["Ông gặp TS. Lê Hòa và Th.S Mai.", "Hết."]),
        ("Giá là 15 tr.đồng mỗi tháng. Người dân vui.", ["Giá là 15 tr.đồng mỗi tháng.", "Người dân vui."]),
        ("Đoàn đến TP. Hồ Chí Minh. Tại đây", ["Đoàn đến TP. Hồ Chí Minh.", "Tại đây"]),
        ("Đoàn đến TP.HCM. Tại đây", ["Đoàn đến TP.HCM.", "Tại đây"]),
        ("Ông đến Tp. Huế và Q. Ba Đình.", ["Ông đến Tp. Huế và Q. Ba Đình."]),
        ("Tác giả T.P. Nguyễn viết. Hết", ["Tác giả T.P. Nguyễn viết.", "Hết"]),
        ("Học thuyết của V.I. Lê-nin và C. Mác. Tiếp", ["Học thuyết của V.I. Lê-nin và C. Mác.", "Tiếp"]),
        ("Ông Mr. Smith đến U.S. Embassy. Xong", ["Ông Mr. Smith đến U.S. Embassy.", "Xong"]),
        ("Sáng 21.9.2024, đoàn lên đường. Hết", ["Sáng 21.9.2024, đoàn lên đường.", "Hết"]),
        ("Hơn 2.000 doanh nghiệp, tăng 3.5%. Năm nay", ["Hơn 2.000 doanh nghiệp, tăng 3.5%.", "Năm nay"]),
        ("Ông hỏi: Ai đến? Tôi đến! Thế thôi", ["Ông hỏi: Ai đến?", "Tôi đến!", "Thế thôi"]),
        ("Biến đổi khí hậu… Việt Nam cũng vậy", ["Biến đổi khí hậu…", "Việt Nam cũng vậy"]),
        ("Mỹ, Nhật... và các nước khác. Hết", ["Mỹ, Nhật... và các nước khác.", "Hết"]),
        ("Quyết định có hiệu lực./. Nơi nhận", ["Quyết định có hiệu lực./.", "Nơi nhận"]),
        ("Ông nói. “Chúng tôi sẵn sàng.” Sau đó", ["Ông nói.", "“Chúng tôi sẵn sàng.”", "Sau đó"]),
        (
            "Ông nói “Chúng tôi đến. Đây là dịp tốt” rồi ra về. Hết",
            ["Ông nói “Chúng tôi đến. Đây là dịp tốt” rồi ra về.", "Hết"],
        ),
        ("Đoàn (gồm Bộ trưởng. Thứ trưởng) đã đến. Hết", ["Đoàn (gồm Bộ trưởng. Thứ trưởng) đã đến.", "Hết"]),
        ("Giá tăng 5 lần. 2023 là năm kỷ lục.", ["Giá tăng 5 lần.", "2023 là năm kỷ lục."]),
        ("1. Tuổi Thìn gặp may. 2. Tuổi Hợi", ["1. Tuổi Thìn gặp may.", "2. Tuổi Hợi"]),
        (
            "Ông dự Hội nghị lần thứ 26. Phát biểu tại đó, ông nói.",
            ["Ông dự Hội nghị lần thứ 26.", "Phát biểu tại đó, ông nói."],
        ),
        ("không tách. sau chữ thường", ["không tách. sau chữ thường"]),
        ("Dòng một\nDòng hai.\n\n  Đoạn ba  ", ["Dòng một", "Dòng hai.", "Đoạn ba"]),
        # A photo credit in capitals run into the next sentence, as scraped captions are.
        (
            "Hai nhà lãnh đạo bắt tay - Ảnh: TRẦN HẢIHai bên đã hội đàm.",
            ["Hai nhà lãnh đạo bắt tay - Ảnh: TRẦN HẢI", "Hai bên đã hội đàm."],
        ),
        ("Lễ đón - Ảnh: TTXVNTổng thống phát biểu.", ["Lễ đón - Ảnh: TTXVN", "Tổng thống phát biểu."]),
        ("Lễ đón - Ảnh: Lê Hải. Hết", ["Lễ đón - Ảnh: Lê Hải.", "Hết"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "token", ["GS.TS.", "TS.", "PGS.", "TP.", "Tp.", "St.", "Mr.", "TT.", "T.P.", "U.S.", "(TS."]
)
def test_abbreviations(token: str) -> None:
    assert is_abbreviation(token)


@pytest.mark.parametrize("token", ["Mỹ.", "TP.HCM.", "2024.", "APEC.", "Nam."])
def test_sentence_final_words_are_not_abbreviations(token: str) -> None:
    assert not is_abbreviation(token)


def test_spans_are_trimmed_offsets_into_the_text(seeds_dir) -> None:
    text = (seeds_dir / "002_0e41423d2c0796fc.txt").read_text("utf-8")
    spans = split_sentences(text)
    assert spans == sorted(spans)
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
        assert "\n" not in text[start:end]
    sentence = (
        "Sáng 21.9.2024, Tổng Bí thư, Chủ tịch nước Tô Lâm và Phu nhân rời Thủ đô Hà Nội, "
        "lên đường công du Mỹ."
    )
    start = text.index(sentence)
    assert (start, start + len(sentence)) in spans


def test_corpus_speed(corpus_dir) -> None:
    with lzma.open(corpus_dir / "vietnews.jsonl.xz", "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in islice(lines, 2000)]
    words = sum(len(t.split()) for t in texts)
    began = time.perf_counter()
    count = sum(len(split_sentences(t)) for t in texts)
    elapsed = time.perf_counter() - began
    assert count > len(texts)
    assert words / elapsed > 500_000  # the whole corpus (41M words) in well under two minutes
