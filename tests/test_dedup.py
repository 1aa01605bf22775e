"""Near-duplicates: reprints, light edits and truncated copies of real articles."""

from __future__ import annotations

import re
import unicodedata

import pytest

from sukien.app.dedup import NearDuplicateIndex, containment, first_copies, shingles, sketch
from sukien.app.ingest import ingest
from web_helpers import real_articles


def body(article: dict) -> str:
    return "\n\n".join([article["summary"], *article["paragraphs"]])


def lightly_edited(text: str) -> str:
    """A reprint: an outlet's own opening line, one sentence dropped, a word changed."""
    paragraphs = text.split("\n\n")
    edited = ["(Theo báo Ví Dụ) " + paragraphs[0], *paragraphs[1:-1]]
    return "\n\n".join(edited).replace(" và ", " cùng ", 1)


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return [a for a in real_articles(40) if len(shingles(body(a))) >= 120][:12]


def test_a_lightly_edited_reprint_points_at_the_first_copy(articles):
    index = NearDuplicateIndex()
    for n, article in enumerate(articles):
        assert index.add(f"a{n}", body(article)) is None
    assert index.add("reprint", lightly_edited(body(articles[3]))) == "a3"


def test_a_truncated_copy_points_at_the_whole_article(articles):
    index = NearDuplicateIndex()
    for n, article in enumerate(articles):
        index.add(f"a{n}", body(article))
    text = body(articles[5])
    assert index.add("truncated", text[: len(text) // 3]) == "a5"


def test_different_articles_are_never_duplicates(articles):
    index = NearDuplicateIndex()
    assert [index.add(f"a{n}", body(article)) for n, article in enumerate(articles)] == [None] * len(articles)


def test_the_same_article_again_is_not_its_own_duplicate(articles):
    index = NearDuplicateIndex()
    index.add("a0", body(articles[0]))
    assert index.add("a0", body(articles[0])) is None


def test_first_copies_answers_as_the_index_asked_one_by_one(articles):
    # Reprints, a truncated copy, a copy of a copy, the same text under two ids, a text too short.
    texts = [body(article) for article in articles]
    texts += [lightly_edited(texts[3]), texts[5][: len(texts[5]) // 3], lightly_edited(texts[-1]), texts[0]]
    texts.append("Quá ngắn.")
    sketched = [(f"a{n}", sketch(text)) for n, text in enumerate(texts)]
    index = NearDuplicateIndex()
    one_by_one = [index.add_sketch(article_id, found) for article_id, found in sketched]
    assert one_by_one[len(articles) :] == ["a3", "a5", f"a{len(articles) - 1}", "a0", None]
    assert first_copies(sketched) == one_by_one


def test_containment_of_a_third_is_whole():
    assert containment(jaccard=1 / 3, size_a=100, size_b=300) == pytest.approx(1.0)


def test_ingest_stores_a_reprint_with_duplicate_of_the_first_copy(tmp_path, store, articles):
    first = tmp_path / "a-first.txt"
    first.write_text(body(articles[0]), encoding="utf-8")
    other = tmp_path / "b-other.txt"
    other.write_text(body(articles[1]), encoding="utf-8")
    ingest(store, [first, other])
    reprint = tmp_path / "c-reprint.txt"
    reprint.write_text(lightly_edited(body(articles[0])), encoding="utf-8")
    report = ingest(store, [reprint])  # a later run: the index is rebuilt from the store
    assert report.stored == 1
    stored = {a.source: a for a in store.articles()}
    assert stored["c-reprint.txt"].duplicate_of == stored["a-first.txt"].id
    assert stored["b-other.txt"].duplicate_of is None


def test_a_sketch_holds_the_values_of_datasketchs_minhash():
    import numpy as np
    from datasketch import MinHash

    from sukien.app.dedup import HEAD_SHINGLES, _hash32, shingles, sketch

    text = " ".join(
        f"Bộ trưởng thăm nước bạn lần thứ {n}, hai bên ký kết {n * 7} văn kiện." for n in range(40)
    )
    found = sketch(text + " " + text[:300])  # repeated shingles too
    items = shingles(text + " " + text[:300])
    whole, head = MinHash(hashfunc=_hash32), MinHash(hashfunc=_hash32)
    whole.update_batch(list(set(items)))
    head.update_batch(items[:HEAD_SHINGLES])
    assert found is not None and found.size == len(set(items))
    assert np.array_equal(found.whole, whole.hashvalues) and np.array_equal(found.head, head.hashvalues)


@pytest.mark.parametrize(
    "text",
    ["", "một hai", "a b c d e", "Hà Nội, ngày 5/3 — Thủ tướng đến   Tokyo; ông nói: “xin chào”.", "x " * 40],
)
@pytest.mark.parametrize("size", [1, 2, 5])
def test_shingles_are_runs_of_lower_case_words(text: str, size: int) -> None:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    runs = [" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)]
    assert shingles(text, size) == runs


def test_bands_propose_the_candidates_of_datasketchs_lsh():
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from sukien.app.dedup import Bands, _template

    values = np.random.default_rng(7).integers(0, 2, size=(300, 128)).astype(np.uint32)  # bands collide
    template = _template(128)
    bands, lsh = Bands(0.5, 128), MinHashLSH(threshold=0.5, num_perm=128)
    for number, row in enumerate(values[:200]):
        bands.insert(str(number), row)
        lsh.insert(str(number), LeanMinHash(seed=template.seed, hashvalues=row, scheme=template.scheme))
    asked = [LeanMinHash(seed=template.seed, hashvalues=row, scheme=template.scheme) for row in values[150:]]
    found = [bands.query(row) for row in values[150:]]
    assert found == [set(lsh.query(minhash)) for minhash in asked] and any(found[60:])
