"""The Chinese name readers: the names LAC tags, checked for a plausible form
(`_plausible_han`), and the rules that find what it misses (the subject before a date,
bodies known by their context, titles before a name, traded and founded companies, groups
of people, surnamed people, things, whole names, titled people and works). Each returns
`Recognised` spans of the article; `recogniser.recognise` puts them together.

Plain Python.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from timeline.pipeline.actors import (
    COMPOUND_SURNAMES,
    NAME_STOP,
    SURNAMES,
    fold_text,
    to_simplified,
)
from timeline.pipeline.chinese_tagger import (
    SIMPLIFY,
    chinese_words,
    simplified_script,
    tagged_words,
    words_of_name,
)
from timeline.pipeline.han import HAN_CHARACTER, HAN_RUN
from timeline.pipeline.named_things import named_things
from timeline.pipeline.nouns import (
    DESCRIPTORS,
    TITLES,
    category_noun,
)
from timeline.pipeline.recognised import (
    Recognised,
    SpanSet,
    count_of,
    word_set,
)
from timeline.pipeline.triggers import ANY_TRIGGER, gated, joined, load_cue
from timeline.pipeline.whole_names import (
    BODY_LAST_CHARS,
    nouned_things,
    units_under,
    whole_bodies,
)
from timeline.pipeline.wordlists import word_list

_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# Words LAC tags as names that are titles, generic nouns or places, not actors.
NOT_ACTORS = word_set(
    "中国 美国 日本 韩国 欧洲 英国 德国 法国 印度 台湾 香港 澳门 北京 上海 深圳 广州 杭州 "
    "政府 公司 集团 董事会 股东大会 监管部门 监管机构 官方 央行 国务院 中央 地方 "
    "AI 人工智能 大模型 互联网 新能源 科技 CEO CTO CFO COO 新时代 大厂 巨头 独角兽 六小虎 "
    "小虎 友商 同行 对手 iOS IOS ios Android 安卓 Steam "
    # Currencies: LAC sometimes tags them as organisations.
    "港元 港币 美元 人民币 新台币 台币 欧元 日元 英镑 澳元 加元 韩元"
)
_ORG_TITLE_TAIL = re.compile(
    r"(?:联席|首席|执行|行政|董事长|董事|总裁|总经理|副总裁|创始人|联合创始人|负责人|发言人|主席)+$"
)
REGULATOR = re.compile(
    r"(?:局|部|委|委员会|会|署|院|厅|办|监管|政府|法院|交易所|交所|协会|联合会|中心|大学|学院|研究所|盟"
    r"|县|(?<![超门夜股])市|省|区|镇|乡)$"
)
_LAB = re.compile(r"(?:实验室|研究院)$")
_MEDIA = re.compile(r"(?:通讯社|新闻社|社|日报|晚报|时报|新闻|周刊|杂志|电视台|广播|网)$")
# Words that end a company's name after its distinctive part (宝川钢铁, 禾丰农机, 东泽投资),
# in simplified script: LAC often tags the distinctive part alone.
INDUSTRY = (
    r"(?:农机|零售|投资|生技|生物|医材|医疗|医药|药业|制药|时尚|服饰|银行|商银|证券|人寿|保险|金控|"
    r"科技|汽车|电子|半导体|集团|控股|航空|电信|通信|能源|钢铁|物流|食品|传媒|娱乐|影业|游戏|"
    r"网络|机器人|智能|动力|新能源|材料|化工|光电|精密|重工|机械|电器|家电|美妆|化妆品|餐饮|地产|"
    r"置业|实业|资本|基金|创投|农业|乳业|酒业|啤酒|航运|海运|铁路|快递|软件|芯片|晶圆|电机|"
    r"电池|锂电|储能|光伏|风电|矿业|医院|影城|院线|酒店|旅游|货运|船舶|造船|超市|百货|商场|药房"
    r"|书局)"
)
_LAB_AFTER = re.compile(r"[\u3400-\u9fff]{0,8}?(?:实验室|研究院|研究所)")
# A unit of a body, written straight after it: "行政院|消费者保护处", "中国科学院|古脊椎动物
# 与古人类研究所", "市政府|新闻办公室". No date, verb or preposition inside it.
_UNIT_OF = re.compile(r"(?:院|部|委|政府|省|市)$")
_UNIT_AFTER = re.compile(
    r"[^\W\d_A-Za-z日月年今昨将已于在对向从发宣表称指说是为被把与和及]{2,9}?"
    r"(?:保护处|管理处|处|管理局|局|署|司|厅|办公室|委员会|研究所|研究中心)"
    r"|[^\W\d_A-Za-z日月年今昨将已于在对向从发宣表称指说是为被把]{2,12}?研究所"
)
_CENTRE_AFTER = re.compile(
    r"(?:控制|管理|研究|服务|指挥|检测|监测|救援|调度|防治|应急|预警|信息|数据|技术|发展|培训)"
    r"{1,2}中心"
)
_AGENCY_AFTER = re.compile(r"(?:监督)?(?:管理局|管理处|管理委员会|事务局|事务处)(?:办公室)?")
_INDUSTRY_AFTER = re.compile(rf"{INDUSTRY}+(?:(?:股份|控股)?有限(?:责任)?公司|公司|集团)?")
INVESTOR = re.compile(r"(?:资本|基金|创投|投资|控股|资管|产业基金)(?:有限公司|公司|集团)?$")
_RELEASED_TITLE = re.compile(
    r"(?:发布|推出|上线|上市|发行|上映|开售|开源|释出|出版|出品)[^，。；]{0,12}$"
)
# "《山海行》正式上线", "「星河」於3月開賣": a launch verb right after a quoted title.
_RELEASED_AFTER = re.compile(
    r"(?:[0-9年月日号今昨本上下周]{1,8})?"  # "《海风》10月3日在全台上映"
    r"(?:已经?|也|则|于[^，。；]{0,12}?|在[^，。；]{0,12}?)?(?:正式|首次|率先|同步|先后|相继|陆续)?"
    r"(?:上线|发布|推出|上市|开售|开卖|上映|亮相|发行|登陆|开启预售|公测|开服)"
)
_SHOP_BEFORE = re.compile(r"(?:平台|网站|商店|网店|商城|电商|书店|连锁店?)$")
_BOOK_TITLE = re.compile(r"[《「『“]([^》」』”\n]{2,16})[》」』”]")


ADMINISTRATIVE = re.compile(r"(?:县|市|省|区|镇|乡|村|自治区|自治州)$")
# A building or an institution the tagger takes for a place ("市立图书馆新总馆"): what a
# clause opening on it tells is its own.
_INSTITUTION_END = re.compile(
    r"(?:图书馆|博物馆|美术馆|体育馆|纪念馆|科技馆|总馆|新馆|医院|大学|机场)$"
)
# A place, then where about it, then 发生: "台东外海发生地震", "山区一带发生泥石流".
_PLACE_HAPPENING = re.compile(
    r"(?:外海|近海|海域|海面|外|境内|山区|一带|附近|地区|沿海|东部|西部|南部|北部|中部)?"
    r"[0-9年月日号时分今昨本前上下中午周晚早凌晨许（）()]{0,12}"  # "花莲外海昨日发生…"
    # "观塘昨日下午录得37.2度": a place whose station records a reading.
    r"(?:突然|再次|又|先后|接连|相继|曾)?(?:发生|爆发|遭遇|录得)"
)
# Only a date, an opener or nothing stands before the place in its clause.
_SUBJECT_PLACE = re.compile(
    # "【本报讯】观塘…": a byline's bracket ends what stands before the clause too.
    r"(?:^|[，。；：！？\n、,;:!?】])\s*(?:[0-9年月日号晚上下午早今昨本周次当同]{0,12}[，,]?\s*)?$"
)
_LOC_BODY = re.compile(
    r"[\u3400-\u9fff]{0,4}?(?:业主委员会|委员会|协会|商会|工会|农会|渔会|联合会|基金会|人民政府|政府|人民法院"
    r"|法院|议会|学会|管理局|管理处)"
)
_BODY_AND = re.compile(r"和[\u3400-\u9fff]{1,6}?(?:局|厅|部|委员会|委|署|办公室|办)")


def _han_kind(name: str, tag: str) -> str | None:
    if tag == "PER":
        return "person"
    if tag == "ORG" and _MEDIA.search(name):
        return "organization"  # 路透社, 财新网: an outlet that reports, not a company that acts
    if tag == "ORG":
        if _LAB.search(name):
            return "lab"
        if INVESTOR.search(name):
            return "investor"
        if REGULATOR.search(name):
            return "organization"
        return "company"
    return None


def tagged_names(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Names LAC tags in the given stretches of `text` (offsets into `text`)."""
    spans = list(spans)
    simple_text = simplified_script(text)
    sentences = [simple_text[start:end] for start, end in spans]
    tagged = tagged_words(simple_text, tuple(spans))
    found: list[Recognised] = []
    for (start, _end), sentence, words in zip(spans, sentences, tagged, strict=True):
        position = start
        chain_start = None  # where a run of place names ("四川省雅河县青石镇龙洞村") starts
        for index, (word, tag) in enumerate(words):
            word_start = position
            position += len(word)
            if tag != "LOC":
                chain_start = None
            elif chain_start is None:
                chain_start = word_start
            following = words[index + 1] if index + 1 < len(words) else ("", "")
            if tag == "LOC" and following[1] == "LOC" and ADMINISTRATIVE.search(following[0]):
                # A province, a county or a town before a smaller place is where that place
                # lies: the chain is one located place, named by its last part.
                continue
            glued = _GLUED_DATE.search(word) if tag in {"ORG", "PER"} else None
            if glued and glued.start() >= 2:
                # "华光科技5日|向法院…": LAC runs the date after a name into it.
                word = word[: glued.start()]
            after = word_start + len(word)
            kind = _han_kind(word, tag)
            if kind is None and tag in {"nz", "nw"} and _LATIN_OR_DIGIT.search(word):
                # "小米SU7", "GLM-4": a product written with letters or digits.
                kind = "product"
            body = _LOC_BODY.match(sentence, after - start) if tag == "LOC" else None
            if kind is None and body:
                # "海景湾|业主委员会", "江川县|人民政府": a body named after its place.
                kind = "organization"
            elif (
                kind is None
                and tag == "LOC"
                and (
                    ADMINISTRATIVE.search(word)
                    or _INSTITUTION_END.search(word)
                    or _PLACE_HAPPENING.match(sentence, word_start - start + len(word))
                )
                and _SUBJECT_PLACE.search(sentence, 0, (chain_start or word_start) - start)
            ):
                # "7月18日，江川县城区道路恢复通车": a county or a city opening its clause is
                # what the clause tells of; so is any place where something happened ("台东
                # 外海发生地震").
                kind = "organization"
            if kind is None:
                continue
            if (
                kind == "person"
                and re.match(r"[-‐]?\d", sentence[after - start :])
                and not _DATE_AFTER.match(sentence, after - start)
            ):
                # "星衍-3": a versioned work, not a person; "王建民10月3日宣布…" is one.
                continue
            name_end = after
            if body:
                name_end = start + body.end()
            elif kind in {"company", "investor", "organization"}:
                # "禾丰|农机", "中洲大学|智慧机器人实验室": the words LAC left outside the
                # name are part of it.
                lab = _LAB_AFTER.match(sentence, after - start)
                tail = lab or _INDUSTRY_AFTER.match(sentence, after - start)
                # "台南市政府|和水利署": after a body named in full, 和 joins another body.
                body = (
                    None
                    if word[-1] in BODY_LAST_CHARS
                    else _BODY_AND.match(sentence, after - start)
                )
                unit = _UNIT_AFTER.match(sentence, after - start)
                agency = _AGENCY_AFTER.match(sentence, after - start)
                centre = _CENTRE_AFTER.match(sentence, after - start)
                if centre:
                    # "安平市动物疫病预防|控制中心": LAC leaves a centre's ending outside.
                    name_end, kind = start + centre.end(), "organization"
                elif unit and kind == "organization" and _UNIT_OF.search(word):
                    name_end = start + unit.end()
                elif agency:
                    # "金融|管理局", "通讯事务|管理局": LAC leaves an agency's ending outside.
                    name_end, kind = start + agency.end(), "organization"
                elif lab:
                    name_end, kind = start + lab.end(), "lab"
                elif body:
                    # "上海市文化|和旅游局": a department named for two fields holds a 和.
                    name_end, kind = start + body.end(), "organization"
                elif tail and kind != "organization":
                    name_end = start + tail.end()
                    kind = "investor" if INVESTOR.search(tail.group()) else kind
            surface = text[word_start:name_end]
            if kind in {"company", "organization", "investor", "lab"}:
                # "中芯国际联席(首席执行官)": a title LAC runs into the name.
                surface = _ORG_TITLE_TAIL.sub("", surface)
            surface_start = word_start
            stripped = surface.strip(" ·-\n\t\r\u3000")
            surface_start += surface.find(stripped) if stripped else 0
            surface = stripped
            if not _plausible_han(surface, kind):
                continue
            found.append(Recognised(surface, surface_start, surface_start + len(surface), kind))
    return found


# Nouns of people or bodies, by a character of theirs ("员", "局", "会").
_AGENT_NOUN = gated(joined(load_cue("agent_nouns")))
# The endings of a body's name, which an action's noun may describe ("养蜂合作社", "供水站").
_BODY_HEAD = re.compile(r"(?:社|会|會|站|所|院|馆|館|厂|廠|组|組|中心|公司|集团|集團)$")


def names_a_work(words: Sequence[tuple[str, str]]) -> bool:
    """Whether tagged words are an action's noun and a common noun alone ("搬迁方案",
    "建设项目", "申报材料", "报名通道"): what an action makes or needs, a plan, a work or a
    document of whoever acts, not one who acts. A head that names people or a body
    ("救援队员", "养蜂合作社") is one."""
    if [tag for _word, tag in words] != ["vn", "n"]:
        return False
    head = words[1][0]
    return not (_AGENT_NOUN.search(head[-1]) or _BODY_HEAD.search(head) or BODY_END.search(head))


ACRONYMS = word_set(
    "AI AGI API APP APPS GPU GPUS CPU NPU TPU SDK LLM LLMS IPO EV EVS SUV CEO CTO CFO COO "
    "AR VR XR IT ICT B2B B2C SaaS PaaS IaaS ETF GDP PMI CPI IoT 5G 4G 6G LTE USB OLED LCD "
    "PC PCS TV MOE TOB TOC B2G"
)
# Round names, generations and ordinals LAC tags as names: "B轮", "A+轮", "5G", "第3代".
_NOT_WORK = re.compile(
    r"^(?:pre-?)?[A-Za-z][+]?(?:轮|輪|系列)$|^[A-Za-z0-9+-]{1,4}(?:代|款|类|類|级|級|版|轮|輪|端)$",
    re.IGNORECASE,
)


# A kind of organisation, not one: "民营银行", "国有企业", "中小型银行", "外资车企".
_GENERIC_ORG = re.compile(
    r"(?:国内|国外|海外|本土|全球|民营|国有|国营|私营|商业|股份制|外资|中资|合资|地方|城市|农村"
    r"|上市|龙头|头部|大型|中型|小型|中小型?|新兴|传统|互联网|科技|金融)+"
    r"(?:银行|商银|企业|公司|券商|车企|药企|厂商|机构|集团|平台|保险公司|金融机构)"
)


def _plausible_han(name: str, kind: str) -> bool:
    if len(name) < 2 or name in NOT_ACTORS or to_simplified(name) in NOT_ACTORS:
        return False
    if name.upper() in ACRONYMS or _NOT_WORK.match(name):
        return False
    if _GENERIC_ORG.fullmatch(name.translate(SIMPLIFY)):
        return False
    if kind == "person":
        # LAC tags foreign names too (马斯克); a lone Latin word tagged PER is rarely one.
        if not HAN_CHARACTER.search(name) or " " in name:
            return False
        parts = re.split(r"[·•‧・]", name)
        if len(parts) > 1:
            # "罗伯特·卡尔森": a foreign name is written in parts joined by a dot, each
            # spelled in Han characters; it runs longer than a Chinese one.
            return len(name) <= 16 and all(
                part and all(HAN_CHARACTER.match(c) for c in part) for part in parts
            )
        if len(name) > 6:
            return False
        # A two- or three-character name starts with a surname; LAC sometimes tags a
        # word (预计, 表示) as a person.
        simple = name.translate(SIMPLIFY)
        return len(simple) >= 4 or simple[0] in SURNAMES or simple.startswith(COMPOUND_SURNAMES)
    if kind == "product":
        # A bare upper-case word ("API", "GPU") is a term; a product name has a digit,
        # lower-case letters or Chinese ("Kimi", "GLM-4", "小米SU7").
        coined = (
            re.search(r"\d|[a-z]", name) and re.search(r"\d|[A-Z]", name)
        ) or HAN_CHARACTER.search(name)
        return bool(coined) and len(name) <= 20 and not name.isdigit()
    return len(name) <= 20


_SUBJECT_BEFORE_DATE = re.compile(
    r"(?:^|(?<=[，。；：！？\n、「」“”,;:!?\s]))"
    r"(?:而|但|此外|另外|同时|随后|其中|据悉|目前|如今)?"
    # "鼎新物流预计今年…": a word of planning after the name is not part of it.
    r"(?P<name>[\u3400-\u9fff]{2,8}?)(?:已经?|也|则|更|又|还|预计|计划|拟|将|有望|准备|打算)?"
    # "乐翔公布2025年营收…": a verb of telling before the date is not part of the name.
    r"(?:公布|宣布|发布|披露|透露|表示|指出|公告)?"
    r"(?:成立|创立|创办|诞生|上市|挂牌)?(?:于|在|自|从)?$"
)
# Words that open a clause before its date without naming anyone.
_NOT_A_DATED_SUBJECT = re.compile(r"公布|公告|随后|之后|此后|其后|其间|期间|同年|当年|次年|截至")
NOT_SUBJECT_START = frozenset(
    "该本这那两双各多其此我他她它你每某全首新旧原前后去今明上下近不没也都就是才只并再很最说称"
)
_GENERIC_END = re.compile(
    r"(?:公司|集团|银行|实验室|平台|团队|政府|部门|市场|业务|产品|项目|工厂|新厂|门市|门店|股价|"
    r"营收|收入|利润|订单|销量|会员|用户|价格|双方|机构|企业|品牌|系列|模型|大模型|服务|方面|官方|"
    r"行业|总部|董事会|管理层|员工|消息|报道|媒体|记者|分析师|投资人|投资者|股东|保费|净利|毛利|"
    r"营业额|出货量|交付量|股份|股票|债券|资金|现金)$"
)
# Read by `short_forms` too: such a word opening a clause refers by kind, not by name.
GENERIC_END = _GENERIC_END


def dated_subjects(
    text: str, spans: Iterable[tuple[int, int]], dates: Sequence[tuple[int, int]]
) -> list[Recognised]:
    """ "階躍星辰於2023年4月成立", "宝川钢铁4月下旬…": the words that open a clause right
    before its date, when they are a name and what follows the date names a happening."""
    found = []
    inside = SpanSet(spans)
    simple_text = simplified_script(text)
    for date_start, date_end in dates:
        if not inside.overlaps(date_start, date_start + 1):
            continue
        lead = simple_text[max(0, date_start - 12) : date_start]
        match = _SUBJECT_BEFORE_DATE.search(lead)
        if match is None:
            continue
        name = match.group("name")
        clause_end = re.search(r"[，。；！？\n,;!?]", text[date_end : date_end + 40])
        after = text[date_end : date_end + (clause_end.start() if clause_end else 40)]
        between = lead[match.end("name") :]  # "成立于": the verb may come before the date
        # "劳工处当晚发出声明", "气象台于10日发出警告": a name ending as a public body's does
        # is one whatever verb follows the date; any other name needs a word of happening.
        if not ANY_TRIGGER.search(fold_text(between + " " + after)) and not (
            _DATED_BODY_END.search(name)
            and len(name) >= 3
            and not any(char in _NOT_IN_BODY for char in name)
        ):
            continue
        if name[0] in NOT_SUBJECT_START or name[0] in VERB_START or _GENERIC_END.search(name):
            continue
        if _NOT_A_DATED_SUBJECT.fullmatch(name):
            continue  # "，公布第二季…", "，随后于4月…": a verb or an opener, not a name
        if any(char in NAME_STOP for char in name) or _TITLE_IN.search(name):
            continue
        start = date_start - len(lead) + match.start("name")
        if any(
            start < other_end and other_start < start + len(name)
            for other_start, other_end in dates
        ):
            continue  # "馆方昨日(宣布下周…)": a name holds no date of its own clause
        titled = _TITLE_THEN_NAME.search(name)
        if titled:
            # "气象台台长何家明": the person after the post, not one long name.
            at = start + titled.start("person")
            found.append(Recognised(text[at : start + len(name)], at, start + len(name), "person"))
            continue
        if len(name) <= 3 and name[0] in SURNAMES:
            continue  # a person's name: the recogniser's to tell
        found.append(
            Recognised(text[start : start + len(name)], start, start + len(name), "company")
        )
    return found


VERB_START = frozenset("获完签核正已将把被对向在于从由经据因为让使令称说表宣推发开关预拟计准决")
# The endings of a public body's name: a bureau, an office, a department, an observatory.
_DATED_BODY_END = re.compile(
    r"(?:局|署|厅|处|委员会|气象台|天文台|法院|检察院|警方|警署"
    # "农业农村部", "卫生部": a ministry; "总部", "内部", "全部" are no bodies' names.
    r"|(?<![总内外全东西南北中本分局干底顶头乐])部)$"
)
# Characters of a clause, not of a body's name: "青柚因部(分)…", "公司对该局…".
_NOT_IN_BODY = frozenset("因为被由在于对向与和把将的了是从而及已也就都")


_BOUNDARY = r"(?:^|(?<=[，。；：！？\n、「」“”（）()《》,;:!?]))"
# "零一万物CEO李开复", "宝川钢铁董事长刘振国": the organisation a title belongs to.
_ORG_BEFORE_TITLE = re.compile(
    _BOUNDARY + r"(?:而|但|此外|另外|同时|随后|其中|据悉|目前|如今)?\s*"
    r"(?P<name>[\u3400-\u9fff]{2,8}?|[0-9A-Za-z][\w.&-]*[A-Za-z][\w.&-]*)\s*的?\s*"
    r"(?:前|原|现任|时任|新任|代理)?"
    r"(?:联合创始人|创始人|董事长|CEO|首席执行官|行政总裁|总裁|总经理|CTO|CFO|COO|副总裁|发言人)\s*"
    r"(?=[\u3400-\u9fffA-Za-z])",
    re.IGNORECASE,
)
# "创立01.AI", "收购了Lepton AI": a Latin name right after a verb that takes a company.
_LATIN_OBJECT = re.compile(
    r"(?:创立|创办|创建|成立了|收购了?|并购了?|投资了)\s*"
    r"(?P<name>[0-9A-Za-z][\w.&-]*[A-Za-z][\w.&-]*(?: [A-Z][\w.&-]*)?)"
)


# "已获金管会核准", "经市监局批准", "获食药署许可": the body between 获/经/由 and a verb of
# approval is the one that approves; its name ends as an agency's does.
_APPROVER = re.compile(
    r"(?:获得?|经过?|由|通过)(?P<name>[㐀-鿿]{1,6}?(?:委员会|监会|管会|会|局|署|部|委|厅))"
    r"(?:的)?(?:核准|批准|审批|审核|许可|同意|批复)"
)


# "湖南省应急管理厅启动…", "广州市政府牵头…": a public body opening its clause, named by its
# province, city or county and the ending of a department.
_PUBLIC_BODY = re.compile(
    _BOUNDARY + r"(?:[0-9年月日号晚上下午早今昨本周次当同]{0,12}[，,]\s*)?"
    r"(?P<name>(?:国家|[\u3400-\u9fff]{2,4}?(?:省|市|县|区|自治区))"
    r"[\u3400-\u9fff]{0,10}?(?:厅|局|委员会|署|政府|人民法院|法院|检察院)"
    r"|(?:最高人民|最高|高等|终审|区域|地方|中级人民|高级人民)法院)"
    # "最高法院8日驳回…": a date may follow the name straight away.
    r"(?=[\u3400-\u9fff]|\d{1,4}\s*[年月日号])"
)


def organisations_by_context(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Organisations named by what surrounds them: a title after ("零一万物CEO李开复"), a
    founding or buying verb before a Latin name ("创立01.AI"), an approval after an
    agency ("获金管会核准")."""
    found = []
    simple_text = simplified_script(text)
    for start, end in spans:
        simple = simple_text[start:end]
        for match in _PUBLIC_BODY.finditer(simple):
            name = match.group("name")
            if any(c in NAME_STOP and c != "和" for c in name[2:]) or _TITLE_IN.search(name):
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "organization"))
        for match in _APPROVER.finditer(simple):
            name = match.group("name")
            if len(name) < 2 or name in NOT_ACTORS:
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "organization"))
        for match in _ORG_BEFORE_TITLE.finditer(simple):
            name = match.group("name")
            if name[0] in NOT_SUBJECT_START or _GENERIC_END.search(name):
                continue
            if any(char in NAME_STOP for char in name) or name.upper() in ACRONYMS:
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "company"))
        for match in _LATIN_OBJECT.finditer(simple):
            name = match.group("name").rstrip(".-")
            if name.upper() in ACRONYMS:
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "company"))
    return found


# What stands right before a clause's first words: a boundary, and perhaps an opener.
_CLAUSE_OPENING = re.compile(
    r"[，。；：！？\n、「」“”（）,;:!?\s](?:而|但|那|则|此外|另外|同时|随后|目前|如今)?$"
)


def title_names(text: str, spans: Iterable[tuple[int, int]], title: str) -> list[Recognised]:
    """ "…看空零一万物": a name the title writes that the article keeps opening its clauses
    with (three times or more, twice as a clause's first words), where the tagger splits
    it ("零一/m 万物/n"). Only Chinese runs of three to six characters are read."""
    spans = list(spans)
    if not title or not spans:
        return []
    simple_text = simplified_script(text)
    body = "\n" + "\n".join(simple_text[start:end] for start, end in spans)
    accepted: list[str] = []
    for run in HAN_RUN.findall(title.translate(SIMPLIFY)):
        forms = {run[i : i + n] for n in range(3, 7) for i in range(len(run) - n + 1)}
        for form in sorted(forms, key=len, reverse=True):
            if any(form in other for other in accepted):
                continue
            if form[0] in NOT_SUBJECT_START or form[0] in VERB_START or form in NOT_ACTORS:
                continue
            if any(char in NAME_STOP for char in form) or category_noun(form):
                continue
            if _GENERIC_END.search(form) or _TITLE_IN.search(form):
                continue
            if len(form) <= 3 and form[0] in SURNAMES:
                continue  # a person's name: the tagger's to tell
            if body.count(form) < 3:
                continue
            # Two openings are enough: counting stops there, not at the end of a long body.
            openings = (
                match
                for match in re.finditer(re.escape(form), body)
                if _CLAUSE_OPENING.search(body, max(0, match.start() - 6), match.start())
            )
            if next(openings, None) and next(openings, None):
                accepted.append(form)
    found = []
    for form in accepted:
        for start, end in spans:
            at = simple_text.find(form, start, end)
            if at >= 0:
                kind = "organization" if REGULATOR.search(form) else "company"
                found.append(Recognised(text[at : at + len(form)], at, at + len(form), kind))
                break
    return found


# A person's name right after a post ("理事长巴特尔表示", "市长赵宏伟到…"): the post's words
# are data (`vocabulary/descriptors.tsv`).
_AFTER_TITLE = re.compile(rf"(?:{'|'.join(sorted(TITLES, key=len, reverse=True))})")
# A post and the two or three characters of a person's name after it, ending a run.
_TITLE_THEN_NAME = re.compile(rf"(?:{_AFTER_TITLE.pattern})(?P<person>[\u3400-\u9fff]{{2,3}})$")
_PERSON_FOLLOW = frozenset(
    "说表称认指告透坦直回强提解曾也是的在将于和与、等对已则就还都却更带到今现去昨前上本同次当"
    "获以夺"
    "0123456789"
    "，。；：:,.!?！？ \n（()）"
)


_TRADE_WORDS = sorted((d.word for d in DESCRIPTORS if d.sort == "trade"), key=len, reverse=True)
# "童书出版商小橡树文化", "地产商恒峰置业须…": a company named right after what it does.
# Trade words that stand for a company themselves (公司, 集团) say nothing of the words after.
_GENERIC_TRADE = frozenset(["公司", "集团", "企业", "平台", "机构", "品牌", "巨头", "龙头"])
_AFTER_TRADE = re.compile(
    rf"(?:{'|'.join(w for w in _TRADE_WORDS if len(w) >= 2 and w not in _GENERIC_TRADE)})"
    r"(?P<name>[\u3400-\u9fff]{2,10})"
)
_NAME_ENDING = re.compile(
    rf"{INDUSTRY}|文化|国际|工业|实业|置业|建筑|建设|发展|影业|模型|酒店|堂|坊"
)


def traded_companies(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Companies named right after a trade word ("出版商", "大厂", "地产商"), up to a
    company's ending ("文化", "工业", "置业")."""
    found = []
    simple_text = simplified_script(text)
    for start, end in spans:
        simple = simple_text[start:end]
        for match in _AFTER_TRADE.finditer(simple):
            name = match.group("name")
            # Up to the company's ending: "大厂跟进" names no company.
            ending = next((m for m in _NAME_ENDING.finditer(name) if m.end() >= 2), None)
            if ending is None:
                continue
            name = name[: ending.end()]
            if len(name) < 2:
                continue
            if name[0] in NOT_SUBJECT_START or name[0] in VERB_START or _GENERIC_END.search(name):
                continue
            if any(char in NAME_STOP for char in name) or category_noun(name):
                continue
            if name in TITLES or _AFTER_TITLE.match(name):
                continue  # "约谈主办方负责人": a post, not a name
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "company"))
    return found


_PEOPLE = "|".join(sorted(word_list("zh_people_nouns.txt"), key=len, reverse=True))
# The people nouns as one alternation, longest first, for other modules' patterns.
PEOPLE_NOUNS = _PEOPLE
# Where a group's people belong: a place or a body ("东岗村", "公立医院").
GROUP_HOME = (
    r"(?:村|镇|乡|县|市|区|省|医院|学校|小学|中学|大学|幼儿园|工厂|厂|公司|集团|电站|社区|小区"
    r"|机场|码头|港|站)"
)
# Two to four places listed with 、 before a people noun ("苗栗、台中蜂农").
_GROUP_PLACES = r"(?:[\u3400-\u9fff]{2,3}、){1,3}[\u3400-\u9fff]{2,3}?"
# A group standing as a clause's subject: after the clause's start, a date and a count, the
# place or body its people belong to, a word of which of them, and the people noun, then no
# 的 (a group that qualifies a noun is not the subject): "东岗村村民每天…", "约200名移民到…",
# "公立医院前线医生昨日发起…".
_GROUP = re.compile(
    r"(?:^|(?<=[，。；：！？\n,;:!?]))\s*"
    r"(?:[0-9年月日号时分上下午晚早凌晨今昨本周週前一二三四五六天当（）()]{0,12}[，,]?)?"
    # "最后一批200多名盐工": which batch of them, then how many.
    r"(?:(?:最后|首|第[一二三四五六七八九十])?一?批)?"
    # "有蜂农发现…", "另有市民投诉…": 有 tells that some of them acted; they are the actor.
    r"(?:(?:另|亦|也|还|更)?有)?"
    r"(?:约|近|逾|超过|上|数|几)?(?:[0-9,万千百十数几两一二三四五六七八九]+余?多?[名位])?"
    # "多个村庄的村民", "附近工厂的工人": a phrase ending in 的 that says which of them.
    r"(?P<which>[^\W\d_A-Za-z由被向在于对从把将与和及的是为让给到等有]{2,8}的)?"
    # "苗栗、台中蜂农": the places a group's people come from, listed.
    rf"(?P<name>(?:{_GROUP_PLACES}|[^\W\d_A-Za-z由被向在于对从把将与和及的是为让给到等]{{1,8}}?{GROUP_HOME})?"
    r"(?:前线|一线|全体|部分|当地|本地|在职|退休|受影响)?"
    rf"(?:{_PEOPLE}))(?:们)?(?!的|之|[\u3400-\u9fff]{{0,2}}(?:人数|人均|比例|数量|收入|平均|占))"
)


# "Kimi 的母公司月之暗面", "该品牌的运营方星途科技": a company named right after the word
# for how it stands to the thing or company before it, up to a stop.
_RELATED = re.compile(
    r"的\s*(?:母公司|子公司|控股股东|大股东|运营方|运营商|营运商|开发商|经营方|所属公司)\s*"
    r"(?P<name>[\u3400-\u9fff]{2,8}?)(?=[，。；：、,;:（(]|\s|$)"
)


_CLAUSE_CHARS = frozenset("的了在是和与及将被把对向从已也都就还说称表")


def related_companies(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    simple = simplified_script(text)
    found = []
    for start, end in spans:
        for match in _RELATED.finditer(simple, start, end):
            name = match.group("name")
            if name[0] in NOT_SUBJECT_START | VERB_START or any(
                char in _CLAUSE_CHARS for char in name
            ):
                continue  # "的母公司也将…": a clause, not a name
            if ANY_TRIGGER.search(name):
                continue  # "设立的子公司完成工商登记": what the company did, not its name
            at, stop = match.span("name")
            found.append(Recognised(text[at:stop], at, stop, "company"))
    return found


# "陈姓男工", "一名李姓司机", "黄姓女子": a person the news names by surname and role.
_SURNAMED = re.compile(
    r"(?P<name>(?P<surname>[\u3400-\u9fff])姓"
    r"(?:男|女)?(?:子|士|工|童|婴|生|翁|妇|孩|性|学生|工人|司机|乘客|旅客|游客|住户|居民|村民"
    r"|市民|店主|店员|职员|员工|医生|护士|教师|老师|警员|保安|船员|渔民|农民|商人|车主|少年"
    r"|少女|青年|老人|老翁|老妇|患者|病人|死者|伤者|嫌犯|疑犯|男童|女童))"
)


# "共同出资组建湿地公园运营公司", "设立华泰新材料有限公司": a company the clause founds,
# named after the verb that founds it; "该公司" after it stands for it.
_FOUNDED_COMPANY = re.compile(
    r"(?:组建|成立|设立|注册成立|创办|创立|合资成立|合资组建)(?:了|一家)?"
    r"(?P<name>[\u3400-\u9fff]{3,10}?(?:有限责任公司|股份有限公司|有限公司|公司))"
    r"(?=[，。；、,;\s（(]|$)"
)


def founded_companies(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Companies named as what a clause founds ("组建湿地公园运营公司")."""
    simple = simplified_script(text)
    found = []
    for start, end in spans:
        for match in _FOUNDED_COMPANY.finditer(simple, start, end):
            name = match.group("name")
            if name[0] in NOT_SUBJECT_START | VERB_START or _GENERIC_ORG.fullmatch(name):
                continue  # "成立新公司", "设立合资公司": a kind of company, not its name
            if any(char in _CLAUSE_CHARS for char in name):
                continue
            at, stop = match.span("name")
            found.append(Recognised(text[at:stop], at, stop, "company"))
    return found


def surnamed_people(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """A person named by a surname, 姓 and a role ("陈姓男工"): news writes them so when it
    withholds the given name."""
    simple = simplified_script(text)
    found = []
    for start, end in spans:
        for match in _SURNAMED.finditer(simple, start, end):
            if match.group("surname") not in SURNAMES:
                continue
            at, stop = match.span("name")
            found.append(Recognised(text[at:stop], at, stop, "person"))
    return found


# A description before a group's 的 that names one body, not which of a kind ("附近工厂的").
_NAMED_OWNER = re.compile(
    r"(?!附近|当地|本地|该|这|那|多|各|一些|部分|数|几|周边|邻近|受影响)[\u3400-\u9fff]{2,6}"
    r"(?:集团|公司|银行|医院|大学|中学|小学|学校|政府|局|署|厂|协会|工会|农会)的"
)


def chinese_groups(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """People of a kind acting together as a clause's subject, named with the place or body
    they belong to when the text gives it: a group actor ("村民", "公立医院医生")."""
    simple = simplified_script(text)
    found = []
    for start, end in spans:
        for match in _GROUP.finditer(simple, start, end):
            name_start, name_end = match.span("name")
            if _NAMED_OWNER.fullmatch(match.group("which") or ""):
                continue  # "青山集团的员工": a named body's people, who act for the body
            if _names_a_person_next(simple, match.end()):
                continue  # "渔民陈大海救起…": what the person is, written before the name
            found.append(
                Recognised(text[name_start:name_end], name_start, name_end, "organization")
            )
    return found


def _names_a_person_next(simple: str, at: int) -> bool:
    """Whether the words right after a people noun name one person ("渔民陈大海")."""
    rest = re.match(r"[^，。；：！？\n,;:!?]{1,12}", simple[at:])
    if rest is None:
        return False
    words = chinese_words(rest.group())
    return bool(words) and words[0][1] == "PER"


def chinese_things(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Named things and bodies (`timeline.pipeline.named_things`): "临江大桥", "香港警方",
    "港尾夜市自治會". A thing is read as an organisation: what a clause tells of it is
    told of it as of a body (there is no kind of its own for a bridge or a storm)."""
    kinds = {"brand": "product", "company": "company"}
    return [
        Recognised(text[start:end], start, end, kinds.get(sort, "organization"))
        for start, end, sort in named_things(simplified_script(text), spans)
    ]


# Heads that make no thing's name after a place: people, generic subjects, and where about
# the place ("台东|外海发生地震", "江川|城区"), which leave the place itself the subject.
_EXCLUDED_HEADS = (
    word_list("zh_people_nouns.txt")
    | word_list("zh_generic_subjects.txt")
    | word_list("zh_place_parts.txt")
)


def whole_names(
    text: str,
    spans: Sequence[tuple[int, int]],
    tag_spans: Sequence[tuple[int, int]] | None,
) -> list[Recognised]:
    """Bodies and things whose names the tagger cuts short or runs on, read whole by their
    structure (`timeline.pipeline.whole_names`): "康樂及文化事務署", "青石古桥"."""
    simple_text = simplified_script(text)
    found = [
        Recognised(text[start:end], start, end, "organization")
        for start, end in whole_bodies(simple_text, spans, words_of_name)
    ]
    found.extend(
        Recognised(text[start:end], start, end, "organization")
        for start, end in units_under(simple_text, spans, words_of_name, excluded=_EXCLUDED_HEADS)
    )
    tagged_spans = tuple(tag_spans if tag_spans is not None else spans)
    found.extend(
        Recognised(text[start:end], start, end, "organization")
        for start, end in nouned_things(
            simple_text,
            tagged_spans,
            tagged_words(simple_text, tagged_spans),
            excluded=_EXCLUDED_HEADS,
        )
    )
    return found


def titled_people(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """People named right after their post: the name starts with a surname, or, when it
    does not (巴特尔), the article writes it again."""
    found = []
    simple_text = simplified_script(text)
    for start, end in spans:
        simple = simple_text[start:end]
        for title in _AFTER_TITLE.finditer(simple):
            at = title.end()
            for length in (3, 2, 4):
                name = simple[at : at + length]
                after = simple[at + length : at + length + 1]
                if len(name) < length or not HAN_RUN.fullmatch(name):
                    continue
                if any(char in NAME_STOP for char in name):
                    continue
                if (
                    after
                    and after not in _PERSON_FOLLOW
                    and not _AFTER_TITLE.match(simple, at + length)
                    and not (
                        length == 3
                        and name[0] in SURNAMES
                        and count_of(text, text[start + at : start + at + length]) >= 3
                    )
                ):
                    # "物理学家麦咏诗教授": a title may close the name too; a surnamed name
                    # written again and again is a name whatever follows it here.
                    continue
                surnamed = name[0] in SURNAMES or name.startswith(COMPOUND_SURNAMES)
                if length == 4 and not name.startswith(COMPOUND_SURNAMES):
                    surnamed = False
                if not surnamed and (
                    length < 3 or count_of(text, text[start + at : start + at + length]) < 2
                ):
                    continue  # "巴特尔" written again; "(选手)参赛" is no name
                if name in NOT_ACTORS or _TITLE_IN.search(name) or _AFTER_TITLE.match(name):
                    continue
                position = start + at
                found.append(
                    Recognised(
                        text[position : position + length], position, position + length, "person"
                    )
                )
                break
    return found


_TITLE_IN = re.compile(r"教授|董事|总裁|经理|主席|部长|局长|创始人|负责人|发言人|记者|分析师")


_NAMED_MODEL = re.compile(
    r"(?:发布|推出|上线|开源|升级)了?(?:新一代|新款|首款|全新)?"
    r"(?P<name>[\u3400-\u9fff]{2,4}?|[A-Za-z][\w.-]*)(?:系列)?(?=大模型|模型)"
)


_NOT_MODEL_NAMES = frozenset({"多模态", "开源", "语言", "视觉", "推理"})


def titled_works(text: str) -> list[Recognised]:
    """ "推出《王者荣耀》", "發布「星河」": a title quoted right after a release verb; "发布豆包大
    模型": the name before 大模型."""
    found = []
    simple = simplified_script(text)
    for match in _NAMED_MODEL.finditer(simple):
        name = match.group("name")
        if name[0] in NOT_SUBJECT_START or name[0] in "了的着过" or name in _NOT_MODEL_NAMES:
            continue
        if any(char in "〇零一二两三四五六七八九十百千万亿参数" for char in name):
            continue  # "千亿参数模型": a size, not a name
        if _GENERIC_END.search(name) or name.upper() in ACRONYMS:
            continue
        at = match.start("name")
        found.append(Recognised(text[at : at + len(name)], at, at + len(name), "model"))
    titles = Counter(match.group(1) for match in _BOOK_TITLE.finditer(text))
    for match in _BOOK_TITLE.finditer(text):
        before = simple[max(0, match.start() - 14) : match.start()]
        after = simple[match.end() : match.end() + 24]
        # A title the article comes back to is what it is about: "《山海行》正式上线…
        # 《山海行》玩家…" (a book-title mark, not a quotation mark, names a work).
        named_again = match.group()[0] == "《" and titles[match.group(1)] >= 2
        if _SHOP_BEFORE.search(before):
            continue  # "在募资平台「众力集」推出…": where a work was put out, not the work
        if _RELEASED_TITLE.search(before) or _RELEASED_AFTER.match(after) or named_again:
            found.append(Recognised(match.group(1), match.start(1), match.end(1), "product"))
    return found


# A date LAC tags as the end of a name: "华光科技5日", "王建民10月3日".
_GLUED_DATE = re.compile(r"\d{1,4}\s*[年月日号][\d年月日号]*$")
# A date straight after a name: "10月3日", "5日", "2019年", "3月".
_DATE_AFTER = re.compile(r"\d{1,4}\s*(?:年|月|日|号)")
BODY_END = re.compile(
    r"(?:局|署|部|委|厅|处|府|法院|检察院|委员会|警方|盟|[总支大中]队|派出所|气象台|天文台)$"
)
