"""A minister's portfolio between his title and his name: a ministry's name that runs on past "và"
("Bộ trưởng Ngoại giao và Hợp tác Đông Phi"), and a ministry no list holds, named in words of the
sentence up to the minister's country or a foreign name."""

from __future__ import annotations

import re

from sukien.lexicon.names import NAME_RUN
from sukien.lexicon.names import vietnamese_syllable as syllable_shaped
from sukien.text.fold import fold
from sukien.understand.names import title_pattern
from sukien.understand.qualifiers import country_qualifier, qualifier_pattern

# "Bộ trưởng Ngoại giao và Hợp tác Đông Phi nước ... Tanzania X": a ministry's name runs on after "và".
PORTFOLIO_AND = re.compile(r"[ \u00a0]+và[ \u00a0]+")
PORTFOLIO_TITLE = re.compile(r"(?:Bộ trưởng|Ngoại trưởng)[ \u00a0]+\w")
NOT_PORTFOLIO_WORDS = frozenset({"và", "của", "nước", "tại", "với"})


def portfolio_rest(text: str, title: str, pos: int) -> int:
    """Where a minister's portfolio ends when it goes on after "và" in capitalised words ("và Hợp
    tác Đông Phi", "và Thương mại"), up to a qualifier, a title or a lower-case word of the
    sentence; `pos` when it does not (another title, a person, prose after "và")."""
    link = PORTFOLIO_AND.match(text, pos)
    if not PORTFOLIO_TITLE.match(title) or link is None or not text[link.end() : link.end() + 1].isupper():
        return pos
    if title_pattern().match(text, link.end()):
        return pos  # "Bộ trưởng Ngoại giao và Phu nhân": another title, another person
    end, after_capital, words = link.end(), False, 0
    for word in re.finditer(r"[^\s,.;:()]+", text[link.end() : link.end() + 80]):
        start = link.end() + word.start()
        if text[end:start].strip() or words == 5 or qualifier_pattern().match(text, start):
            break
        token = word.group(0)
        if token[0].isupper():
            after_capital = True
        elif after_capital and token not in NOT_PORTFOLIO_WORDS:
            after_capital = False
        else:
            break
        end, words = link.end() + word.end(), words + 1
    # The run must not be the name itself: a qualifier or a name follows the portfolio.
    followed = qualifier_pattern().match(text, end) or NAME_RUN.match(text, end + 1)
    if words and followed is not None:
        return end
    return closed_by_country(text, link.end(), pos)


def closed_by_country(text: str, start: int, pos: int) -> int:
    """Where a portfolio told in words of the sentence ends at its minister's country and name
    ("và Kinh tế đối ngoại Hungary Szijjarto Peter"), within `MAX_PORTFOLIO_WORDS` words with no
    punctuation; `pos` when no country and name close it ("và Thương mại cho biết Úc sẽ ...")."""
    end = start
    for words in range(MAX_PORTFOLIO_WORDS + 1):
        if words and (country := country_qualifier(text, end)) is not None:
            return end if name_follows(text, country.end()) else pos
        word = PORTFOLIO_WORD.match(text, end) if words else FIRST_WORD.match(text, end)
        if word is None or word.group(1) in NOT_PORTFOLIO_WORDS or "," in word.group(0):
            return pos
        end = word.end()
    return pos


# "Bộ trưởng Biến đổi khí hậu và Môi trường UAE Amna bint Abdullah Al Dahak", "Bộ trưởng Bộ Đầu tư,
# Thương mại và Công nghiệp Malaysia Zafrul Abdul Aziz": a ministry no list holds, named in words
# of the sentence (lower case after its first, its portfolios listed with commas) up to the
# minister's country and name. Only a bare minister's title, and only when a country and a name close the run.
BARE_MINISTER = frozenset({"Bộ trưởng"})
PORTFOLIO_WORD = re.compile(r"[ \u00a0]*,?[ \u00a0]*([^\W\d_]+)")
FIRST_WORD = re.compile(r"(\S+)")  # the portfolio's first word after "và", whatever its letters
MAX_PORTFOLIO_WORDS = 8


def portfolio_to_country(text: str, title: str, pos: int) -> int:
    """Where an unlisted portfolio after a bare "Bộ trưởng" ends: at the country qualifier that a
    name follows, within `MAX_PORTFOLIO_WORDS` words with no punctuation but commas; `pos` otherwise."""
    if title not in BARE_MINISTER or not text[pos : pos + 2].strip()[:1].isupper():
        return pos
    known = qualifier_pattern().match(text, pos)
    if known and not PORTFOLIO_AND.match(text, known.end()):
        # "Bộ trưởng Bộ Quốc phòng Nhật Bản X": a body the lists know, its own qualifier; not one whose
        # name runs on past them ("Bộ Ngoại giao và Kinh tế đối ngoại Hungary X").
        return pos
    end = pos
    for words in range(MAX_PORTFOLIO_WORDS + 1):
        if (
            words
            and (country := country_qualifier(text, end)) is not None
            and name_follows(text, country.end())
        ):
            return end
        if (
            0 < words <= MAX_FOREIGN_PORTFOLIO_WORDS
            and foreign_name_at(text, end)
            and plain_portfolio(text, pos, end)
        ):
            return end  # "Bộ trưởng Hải quân Richard Spencer": Vietnamese words, then a foreign name
        word = PORTFOLIO_WORD.match(text, end)
        if word is None or word.group(1) in NOT_PORTFOLIO_WORDS - {"và"}:
            return pos
        if not syllable_shaped(fold(word.group(1))):
            return pos  # a portfolio is told in Vietnamese words; a foreign word is the name
        end = word.end()
    return pos


# A portfolio named before a foreign name with no country between: a few words of one ministry.
MAX_FOREIGN_PORTFOLIO_WORDS = 3


def name_follows(text: str, pos: int) -> bool:
    """A name right after the space at `pos`: the minister the country before it qualifies; or another
    title of the chain after a comma ("Bộ trưởng Bộ Kế hoạch và Đầu tư Lào, Chủ tịch Ủy ban ... X")."""
    if text[pos : pos + 1] == " " and NAME_RUN.match(text, pos + 1) is not None:
        return True
    link = NEXT_TITLE_LINK.match(text, pos)
    return link is not None and title_pattern().match(text, link.end()) is not None


NEXT_TITLE_LINK = re.compile(r",[ \u00a0]+(?:kiêm[ \u00a0]+)?")


def plain_portfolio(text: str, start: int, end: int) -> bool:
    """Words of one portfolio only: no ministry named as a body ("Bộ Quốc phòng"), no second title
    or person joined by "và" or a comma ("Bộ trưởng Bộ Quốc phòng và đại tướng X")."""
    words = text[start:end].replace(",", " , ").split()
    return bool(words) and words[0] != "Bộ" and not {"và", ","} & set(words)


def foreign_name_at(text: str, pos: int) -> bool:
    """A name of two words or more right after `pos`, its first word no Vietnamese syllable."""
    run = NAME_RUN.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    if run is None or len(run.group(0).split()) < 2:
        return False
    return not syllable_shaped(fold(run.group(0).split()[0]))


# "Bộ trưởng Ngoại giao, Hội nhập khu vực và Kiều dân Cộng hòa Togo": the portfolios listed after a
# minister's first, with commas and "và", up to his country. Not a second title of the chain.
LISTED_PORTFOLIO = re.compile(r",[ \u00a0]+(?=[A-ZĐ])")


def listed_portfolios_end(text: str, title: str, pos: int) -> int:
    """Where the portfolios listed after a minister's title end, right before his country, within
    `MAX_PORTFOLIO_WORDS` Vietnamese words; `pos` when no country closes them or a title opens them."""
    link = LISTED_PORTFOLIO.match(text, pos)
    if not PORTFOLIO_TITLE.match(title) or link is None or title_pattern().match(text, link.end()):
        return pos
    end = link.end()
    for words in range(MAX_PORTFOLIO_WORDS + 1):
        if words and country_qualifier(text, end) is not None:
            return end
        word = PORTFOLIO_WORD.match(text, end) if words else FIRST_WORD.match(text, end)
        if word is None or word.group(1) in NOT_PORTFOLIO_WORDS - {"và"}:
            return pos
        if not syllable_shaped(fold(word.group(1).strip(","))):
            return pos  # a portfolio is told in Vietnamese words; a foreign word is a name
        end = word.end()
    return pos
