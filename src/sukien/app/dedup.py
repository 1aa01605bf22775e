"""Near-duplicates: the same story reprinted or lightly edited across outlets.

MinHash over five-word shingles with locality-sensitive hashing (datasketch): with a threshold of
0.5, copies of one story score 0.94-0.98 and different articles at most 0.03 (TOOLKIT.md). A
truncated copy (the first paragraphs of a wire story) shares few shingles with the whole and so
a low Jaccard score; a second index over each article's opening shingles finds it, and the
containment of the shorter in the longer, estimated from the two signatures, confirms it.

The ingest driver keeps one `NearDuplicateIndex` per run, built from the store, and asks it
about each new article before storing: the answer is the first copy's id or None.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sukien.settings import HEAD_SHINGLES, MIN_SHINGLES, NUM_PERM, SHINGLE_WORDS

LSH_THRESHOLD = 0.5  # Jaccard above which LSH proposes a candidate (TOOLKIT.md: copies 0.94-0.98)
SAME_STORY = 0.5  # estimated Jaccard that makes a duplicate
CONTAINED = 0.8  # share of the shorter text's shingles found in the longer one: a truncated copy
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[bytes]:
    """Overlapping runs of `size` words, lower case, punctuation and spacing ignored."""
    import numpy as np

    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    if len(words) < size:
        return []
    # Each shingle is a slice of the words joined once: a join and an encode per shingle were most
    # of a sketch's cost. Words hold no space, and no UTF-8 byte of another letter is one.
    joined = " ".join(words).encode("utf-8")
    spaces = np.flatnonzero(np.frombuffer(joined, dtype=np.uint8) == ord(" "))
    starts = [0, *(spaces[: len(spaces) - size + 1] + 1).tolist()]
    ends = [*spaces[size - 1 :].tolist(), len(joined)]
    return [joined[start:end] for start, end in zip(starts, ends, strict=True)]


def _hash32(data: bytes) -> int:
    return zlib.crc32(data)  # fast and stable across processes, unlike hash()


@dataclass
class Signature:
    whole: Any  # the MinHash values of the whole text
    size: int  # distinct shingles


@dataclass(frozen=True)
class Sketch:
    """The MinHash values of one text, whole and opening: computed where the text was processed
    (a worker, an executor), so the one process that keeps the index only compares them."""

    whole: Any  # numpy uint32 array of NUM_PERM values
    head: Any
    size: int  # distinct shingles


@cache
def _template(num_perm: int):  # noqa: ANN202 - a datasketch.MinHash
    from datasketch import MinHash

    # Permutations drawn once per process: drawing them is most of a MinHash's cost.
    return MinHash(num_perm=num_perm, hashfunc=_hash32)


def prepare(num_perm: int = NUM_PERM) -> None:
    """Load what a sketch needs (numpy, datasketch and its permutations) in this process, before it
    forks its workers: each would otherwise import them again (half a second each)."""
    _template(num_perm)


def _minhash_values(items: list[bytes], num_perm: int) -> Any:
    from datasketch import MinHash

    template = _template(num_perm)
    minhash = MinHash(num_perm, hashfunc=_hash32, permutations=template.permutations, scheme=template.scheme)
    minhash.update_batch(items)
    return minhash.hashvalues


# MurmurHash3's 32-bit finalizer, with which datasketch's "affine32" scheme mixes each hash first.
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


def _permuted(items: list[bytes], num_perm: int) -> Any:
    """Each item's hash under every permutation (rows: items), as `MinHash.update_batch` computes
    them in the affine32 scheme; None under another scheme."""
    import numpy as np

    template = _template(num_perm)
    if template.scheme != "affine32":
        return None
    hv = np.fromiter(map(zlib.crc32, items), dtype=np.uint32, count=len(items)).reshape(-1, 1)
    s1, m1, s2, m2, s3 = (np.uint32(value) for value in _FMIX32)
    hv ^= hv >> s1
    hv *= m1  # wraps modulo 2**32, as the scheme means
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = template.permutations
    # One array written in place: `hv * a + b` made two temporaries and took six times as long.
    rows = np.multiply.outer(hv.ravel(), a)
    rows += b
    return rows


def sketch(text: str, num_perm: int = NUM_PERM) -> Sketch | None:
    """The text's sketch, or None when it is too short to call a copy of anything.

    The whole and the opening come from one pass over the shingles' hashes (the least value over
    all shingles is the least over the distinct ones): a third of what two MinHash objects cost,
    the same values (tests/test_dedup.py compares them)."""
    items = shingles(text)
    distinct = set(items)
    if len(distinct) < MIN_SHINGLES:
        return None
    rows = _permuted(items, num_perm)
    if rows is None:
        whole = _minhash_values(list(distinct), num_perm)
        return Sketch(whole, _minhash_values(items[:HEAD_SHINGLES], num_perm), len(distinct))
    return Sketch(rows.min(axis=0), rows[:HEAD_SHINGLES].min(axis=0), len(distinct))


@cache
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and values per band for the threshold: datasketch's MinHashLSH choice (least weighted
    chance of false positives and negatives), so the candidates are the ones it proposed."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class Bands:
    """Locality-sensitive hashing over MinHash values: two texts are candidates when all values of
    one band are equal. What datasketch's MinHashLSH does with dict storage, without its objects
    and byte-swapped copies per band, which were a quarter of the one writing process's time."""

    def __init__(self, threshold: float, num_perm: int):
        self.bands, self.rows = _bands(threshold, num_perm)
        # Each band's texts by the band's values: one id, or a list of them once two share it (most
        # bands of most texts are their own: a list each would be most of the index's memory).
        self.tables: list[dict[bytes, str | list[str]]] = [{} for _ in range(self.bands)]

    def keys(self, values: Any) -> list[bytes]:
        import numpy as np

        raw = np.ascontiguousarray(values[: self.bands * self.rows]).tobytes()
        width = len(raw) // self.bands
        return [raw[start : start + width] for start in range(0, len(raw), width)]

    def insert(self, key: str, values: Any, bands: list[bytes] | None = None) -> None:
        for table, band in zip(self.tables, bands or self.keys(values), strict=True):
            held = table.get(band)
            if held is None:
                table[band] = key
            elif isinstance(held, str):
                table[band] = [held, key]
            else:
                held.append(key)

    def query(self, values: Any, bands: list[bytes] | None = None) -> set[str]:
        """The keys that share a band with `values` (`bands`: its band keys, when already cut)."""
        found: set[str] = set()
        for table, band in zip(self.tables, bands or self.keys(values), strict=True):
            held = table.get(band)
            if held is None:
                continue
            if isinstance(held, str):
                found.add(held)
            else:
                found.update(held)
        return found


def jaccard(a: Any, b: Any) -> float:
    """The Jaccard estimate of two MinHash value arrays: the share of equal values."""
    import numpy as np

    return float(np.count_nonzero(a == b)) / float(len(a))


class NearDuplicateIndex:
    """Articles seen in this run (and stored before it), to find the first copy of a story."""

    def __init__(self, threshold: float = LSH_THRESHOLD, num_perm: int = NUM_PERM):
        self.num_perm = num_perm
        self.whole = Bands(threshold, num_perm)
        self.heads = Bands(threshold, num_perm)
        self.signatures: dict[str, Signature] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.signatures

    def add(self, article_id: str, text: str) -> str | None:
        """The id of the first copy when `text` is a near-duplicate of an indexed article, else None.

        A duplicate is not indexed itself, so later copies also point at the first one; an id
        already indexed is the same article again, not a copy.
        """
        if article_id in self.signatures:
            return None
        return self.add_sketch(article_id, sketch(text, self.num_perm))

    def add_sketch(self, article_id: str, found: Sketch | None) -> str | None:
        """`add` for a text sketched elsewhere (None: too short to compare)."""
        if article_id in self.signatures or found is None:
            return None
        # Each text's band keys are cut once, for the query and then the insert.
        whole, head = self.whole.keys(found.whole), self.heads.keys(found.head)
        candidates = self.whole.query(found.whole, whole) | self.heads.query(found.head, head)
        original = self._first_copy(found, candidates) if candidates else None
        if original is not None:
            return original
        self.signatures[article_id] = Signature(found.whole, found.size)
        self.whole.insert(article_id, found.whole, whole)
        self.heads.insert(article_id, found.head, head)
        return None

    def _first_copy(self, found: Sketch, candidates: set[str]) -> str | None:
        matches = []
        for candidate in candidates:
            other = self.signatures[candidate]
            similarity = jaccard(found.whole, other.whole)
            if similarity >= SAME_STORY or containment(similarity, found.size, other.size) >= CONTAINED:
                matches.append((similarity, candidate))
        if not matches:
            return None
        return max(matches)[1]

    @classmethod
    def from_articles(cls, articles: Iterable[tuple[str, str, str | None]]) -> NearDuplicateIndex:
        """An index of stored articles: (id, text, duplicate_of); duplicates are left out."""
        index = cls()
        for article_id, text, duplicate_of in articles:
            if duplicate_of is None:
                index.add(article_id, text)
        return index


def first_copies(sketched: list[tuple[str, Sketch | None]]) -> list[str | None]:
    """What a new `NearDuplicateIndex` answers to `add_sketch` for each (id, sketch) in this order.

    An article that shares no band with any other of the list is never anyone's candidate and has
    none itself: its answer is None and it changes no other. Those are found for all at once, so the
    index is asked, in order, only about the few that share a band (copies and their originals)."""
    import numpy as np

    answers: list[str | None] = [None] * len(sketched)
    known = [(n, found) for n, (_id, found) in enumerate(sketched) if found is not None]
    if not known:
        return answers
    index = NearDuplicateIndex()
    bands, rows = index.whole.bands, index.whole.rows  # the index's own cut, whole texts and heads alike
    whole = np.stack([found.whole for _n, found in known])
    head = np.stack([found.head for _n, found in known])
    sharing = _sharing_a_band(whole, bands, rows) | _sharing_a_band(head, bands, rows)
    for at in np.flatnonzero(sharing).tolist():
        n = known[at][0]
        answers[n] = index.add_sketch(sketched[n][0], sketched[n][1])
    return answers


def _sharing_a_band(values: Any, bands: int, rows: int) -> Any:
    """Which rows of `values` (one text's MinHash values a row) share a band's values with another.
    Each band is hashed to 64 bits: two bands that only share a hash make an article asked of the
    index for nothing, never an answer missed."""
    import numpy as np

    cut = values[:, : bands * rows].reshape(len(values), bands, rows).astype(np.uint64)
    keys = np.broadcast_to(np.arange(bands, dtype=np.uint64), (len(values), bands)).copy()
    with np.errstate(over="ignore"):  # the hash wraps modulo 2**64, as meant
        for column in range(rows):
            keys ^= cut[:, :, column]
            keys *= np.uint64(0x9E3779B97F4A7C15)  # the golden ratio's odd multiplier
    _, inverse, counts = np.unique(keys.ravel(), return_inverse=True, return_counts=True)
    return (counts[inverse.ravel()] > 1).reshape(len(values), bands).any(axis=1)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """|A ∩ B| / min(|A|, |B|), from the Jaccard estimate and the two set sizes."""
    if jaccard <= 0:
        return 0.0
    intersection = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, intersection / max(1, min(size_a, size_b)))


def index_of_store(store) -> NearDuplicateIndex:  # noqa: ANN001 - any `sukien.store.Store`
    """The index of everything a store holds, first copies only, in the order they were stored."""
    from sukien.store import Filters

    return NearDuplicateIndex.from_articles((a.id, a.text, a.duplicate_of) for a in store.articles(Filters()))


class StoreIndex:
    """`index_of_store`, built when first asked: a run whose inputs are all stored already (a
    re-ingest) never reads and sketches every stored article."""

    def __init__(self, store) -> None:  # noqa: ANN001 - any `sukien.store.Store`
        self.store = store
        self._index: NearDuplicateIndex | None = None

    @property
    def index(self) -> NearDuplicateIndex:
        if self._index is None:
            self._index = index_of_store(self.store)
        return self._index

    def add(self, article_id: str, text: str) -> str | None:
        return self.index.add(article_id, text)

    def add_sketch(self, article_id: str, found: Sketch | None) -> str | None:
        return self.index.add_sketch(article_id, found)
