"""Actor discovery: names of companies, people, regulators and products that no gazetteer
lists, found in an article so that its claims can link them like gazetteer actors.

Chinese names come from a statistical recogniser combined with rules; English names from
proper-noun rules alone (no model is downloaded or loaded for English). The recogniser is
hidden behind `_ChineseTagger`, so another library can replace it without touching callers.

This module puts the readers together: `recognise` runs the Chinese tagger's and rules'
readers (`chinese_names`) and the English ones (`english_names`) over an article, and
trims the spans they return (appositions, descriptors, a province before its city, a
leading verb, a glued character); `discover` groups the names found with their short forms
and proposes them.

Plain Python: the gazetteer is passed in as a matcher; the database is never read here.
"""

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence

from timeline.pipeline.actors import (
    COMPOUND_SURNAMES,
    REVIEW_DISCOVERED,
    REVIEW_REJECTED,
    ActorEntry,
    ActorMatcher,
    CandidateName,
    alias_key,
    find_candidates,
)
from timeline.pipeline.chinese_names import (
    ACRONYMS,
    ADMINISTRATIVE,
    BODY_END,
    GROUP_HOME,
    INDUSTRY,
    INVESTOR,
    NOT_ACTORS,
    NOT_SUBJECT_START,
    REGULATOR,
    VERB_START,
    chinese_groups,
    chinese_things,
    dated_subjects,
    founded_companies,
    names_a_work,
    organisations_by_context,
    related_companies,
    surnamed_people,
    tagged_names,
    title_names,
    titled_people,
    titled_works,
    traded_companies,
    whole_names,
)
from timeline.pipeline.chinese_tagger import (
    SIMPLIFY,
    chinese_words,
    simplified_script,
)
from timeline.pipeline.english_names import (
    BODY_WORDS,
    COMMON_SINGLE,
    COMPANY_WORDS,
    DEMONYM,
    DIGIT,
    INSTITUTION_WORDS,
    NOT_NAMES,
    PERSON_WORD,
    VESSEL_PREFIXES,
    acronym_of,
    english_groups,
    proper_noun_names,
)
from timeline.pipeline.han import HAN_CHARACTER, HAN_RUN
from timeline.pipeline.named_things import BODY_ENDINGS, VERBS_BEFORE_BODIES
from timeline.pipeline.named_things import ENDINGS as THING_ENDINGS
from timeline.pipeline.nouns import (
    DESCRIPTOR_RUN,
    TITLE_AT_END,
    TITLES,
    category_noun,
    category_pattern,
)
from timeline.pipeline.recognised import (
    Recognised,
    SpanSet,
    count_of,
)
from timeline.pipeline.whole_names import (
    BRANCH_AT_END,
)

__all__ = ["discover", "recognise", "slug_for"]


def _within_a_date(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], name: Recognised
) -> bool:
    """Whether the name lies wholly inside one of the (sorted) date spans."""
    index = bisect_left(starts, name.char_start + 1) - 1
    return index >= 0 and spans[index][1] >= name.char_end


def _before_a_date(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], name: Recognised
) -> Recognised | None:
    """The Chinese name cut where a date starts inside it: "黃金旺|昨(17)日", "王大明|今(5)日"
    (the tagger runs a day's first character into the name before it). None when fewer than
    two characters are left."""
    index = bisect_left(starts, name.char_end) - 1
    if index < 0 or not HAN_CHARACTER.match(name.text):
        return name
    date_start = spans[index][0]
    if not name.char_start < date_start < name.char_end:
        return name
    if date_start - name.char_start < 2:
        return None
    size = date_start - name.char_start
    return Recognised(name.text[:size], name.char_start, date_start, name.kind)


def recognise(
    text: str,
    language: str,
    spans: Sequence[tuple[int, int]],
    matcher: ActorMatcher,
    *,
    tag_spans: Sequence[tuple[int, int]] | None = None,
    dates: Sequence[tuple[int, int]] = (),
    candidates: Sequence[CandidateName] | None = None,
    title: str = "",
) -> list[Recognised]:
    """Names in `spans` of `text` that the matcher does not know, in text order.

    `tag_spans` are the stretches the statistical recogniser reads (default: `spans`); the
    rules read all of `spans`. A name the matcher links is left to the matcher.
    """
    found: list[Recognised] = []
    # English names come from the proper-noun rules alone; the gazetteer's candidate rules
    # read Chinese (and the Latin names written inside it).
    if candidates is None and language != "en":
        candidates = [
            candidate
            for start, end in spans
            for candidate in find_candidates(text[start:end], matcher, offset=start)
        ]
    for candidate in candidates if language != "en" else ():
        kind = candidate.kind
        if kind == "organization" and re.search(
            r"(?:公司|集团|银行|股份|控股|汽车|科技)$", candidate.text
        ):
            kind = "investor" if INVESTOR.search(candidate.text) else "company"
        found.append(Recognised(candidate.text, candidate.char_start, candidate.char_end, kind))
    if language == "en":
        found.extend(proper_noun_names(text, spans))
        found.extend(english_groups(text, spans, found))
    else:
        found.extend(tagged_names(text, tag_spans if tag_spans is not None else spans))
        found.extend(titled_works(text))
        found.extend(dated_subjects(text, spans, dates))
        found.extend(organisations_by_context(text, spans))
        found.extend(titled_people(text, spans))
        found.extend(traded_companies(text, spans))
        found.extend(chinese_groups(text, spans))
        found.extend(surnamed_people(text, spans))
        found.extend(founded_companies(text, spans))
        found.extend(related_companies(text, spans))
        found.extend(title_names(text, spans, title))
        things = chinese_things(text, spans) + whole_names(text, spans, tag_spans)
        found.extend(things)
        # "餐饮业雇员|协会": a tagger's name cut short of a body's ending, at the body's
        # start and never written alone, is the body's.
        longer = {thing.char_start: thing for thing in things}
        found = [
            name
            for name in found
            if name.char_start not in longer
            or name.char_end >= longer[name.char_start].char_end
            or count_of(text, name.text) > count_of(text, longer[name.char_start].text)
        ]
    found = [part for name in found for part in _apposed(text, name)]
    known = SpanSet([(m.char_start, m.char_end) for m in matcher.find(text)])
    date_spans = sorted(dates)
    date_starts = [start for start, _end in date_spans]
    kept = []
    simple_text = simplified_script(text)
    # Where each found Chinese name ends, and its earliest start there.
    ends: dict[int, int] = {}
    for name in found:
        if HAN_CHARACTER.match(name.text):
            ends[name.char_end] = min(ends.get(name.char_end, name.char_start), name.char_start)
    for name in sorted(found, key=lambda n: (n.char_start, -(n.char_end - n.char_start))):
        if alias_key(name.text) in matcher.keys or name.text.upper() in ACRONYMS:
            continue
        if ends.get(name.char_end, name.char_start) < name.char_start:
            continue  # "(华晟地)产控股有限公司": the tail of a name found in full
        if re.fullmatch(r"[a-z]{1,2}|[A-Za-z]", name.text):
            continue  # "to c": a lower-case pair or a letter names nothing on its own
        if known.overlaps(name.char_start, name.char_end):
            continue
        if _within_a_date(date_spans, date_starts, name):
            continue  # "教练上月带队…": a date after a title is no person's name
        name = _before_a_date(date_spans, date_starts, name)
        if name is None:
            continue
        if _INDEFINITE.search(text, max(0, name.char_start - 4), name.char_start):
            # "一家香港虚拟银行", "a Shenzhen chipmaker": a kind of company, not a name.
            continue
        name = _without_self(_without_descriptor(text, _without_glued_char(text, name)))
        name = _without_province(text, _without_leading_verb(text, name))
        if (
            name.kind in {"organization", "lab"}
            and text[max(0, name.char_start - 2) : name.char_start] in {"国家", "國家"}
            and not known.overlaps(name.char_start - 2, name.char_start)
        ):
            # "国家|禽流感参考实验室": a national body's name starts with 国家.
            name = Recognised(
                text[name.char_start - 2 : name.char_end],
                name.char_start - 2,
                name.char_end,
                name.kind,
            )
        piece = DESCRIPTOR_RUN.match(simple_text, name.char_start)
        if piece and piece.end() > name.char_end:
            continue  # "营运(商)": the start of a descriptor, not a name
        simple = name.text.translate(SIMPLIFY)
        opening = _OPENING_CATEGORY.match(simple)
        if (
            category_noun(simple)
            or _LEADING_CATEGORY.match(simple)
            or (opening and simple[opening.end()] in VERB_START | NOT_SUBJECT_START)
        ):
            # "基金会", "该集团": a kind of actor, which refers to one named before; "大学医学
            # 院" is a part of the one "大学" refers to.
            continue
        if simple in TITLES:
            continue  # "马主": a post, which a tagger may take for a person
        if _COUNTED_NAME.match(simple):
            continue  # "一项国际大学(排名)": a count of things, not a name
        if simple[0] in "年月日号" and DIGIT.match(text, max(0, name.char_start - 1)):
            continue  # "(2018)年出任研究院": a date's end and a verb, not a name
        if re.match(r"[一二三四五六七八九十两]+[期代批轮届]", simple):
            continue  # "二期", "三代": a phase or a generation
        if _TRADE_END.search(simple) and len(simple) > 2:
            continue  # "台中玩具制造商": what a company does, written before its name
        if _WORK_DONE.search(simple) or (
            name.kind in {"organization", "company"}
            and HAN_RUN.fullmatch(simple)
            and names_a_work(chinese_words(simple))
        ):
            continue  # "修复工程", "救援团队": a piece of work or a team of an actor, not one
        if name.kind == "company" and BODY_END.search(simple):
            # "中央气象署", "县府": a public body, whichever rule found it.
            name = Recognised(name.text, name.char_start, name.char_end, "organization")
        if _CLAUSE_INSIDE.search(name.text.translate(SIMPLIFY), 1) or _AFFILIATION.search(
            name.text.translate(SIMPLIFY)
        ):
            continue
        near = text[max(0, name.char_start - 12) : name.char_end + 12]
        if name.kind == "product" and (
            _MODEL_AFTER.match(text, name.char_end) or _MODEL_NEAR.search(near)
        ):
            name = Recognised(name.text, name.char_start, name.char_end, "model")
        kept.append(name)
    return kept


# "星海乐园运营方星海文旅集团", "大桥承建方华建路桥": an owner or an operator named right
# after what it runs, with the word for its part between them.
_APPOSITION = re.compile(
    r"(?:运营方|运营商|经营方|管理方|主办方|承办方|承建方|建设方|开发商|母公司|控股股东|所属公司)"
)


def _apposed(text: str, name: Recognised) -> list[Recognised]:
    """A name that holds an apposition ("X运营方Y") as its two names, else itself."""
    simple = name.text.translate(SIMPLIFY)
    match = _APPOSITION.search(simple, 2)
    if match is None or len(simple) - match.end() < 2 or not HAN_CHARACTER.match(simple):
        return [name]
    left_end = name.char_start + match.start()
    right_start = name.char_start + match.end()
    owner_kind = name.kind if name.kind != "organization" else "company"
    return [
        Recognised(text[name.char_start : left_end], name.char_start, left_end, name.kind),
        Recognised(text[right_start : name.char_end], right_start, name.char_end, owner_kind),
    ]


_DESCRIPTOR = re.compile(r"(?:初创公司|公司|企业|平台|机构|巨头|厂商|品牌|集团旗下|旗下)")
# How far before a name a descriptor may start and still run into it ("发行商|光年影业").
_DESCRIPTOR_REACH = 4


def _without_descriptor(text: str, name: Recognised) -> Recognised:
    """ "北京大模型初创公司星衍智能", "玩具大厂奇趣国际", "集团前总经理李振华", "发行商|光年影业":
    the name after the words that describe it (trade words and titles, as data in
    `vocabulary/descriptors.tsv`), also when the descriptor starts before the span found.
    After a title, a short name is a person's; a title after a person's name ("麦咏诗教授")
    is cut off too."""
    if not HAN_CHARACTER.match(name.text):
        return name
    lead = max(0, name.char_start - _DESCRIPTOR_REACH)
    simple = text[lead : name.char_end].translate(SIMPLIFY)
    offset = name.char_start - lead
    cut, titled = None, False
    for pattern in (_DESCRIPTOR, DESCRIPTOR_RUN):
        for match in pattern.finditer(simple):
            remainder = simple[match.end() :]
            if match.end() <= offset or len(remainder) < 2 or category_noun(remainder):
                continue
            if remainder in THING_ENDINGS:
                continue  # "市长办公室": a post's office, named after the post
            if remainder[0] in VERB_START or remainder[0] in NOT_SUBJECT_START:
                continue  # "集团|预计…": what follows is a clause, not a name
            if cut is None or match.end() > cut:
                cut = match.end()
                titled = (
                    pattern is DESCRIPTOR_RUN and TITLE_AT_END.search(match.group()) is not None
                )
    kind = name.kind
    if cut is not None:
        start = lead + cut
        name = Recognised(text[start : name.char_end], start, name.char_end, kind)
    simple = name.text.translate(SIMPLIFY)
    trailing = TITLE_AT_END.search(simple)
    if trailing and re.search(rf"{GROUP_HOME}(?:前线|一线)?$", simple[: trailing.start()]):
        trailing = None  # "公立医院医生": the doctors of a hospital, a group
    if trailing and trailing.start() >= 2 and HAN_RUN.fullmatch(simple[: trailing.start()]):
        end = name.char_start + trailing.start()
        name = Recognised(text[name.char_start : end], name.char_start, end, kind)
        titled = titled or name.kind == "person" or len(name.text) <= 4
    if titled and HAN_RUN.fullmatch(name.text) and 2 <= len(name.text) <= 4:
        # "现任校长邓国梁", "理事长巴特尔": a short name after a post is a person's.
        name = Recognised(name.text, name.char_start, name.char_end, "person")
    return name


# "王志强本人在2023年指出": the person, not the emphasis after the name.
_SELF = re.compile(r"(?:本人|自己|本身)$")


def _without_self(name: Recognised) -> Recognised:
    match = _SELF.search(name.text)
    if match is None or match.start() < 2:
        return name
    return Recognised(
        name.text[: match.start()], name.char_start, name.char_start + match.start(), name.kind
    )


# A tagger's span that holds a deal between two names ("华越收购星海科技") is a clause, not a
# name; one ending in 系 ("清华系", "北大系机器人公司") says where a company comes from.
_CLAUSE_INSIDE = re.compile(
    r"收购|并购|出售|入股|控股了|宣布|否认|起诉|设立|冒充|涉嫌|假冒|诈骗|指挥"
)
_AFFILIATION = re.compile(r"系(?![统列数])")

_GLUED = frozenset("与和及在于的处对向把被将已也并就还从")

_VERB_BEFORE_BODY = re.compile(f"(?:{VERBS_BEFORE_BODIES})")
# "遭|交通部公路局", "被|法院": the mark of a passive's agent, run into the agent's name.
_AGENT_MARK = re.compile(r"(?:遭到|遭|被|经由|获)(?=[\u3400-\u9fff]{3})")


# A province written before a city's or a county's body is where the body is, not part of
# its name: "广东|清溪市政府", "四川省|雅河县自然资源局".
_PROVINCE_BEFORE_CITY = re.compile(
    r"(?:广东|广西|四川|浙江|江苏|福建|湖南|湖北|河南|河北|山东|山西|陕西|甘肃|云南|贵州|江西|安徽"
    r"|辽宁|吉林|黑龙江|内蒙古|新疆|西藏|宁夏|青海|海南)省?"
    r"(?=[\u3400-\u9fff]{1,4}?[市县](?:人民)?(?:政府|[\u3400-\u9fff]{0,8}?(?:局|委员会|委|办公室)$))"
)


def _without_province(text: str, name: Recognised) -> Recognised:
    if name.kind not in {"organization", "company"}:
        return name
    province = _PROVINCE_BEFORE_CITY.match(name.text.translate(SIMPLIFY))
    if province is None:
        return name
    start = name.char_start + province.end()
    return Recognised(text[start : name.char_end], start, name.char_end, "organization")


def _without_leading_verb(text: str, name: Recognised) -> Recognised:
    """ "抗議|醫院管理局", "起诉|市场监管局": a verb a tagger ran into the public body that
    is its object. A leading verb is never part of a body's name; the body's name left
    must be a name of its own (three characters or more, a body's ending)."""
    if name.kind not in {"organization", "company"} or not HAN_CHARACTER.match(name.text):
        return name
    simple = name.text.translate(SIMPLIFY)
    verb = _VERB_BEFORE_BODY.match(simple) or _AGENT_MARK.match(simple)
    if verb is None:
        return name
    rest = simple[verb.end() :]
    if len(rest) < 3 or not (BODY_END.search(rest) or REGULATOR.search(rest)):
        return name
    start = name.char_start + verb.end()
    return Recognised(text[start : name.char_end], start, name.char_end, "organization")


def _without_glued_char(text: str, name: Recognised) -> Recognised:
    """ "百度与", "华讯通信处(以)": a function character a tagger ran into the name, cut
    off when the name without it is written elsewhere in the article."""
    if len(name.text) < 3 or name.text[-1] not in _GLUED:
        return name
    shorter = name.text[:-1]
    if name.text[-1] in "处處" and text[name.char_end : name.char_end + 1] not in _CHU_VERB:
        return name  # "消防处(昨日)": an office's ending; "(处)以罚款" is a verb
    if count_of(text, shorter) > count_of(text, name.text) or name.text[-1] in "与和及的":
        return Recognised(shorter, name.char_start, name.char_end - 1, name.kind)
    return name


# What follows 处 when it starts a verb ("处以", "处理", "处罚") rather than ends an office.
_CHU_VERB = frozenset("以理置罚罰分")


# "大学医学院", "集团董事会": a unit of the actor a category noun refers to.
_LEADING_CATEGORY = re.compile(
    rf"(?:{category_pattern()})[\u3400-\u9fff]{{0,4}}?"
    r"(?:学院|研究院|研究所|实验室|校区|分校|分行|支行|分公司|子公司|董事会|校董会|附属医院|工会)$"
)
_OPENING_CATEGORY = re.compile(rf"(?:{category_pattern()})(?=.)")
_TRADE_END = re.compile(r"(?:制造|供应|经销|开发|运营|零售|批发|服务|出版|贸易|代理|承包|建)商$")
_WORK_DONE = re.compile(r"(?:工程|项目|计划|团队|小组|工作|活动|行动)$")
_COUNTED_NAME = re.compile(r"[一两几多某数每][个個家所间間项項位名座款只隻条條]")
_INDEFINITE = re.compile(r"(?:一家|一間|一间|某家?|多家|数家|數家|几家|幾家|一所|一个|一個)$")
_MODEL_NEAR = re.compile(r"模型|\bmodels?\b|\bLLM\b", re.IGNORECASE)
_MODEL_AFTER = re.compile(r"[\s\d.-]*(?:大?模型|model\b|language model|LLM)", re.IGNORECASE)


# Legal and generic endings whose removal leaves the name a company goes by.
# A part of an institution after the institution's name: "图书馆|新总馆", "医院|新院区".
_PART_AFTER_INSTITUTION = re.compile(
    r"(?:馆|院|大学|学校|中心|公司|集团|电站|机场)(?P<part>[新旧总东西南北主分]{1,2}"
    r"(?:馆|院区|院|校区|楼|厂|站|航站楼|大楼))$"
)
_HAN_SUFFIX = re.compile(
    r"(?:(?:股份|控股)?有限(?:责任)?公司|(?:股份|控股|集团)公司|集团|公司|控股)$"
)
_LATIN_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|LLC|PLC|plc|AG|SA|NV|"
    r"Group|Holdings|Holding)$"
)


def _short_forms(name: str, kind: str, text: str) -> list[str]:
    """Shorter forms of `name` the article also uses alone ("比亚迪" for 比亚迪股份有限公司,
    "Kestrel" for Kestrel Semiconductor, "Whitfield" for Dana Whitfield)."""
    forms: list[str] = []
    if HAN_CHARACTER.search(name):
        stem = _HAN_SUFFIX.sub("", name)
        if stem != name and len(stem) >= 2:
            forms.append(stem)
        part = _PART_AFTER_INSTITUTION.search(name.translate(SIMPLIFY))
        if part and _alone(text, name[part.start("part") :], name):
            # "台中市立图书馆新总馆" → "新总馆": a part of an institution, named alone.
            forms.append(name[part.start("part") :])
        forms += _after_its_place(name, text)
        if kind in {"company", "investor"}:
            # "宝川钢铁" → "宝川", when the article writes 宝川 on its own.
            simple = stem.translate(SIMPLIFY)
            tail = re.search(rf"{INDUSTRY}+$", simple)
            core = stem[: tail.start()] if tail else stem
            if core != stem and len(core) >= 2 and _alone(text, core, stem):
                forms.append(core)
            head = stem[:2]
            if (
                core == stem
                and len(stem) >= 4
                and HAN_RUN.fullmatch(stem)
                and head not in NOT_ACTORS
                and head[0] not in NOT_SUBJECT_START
                # "汉江" of 汉江纸业 is the river the article keeps writing of.
                and head.translate(SIMPLIFY)[-1] not in _NATURAL_PLACE_END
                and count_of(text, head) - count_of(text, stem) >= 2
            ):
                # "零一" for 零一万物, "字节" for 字节跳动: a short name written again and again.
                forms.append(head)
        return forms
    stem = _LATIN_SUFFIX.sub("", name)
    if stem != name and stem:
        forms.append(stem)
    words = stem.split()
    if kind == "person" and len(words) >= 2:
        if _alone(text, words[-1], name):
            forms.append(words[-1])
    elif len(words) >= 2 and kind != "person" and words[1] != "and":
        # "Food" of "Food and Drug Administration" is a word, not the agency's short name.
        head = words[0]
        if (
            len(head) >= 3
            and head not in COMMON_SINGLE
            and head not in NOT_NAMES
            # "Serbian", "Danish", "Maltese": a nationality opening a body's name is the
            # adjective the article also writes before other nouns, not its short name.
            and not DEMONYM.search(head)
            # "Solar" of "Solar Installers Alliance" where the text writes "solar panels":
            # a word the article also writes in lower case is a common word, not a name.
            and not (
                head[:1].isupper()
                and re.search(rf"(?<![\w-]){re.escape(head.lower())}(?![\w-])", text)
            )
            and _alone(text, head, name)
        ):
            forms.append(head)
    return forms


def _person_by_usage(text: str, name: str) -> bool:
    """ "Rosa Delgado-Finch … Delgado-Finch, 38, is…", "Berg said…", "Ms Quinn": a two- or
    three-word name whose surname the article writes alone with an age, a verb of saying,
    a "who" or a courtesy title is a person's."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(PERSON_WORD.fullmatch(w) for w in words):
        return False
    if any(
        word in INSTITUTION_WORDS or word in COMPANY_WORDS or word in BODY_WORDS for word in words
    ):
        return False
    surname = words[-1]
    # Read only where the surname stands, not the whole text with one pattern per name.
    position = text.find(surname)
    while position >= 0:
        after = position + len(surname)
        whole = (position == 0 or not text[position - 1].isalnum()) and (
            after == len(text) or not text[after].isalnum()
        )
        if whole and (
            _PERSON_AFTER.match(text, after)
            or _COURTESY_BEFORE.search(text, max(0, position - 5), position)
        ):
            return True
        position = text.find(surname, after)
    return False


_PERSON_AFTER = re.compile(
    r",\s\d{1,3},|,? (?:who|said|says|told|added|resigned|retired|stepped down"
    r"|left the (?:company|firm|group|board|club|party))\b"
    r"|\b[^.]{0,60}\b(?:he|she|his|her)\b"
    # "Hugo Brandt, the former chief executive of…": a post in apposition.
    r"|, (?:the |a |its |their )?(?:former |then |new |current |acting |interim )?"
    r"(?:chief|ceo|founder|co-founder|chair\w*|president|director|head|minister"
    r"|mayor|governor|manager|coach|spokes\w+)\b"
)
_COURTESY_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.? $")


# A place a thing's or a body's name opens with: "东礁岛|海水淡化厂", "青石镇|卫生院".
_PLACE_OPENING = re.compile(r"^[\u3400-\u9fff]{2,4}?[岛島市县縣区區镇鎮乡鄉村]")


# The last character of a river's, a lake's, a mountain's or an island's name.
_NATURAL_PLACE_END = frozenset("江河湖海山岛湾溪")


def _after_its_place(name: str, text: str) -> list[str]:
    """ "东礁岛海水淡化厂" → "淡化厂": what a place-named plant, school or office goes by once
    named, its name without the place (or the last three characters of that, its kind),
    when the article writes that alone."""
    place = _PLACE_OPENING.match(name)
    if place is None or len(name) - place.end() < 3:
        return []
    rest = name[place.end() :]
    forms = []
    for form in dict.fromkeys([rest, rest[-3:]]):
        simple = form.translate(SIMPLIFY)
        if form[0] in NOT_SUBJECT_START or simple in NOT_ACTORS or category_noun(simple):
            continue
        if simple[0] in "第一二三四五六七八九十百两0123456789":
            continue  # "(第)五公墓": a number cut from its ordinal
        if _alone(text, form, name):
            forms.append(form)
    return forms


def _alone(text: str, short: str, full: str) -> bool:
    """Whether `short` appears in `text` other than inside `full`."""
    whole_words = not HAN_CHARACTER.search(short)
    return count_of(text, short, whole_words=whole_words) > count_of(text, full)


def slug_for(name: str) -> str:
    """A proposed slug: pinyin syllables for Chinese (宁德时代 → ning-de-shi-dai), the
    ASCII-folded words for Latin script, lower case, joined by hyphens."""
    if HAN_CHARACTER.search(name):
        from pypinyin import lazy_pinyin

        parts = lazy_pinyin(name, errors=lambda chars: [chars])
        name = " ".join(parts)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")
    return slug or "actor"


def discover(
    text: str,
    language: str,
    spans: Sequence[tuple[int, int]],
    matcher: ActorMatcher,
    *,
    tag_spans: Sequence[tuple[int, int]] | None = None,
    dates: Sequence[tuple[int, int]] = (),
    candidates: Sequence[CandidateName] | None = None,
    title: str = "",
) -> list[ActorEntry]:
    """The actors the article names that the matcher does not know, as entries marked
    discovered: one per actor, named by its fullest form, with every form the article uses
    as an alias and a proposed slug unique against the matcher's."""
    names = recognise(
        text,
        language,
        spans,
        matcher,
        tag_spans=tag_spans,
        dates=dates,
        candidates=candidates,
        title=title,
    )
    groups: list[dict] = []
    by_key: dict[str, dict] = {}
    # Longest names first, so a short form joins the full name it is part of.
    for name in sorted(names, key=lambda n: -len(n.text)):
        key = alias_key(name.text)
        if key in by_key:
            group = by_key[key]
            if (
                group["kind"] == "organization"
                and name.kind in _SPECIFIC
                and not name.text.isupper()
            ):
                # "organization" is what a rule says when it cannot tell: a source that
                # can tell wins.
                group["kind"] = name.kind
            continue
        home = None
        for group in groups:
            if (
                _part_of(key, group["key"], name.kind, group["kind"])
                or acronym_of(name.text, group["name"])
                # "Financial Market Supervisory Authority (FINMA)": a short form in brackets.
                or (name.text.isupper() and f"{group['name']} ({name.text})" in text)
            ):
                home = group
                break
        if home is None:
            kind = name.kind
            if (
                language == "en"
                and kind in {"company", "product"}
                and _person_by_usage(text, name.text)
            ):
                kind = "person"
            home = {"key": key, "name": name.text, "kind": kind, "forms": [name.text]}
            groups.append(home)
        elif name.text not in home["forms"]:
            home["forms"].append(name.text)
        by_key[key] = home
    _join_parenthesised(text, groups, by_key, matcher)
    _join_short_bodies(groups, by_key)
    entries: list[ActorEntry] = []
    taken = {slug for slug in matcher.slugs()}
    people = None
    for group in groups:
        if group["kind"] in {"person", "company"} and not HAN_CHARACTER.search(group["name"]):
            # "Li Kaifu", "Kai-fu Lee": a known person's name in another romanisation
            # joins that person rather than standing as a new one.
            people = _romanised_people(matcher) if people is None else people
            known = people.get(_romanised_key(group["name"]))
            if known is not None:
                entry = matcher.entry(known)
                forms = tuple(dict.fromkeys(group["forms"]))
                entries.append(ActorEntry(known, entry.name, entry.kind, forms, entry.review))
                continue
        forms = list(group["forms"])
        for form in _short_forms(group["name"], group["kind"], text):
            if alias_key(form) not in matcher.keys and alias_key(form) not in by_key:
                forms.append(form)
                by_key[alias_key(form)] = group
        core = (
            _HAN_SUFFIX.sub("", group["name"])
            if HAN_CHARACTER.search(group["name"])
            else group["name"]
        )
        slug = base = slug_for(_LATIN_SUFFIX.sub("", core) or core)
        number = 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        entries.append(
            ActorEntry(
                slug=slug,
                name=group["name"],
                kind=group["kind"],
                aliases=tuple(dict.fromkeys(forms)),
                review=REVIEW_DISCOVERED,
            )
        )
    return entries


_SPECIFIC = frozenset({"company", "investor", "lab", "person", "model", "product"})

# "零一万物（01.AI）", "01.AI (零一萬物)", "华晟地产（下称“华晟”）": another name of the
# actor named right before, in parentheses.
_PARENTHESISED = re.compile(
    r"\s*[（(](?:下称|简称|以下简称|下稱|簡稱|以下簡稱|hereafter|or)?\s*[“\"「『]?"
    r"(?P<alias>[^（()）“”\"「」『』，,。;；:：]{2,30}?)[”\"」』]?[）)]"
)
# What parentheses after a name hold that is no other name: a stock code, a figure, a year.
_NOT_ALIAS = re.compile(
    r"^[\d\s.,%-]+$|\.(?:HK|SZ|SH|SS|TW|TWO|US)$|代码|代碼|代号|代號|股票|^(?:NYSE|NASDAQ|Nasdaq)\b"
    r"|[年月日岁歲]",
)


# A city's or a county's government and the police by the short name news gives them once
# named in full ("青州市政府…市府昨日…", "江城警察局…警方今日…"): the short name, as a
# discovered actor of its own, and the endings of the full names it stands for.
_SHORT_BODIES = {
    "市府": ("市政府", "市府"),
    "市政府": ("市政府",),
    "县府": ("县政府", "县府"),
    "县政府": ("县政府",),
    "警方": ("警方", "警察局", "警察厅", "警署", "公安局", "警务处", "警政署"),
}


def _join_short_bodies(groups: list[dict], by_key: dict[str, dict]) -> None:
    """Join a short name standing alone ("市府", "警方") to the one actor the article names
    in full with its kind's ending; with none, or more than one, it stays an actor of its own."""
    for short in [g for g in groups if g["name"].translate(SIMPLIFY) in _SHORT_BODIES]:
        endings = _SHORT_BODIES[short["name"].translate(SIMPLIFY)]
        fitting = [
            group
            for group in groups
            if group is not short
            and group["kind"] != "person"
            and any(
                name.endswith(ending) and len(name) > len(ending)
                for name in (group["name"].translate(SIMPLIFY),)
                for ending in endings
            )
        ]
        if len(fitting) != 1:
            continue
        home = fitting[0]
        home["forms"].extend(form for form in short["forms"] if form not in home["forms"])
        groups.remove(short)
        for known, group in list(by_key.items()):
            if group is short:
                by_key[known] = home


def _join_parenthesised(
    text: str, groups: list[dict], by_key: dict[str, dict], matcher: ActorMatcher
) -> None:
    """Join an actor's other name written in parentheses right after one of its forms: the
    two discovered groups become one, or the alias becomes a form of the group."""
    forms = sorted({form for group in groups for form in group["forms"]}, key=len, reverse=True)
    if not forms:
        return
    written = re.compile("|".join(re.escape(form) for form in forms))
    for match in written.finditer(text):
        paren = _PARENTHESISED.match(text, match.end())
        if paren is None:
            continue
        alias = paren.group("alias").strip()
        home = by_key.get(alias_key(match.group()))
        if home is None or home["kind"] == "person" or _NOT_ALIAS.search(alias):
            continue
        if alias.upper() in ACRONYMS or category_noun(alias.translate(SIMPLIFY)):
            continue
        key = alias_key(alias)
        if key in matcher.keys:
            continue  # the gazetteer's actor keeps its own name
        other = by_key.get(key)
        if other is home:
            continue
        if other is not None:
            if other["kind"] == "person":
                continue
            home["forms"].extend(form for form in other["forms"] if form not in home["forms"])
            groups.remove(other)
            for known, group in list(by_key.items()):
                if group is other:
                    by_key[known] = home
        elif HAN_CHARACTER.search(alias) or re.search(r"[A-Z0-9]", alias):
            home["forms"].append(alias)
            by_key[key] = home


# Older and regional romanisations of common surnames, in pinyin.
_SURNAME_SPELLINGS = {
    "lee": "li",
    "chang": "zhang",
    "cheung": "zhang",
    "wong": "wang",
    "chan": "chen",
    "lau": "liu",
    "ng": "wu",
    "ho": "he",
    "tsai": "cai",
    "hsu": "xu",
    "chou": "zhou",
    "kuo": "guo",
    "cheng": "zheng",
    "chu": "zhu",
    "hsieh": "xie",
    "tseng": "zeng",
    "chiang": "jiang",
    "kao": "gao",
    "yeh": "ye",
    "tang": "tang",
    "hu": "hu",
}


def _romanised_key(name: str) -> frozenset[str] | None:
    """A romanised two-part name as {surname, given name}, spelling folded to pinyin and
    the given name's syllables joined: "Kai-Fu Lee", "Li Kaifu" → {"li", "kaifu"}."""
    parts = [part for part in re.split(r"\s+", name.casefold().strip()) if part]
    if len(parts) != 2:
        return None
    parts = [part.replace("-", "").replace("'", "") for part in parts]
    if not all(part.isascii() and part.isalpha() for part in parts):
        return None
    return frozenset(_SURNAME_SPELLINGS.get(part, part) for part in parts)


def _romanised_people(matcher: ActorMatcher) -> dict[frozenset[str], str]:
    """Every known person with a Chinese name, by the romanised key of that name."""
    from pypinyin import lazy_pinyin

    found: dict[frozenset[str], str] = {}
    for slug in sorted(matcher.slugs()):
        entry = matcher.entry(slug)
        if entry.kind != "person" or entry.review == REVIEW_REJECTED:
            continue
        for alias in (entry.name, *entry.aliases):
            if HAN_RUN.fullmatch(alias) and 2 <= len(alias) <= 4:
                syllables = lazy_pinyin(alias)
                surname = 2 if alias.startswith(COMPOUND_SURNAMES) else 1
                key = frozenset({"".join(syllables[:surname]), "".join(syllables[surname:])})
                found.setdefault(key, slug)
    return found


_COMPANY_OR_BODY = frozenset({"company", "investor", "organization", "lab"})


def _part_of(short: str, full: str, kind: str, full_kind: str) -> bool:
    """Whether the name `short` is a form of `full` (both alias keys)."""
    if short == full:
        return True
    if kind == "person" and full_kind in _COMPANY_OR_BODY and HAN_CHARACTER.search(short):
        # "康泰" for 康泰大药房: a tagger may take a company's short form for a person.
        return full.startswith(short) and len(short) >= 2
    if kind == "person" or full_kind == "person":
        # "whitfield" of "dana whitfield", whatever a lone surname was taken for.
        return full_kind == "person" and full.endswith(" " + short)
    if HAN_CHARACTER.search(short):
        if short in BODY_ENDINGS and full.endswith(short):
            return True  # "警方" of "香港警方"
        if _LINE_NUMBER.fullmatch(short) and full.endswith(short):
            return True  # "1号线" of "南湖有轨电车1号线"
        if full.endswith(short) and len(short) >= 3:
            # "卫生局" of "台南市卫生局", "慈安宫" of "溪湖慈安宫": the name without the
            # place it is in.
            head = full[: -len(short)]
            if _PLACE_HEAD.fullmatch(head) or (len(head) <= 3 and _THING_END.search(short)):
                return True
            if len(head) <= 3 and kind != "person" and full_kind != "person":
                # "天文台" of "香港天文台", "文物局" of "国家文物局": a body's name without
                # the place or the level it belongs to, written alone.
                return True
        if BRANCH_AT_END.search(full) and not BRANCH_AT_END.search(short):
            return False  # "森林保育处" is not its branch "森林保育处投山分处"
        if _THING_END.search(short) or ADMINISTRATIVE.search(short) or _THING_END.search(full):
            # "港尾夜市" is not "港尾夜市自治会", nor "台南市" "台南市港尾夜市": a thing or a
            # place that a longer name starts with is another actor.
            return False
        return full.startswith(short) and len(short) >= 2
    if full.split(" ", 1)[0].upper() in VESSEL_PREFIXES:
        return full.endswith(" " + short)  # "Skerryvore" of "RRS Skerryvore"
    return full.startswith(short + " ")


_LINE_NUMBER = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})号线")
_THING_END = re.compile(rf"(?:{'|'.join(sorted(THING_ENDINGS, key=len, reverse=True))})$")
_PLACE_HEAD = re.compile(r"[\u3400-\u9fff]{1,3}(?:省|市|县|区)")
