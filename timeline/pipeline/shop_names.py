"""Chinese names of shops, stalls and workshops marked by 記 or 號: "陳記餅家", "鄧記紮作",
"新南記霓虹燈", "恒昌號醬園", "同昌號". News from Hong Kong, Taiwan and Guangdong names old
shops by a surname or a lucky word and 記 ("Chan's"), or a trade name and 號 ("firm"), often
with the trade's noun after the mark; the tagger reads such names as a person ("鄧記"), a
verb ("陳記餅") or a place and a noun ("同昌/號").

A name is the distinctive part (a surname before 記; two characters before 號, or one to
three before 記), standing first in its clause, in quotation marks, after 的 or after a
shop's descriptor ("老字號", "老店"), then the mark, then the trade's nouns the tagger reads
after it ("餅家", "霓虹燈"), if any. 號 names a shop only with such a noun after it or a shop's
descriptor before it; "記者", "記錄" and the like are words, not marks.

Plain Python on the article's simplified copy (same offsets as the source); the caller turns
the (start, end) pairs into names.
"""

import re
from collections.abc import Callable, Iterable, Sequence

from timeline.pipeline.actors import NAME_STOP, SURNAMES
from timeline.pipeline.nouns import TITLE_AT_END
from timeline.pipeline.wordlists import word_list

Tagger = Callable[[str], Sequence[tuple[str, str]]]

# A shop's mark and the character after it that makes it a word instead: "记者", "记录",
# "记得", "号召", "号称".
_MARK = re.compile(r"[记号](?![者录载得忆账住下入述性挂召称令])")
# What may stand right before a shop's name: a mark, a quotation mark, 的, or the end of a
# shop's descriptor (老字号, 老店, 老铺, 小店, 商号).
_OPENS = '，。；：！？、\n,;:!?】「『“"（(的 '
_DESCRIPTOR_BEFORE = re.compile(r"(?:老字号|百年老店|老店|老铺|小店|店铺|商号|食肆)$")
_HAN = re.compile(r"[\u3400-\u9fff]")
# The rest of a quoted shop's name after its mark, to the closing quotation mark.
_CLOSING = re.compile(r"[\u3400-\u9fff]{0,4}[」』”\"]")
# The trade's nouns after the mark: how many characters at most, and the tagger's classes.
_TRADE_REACH = 5
_TRADE_TAGS = frozenset({"n", "nz", "nw"})
_PEOPLE = word_list("zh_people_nouns.txt")
_MARK_WORDS = word_list("zh_mark_words.txt")
# The last characters of words for people ("传人", "店主", "老板", "师傅", "老板娘").
_PERSON_ENDS = tuple("人主长员工师傅娘板哥姐伯叔")
# Words a distinctive part never holds: numerals (a number, a date, a rank) and places' ends.
_NOT_DISTINCTIVE = re.compile(r"[0-9一二三四五六七八九十百千万两几第多每各该本这那此其某年月日周]")


def shop_names(simple: str, spans: Iterable[tuple[int, int]], tag: Tagger) -> list[tuple[int, int]]:
    """(start, end) of each shop's name marked by 记 or 号 in the given stretches of
    `simple`, with the trade's nouns after the mark when the tagger reads some."""
    found: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        for match in _MARK.finditer(simple, span_start, span_end):
            mark = match.group()
            start = _distinctive_start(simple, span_start, match.start(), mark)
            if start is None:
                continue
            quoted = start > 0 and simple[start - 1] in '「『“"'
            closing = _CLOSING.match(simple, match.end(), span_end) if quoted else None
            if closing is not None:
                end = closing.end() - 1  # "「鄧記紮作」": the quotation marks bound the name
            else:
                end = match.end() + _trade_length(simple, match.end(), span_end, tag)
            described = _DESCRIPTOR_BEFORE.search(simple, max(span_start, start - 4), start)
            if mark == "号" and end == match.end() and not (described or quoted):
                continue  # "同昌号" alone is a shop only where a shop's word says so
            if simple[match.start() - 1 : match.end()] in _MARK_WORDS:
                continue  # "(老)字号", "(商号)登记", "史记": a word of the language, not a mark
            found.append((start, end))
    return found


def _distinctive_start(simple: str, floor: int, mark_at: int, mark: str) -> int | None:
    """Where the distinctive part before the mark at `mark_at` starts: one surname before
    记 or two or three characters before either mark, opening at a boundary (`_OPENS`, a
    shop's descriptor, the stretch's start). None when no such start is found."""
    lengths = (1, 2, 3) if mark == "记" else (2, 3)
    for length in lengths:
        start = mark_at - length
        if start < floor:
            return None
        part = simple[start:mark_at]
        if not all(_HAN.match(char) for char in part) or _NOT_DISTINCTIVE.search(part):
            return None
        if any(char in NAME_STOP for char in part):
            return None
        if length == 1 and part not in SURNAMES:
            continue
        if start == floor or simple[start - 1] in _OPENS:
            return start
        if _DESCRIPTOR_BEFORE.search(simple, max(floor, start - 4), start):
            return start
    return None


def _trade_length(simple: str, at: int, end: int, tag: Tagger) -> int:
    """How many characters of the trade's nouns follow a shop's mark at `at` ("饼家",
    "霓虹灯", "烧腊"): the tagger's nouns, up to a time, a verb, a mark or another class,
    and no person's word ("(陈记)老板", "(陈记)第三代传人")."""
    run = re.match(r"[\u3400-\u9fff]{1,8}", simple[at:end])
    if run is None:
        return 0
    length = 0
    for word, word_tag in tag(run.group()):
        if word_tag not in _TRADE_TAGS or length + len(word) > _TRADE_REACH:
            break
        if word in _PEOPLE or TITLE_AT_END.search(word) or word.endswith(_PERSON_ENDS):
            break
        length += len(word)
    return length
