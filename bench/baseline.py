"""The named baseline of `bench/ingest.py`: underthesea `word_tokenize` + `ner` over articles, one core.

Each article's text is split with `sent_tokenize` and both taggers run sentence by sentence: that is
how they are meant to be used, and the faster way (`ner` on a whole article is about 5x slower).
Runs in its own process so its time and memory are its own; prints one JSON line.

    .venv/bin/python bench/baseline.py ARTICLES.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# bench/html.py would hide the standard library's html module: take this folder off the path.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402

NAME = "underthesea word_tokenize + ner (CRF), sentence by sentence"


def texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line).get("text") or "" for line in lines]


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # anything that reaches for a hub fails at once
    from underthesea import ner, sent_tokenize, word_tokenize

    articles = texts(Path(sys.argv[1]))
    ner(word_tokenize("Hà Nội")[0])  # loads the models: start-up is not per-article speed
    wall, cpu = time.perf_counter(), time.process_time()
    words = 0
    for text in articles:
        for sentence in sent_tokenize(text):
            words += len(word_tokenize(sentence))
            ner(sentence)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        "name": NAME,
        "articles": len(articles),
        "tokens": words,
        "wall_seconds": time.perf_counter() - wall,
        "cpu_seconds": time.process_time() - cpu,
        "peak_rss_mib": usage.ru_maxrss / 1024,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
