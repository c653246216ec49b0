"""What a guard reads: a clause's folded text with the words that belong to names blanked,
and the one search for a forecast word over it.

A forecast, plan or hedge guard looks for a cue word ("会", "原定", "will", "may") in a
clause. Such a word is the clause's own only when it is not part of a name: "促进会" and
"福利會" are bodies, not "will"; "May 2024" is a date; "说明会" is a gathering; "原定明年拆除的
旧桥" names a bridge by what was planned for it. Every guard reads the clause through
`unnamed` (once the actors are known) or `unnamed_text` (before: the sentences handed to the
recogniser), so a name is blanked in one place rather than in each guard. Plain Python.
"""

import re

from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.named_things import BODY_BEFORE_PAST
from timeline.pipeline.triggers import FORECAST
from timeline.pipeline.wordlists import word_list

# A gathering named by its purpose: "说明会", "记者会", "座谈会" (its 会 is a meeting, not
# "will"). Kept as data in vocabulary/zh_gatherings.txt.
_GATHERING = re.compile(
    "(?:" + "|".join(sorted(word_list("zh_gatherings.txt"), key=len, reverse=True)) + ")会"
)
# A forecast or a plan inside a phrase ending in 的 that describes a noun: "即将关闭的(门店)",
# "即将于明年拆除的", "原定下月开幕的(音乐节)": it names the thing; the clause's verb is told
# of it after. (A bare 计划 before 的 is left alone: "计划推出一款新的产品" is a plan.)
_ZH_FORECAST_ATTRIBUTE = re.compile(
    r"(?:即将|将要|原定|原计划|原本计划|预定)[^，,。；;：:的]{1,10}的"
)
# A plan named in title marks is a thing launched or run, not an intention: "推出「全城降温」
# 计划", "启动《乡村振兴》计划".
# A plan that ends its noun phrase is likewise a thing ("推出旧区活化计划。"), where a plan
# followed by what is to be done is an intention ("计划明年推出…").
_ZH_NAMED_PLAN = re.compile(
    r"(?<=[」』》”])计划|(?<=[\u3400-\u9fff]{2})计划(?=[，,。；;、）)」”]|$)"
)


# Talks that were held or broke down are a meeting, not "in talks": "昨日重启谈判",
# "上周展开洽谈", "谈判破裂".
_TALKS_HELD = re.compile(
    r"(?<=重启|展开|举行|开始|进行|恢复|启动|结束|中止|暂停|召开)(?:谈判|洽谈|商谈)"
    r"|(?:谈判|洽谈|商谈)(?=破裂|失败|中断|告吹|结束)"
)


# English cue words used as nouns of a past happening: a body's own forecast that it cut or
# raised ("cut its growth forecast"), negotiations held or broken off ("resumed
# negotiations", "negotiations collapsed"). "Is negotiating", "in negotiations" and "X
# forecasts…" stay cues.
_EN_CUE_NOUNS = re.compile(
    r"\b(?:its|their|his|her|our)\s+(?:[a-z-]+\s+){0,2}forecasts?\b"
    r"|\b(?:resumed|reopened|began|opened|started|restarted|ended|concluded|suspended|held"
    r"|broke off|walked out of|pulled out of)\s+(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+)?"
    r"negotiations\b"
    r"|\bnegotiations\b(?=(?:\s+[a-z\0',-]+){0,6}?\s+(?:collapsed|broke down|ended|stalled"
    r"|resumed|began|failed|opened|started)\b)"
)


# ", a change executives say will…", ", which is expected to…": an English comment on the
# happening told before it, whose outlook or guess does not make the happening one.
COMMENT = re.compile(r", (?:a|an|which)\b")


def _blank(match: re.Match[str]) -> str:
    return "\0" * len(match.group())


def without_gatherings(folded: str) -> str:
    """`folded` with each gathering's name ("说明会"), each 会 ending a body's name before a
    past time ("福利会昨日"), talks held ("重启谈判", "resumed negotiations"), a body's own
    forecast ("cut its forecast"), each forecast or plan that only describes a noun ("在即将
    关闭的门店…") and each plan named in title marks ("「全城降温」计划") blanked, keeping
    its length: none is the clause's "will" or plan."""
    folded = _ZH_NAMED_PLAN.sub(_blank, folded)
    folded = BODY_BEFORE_PAST.sub(_blank, folded)
    folded = _TALKS_HELD.sub(_blank, folded)
    folded = _EN_CUE_NOUNS.sub(_blank, folded)
    return _ZH_FORECAST_ATTRIBUTE.sub(_blank, _GATHERING.sub(_blank, folded))


def strip_forecast_attributes(folded: str) -> str:
    """`folded` without the forecasts and plans that only describe a noun."""
    return _ZH_FORECAST_ATTRIBUTE.sub("", folded)


def unnamed_text(folded: str, names=()) -> str:
    """`folded` (a stretch of an article's folded text) with the given (start, end) spans,
    relative to it, blanked, then the name rules of `without_gatherings` applied: what a
    guard reads before the recogniser has named the actors."""
    if names:
        chars = list(folded)
        for start, end in names:
            for position in range(max(0, start), min(len(chars), end)):
                chars[position] = "\0"
        folded = "".join(chars)
    return without_gatherings(folded)


def unnamed(context, start: int, end: int) -> str:
    """The folded span with its date expressions, actor names and gatherings blanked: "May
    2024" is no "may", "Will Harrow" no "will", and neither "金管会" nor "说明会" a "会"."""
    spans = [
        (mention.char_start - start, mention.char_end - start)
        for mention in [*context.dates_in(start, end), *context.actors_in(start, end)]
    ]
    return unnamed_text(context.folded[start:end], spans)


def forecast_cue(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first forecast word of `text` (read through `unnamed`), or None; a lone 会
    counts only where the tagger reads it as the verb "will": in "会见", "促进会", "国艺会"
    it is a meeting or a body's name."""
    end = len(text) if end is None else end
    for cue in FORECAST.finditer(text, start, end):
        if cue.group() not in {"会", "會"} or will_at(text, cue.start()):
            return cue
    return None


def forecasts(text: str) -> bool:
    """Whether `text` (read through `unnamed`) holds a forecast word of its own."""
    return forecast_cue(text) is not None


def will_at(text: str, position: int) -> bool:
    """Whether the 会 at `position` is a word of its own tagged as a verb, with no body's
    name ending right before it ("国艺|会", "马会")."""
    offset = 0
    previous = ("", "")
    for word, tag in chinese_words(text.replace("\0", "，")):
        if offset == position:
            return len(word) == 1 and tag == "v" and previous[1] not in {"ORG", "nt", "nz"}
        if offset > position:
            return False
        offset += len(word)
        previous = (word, tag)
    return False
