"""Chinese short forms: a name's tail (or its tail and 方, or after 该) standing where a
clause's subject or a party stands is read as the latest name it ends; a discovered name that
is only such a short form is no actor of its own; a full name a short form refers back to is
proposed to the recogniser."""

import pytest

from timeline.pipeline.actors import ActorMention, fold_text
from timeline.pipeline.short_forms import (
    names_referred_back,
    short_forms,
    without_short_forms,
)


def _mentions(text: str, names: dict[str, str]) -> list[ActorMention]:
    """A mention for every place each name is written, in text order."""
    found = []
    for slug, name in names.items():
        at = text.find(name)
        while at >= 0:
            found.append(ActorMention(slug, name, at, at + len(name)))
            at = text.find(name, at + len(name))
    return sorted(found, key=lambda mention: mention.char_start)


def _kinds(kinds: dict[str, str]):
    return lambda slug: kinds.get(slug, "organization")


@pytest.mark.parametrize(
    ("text", "names", "short", "slug"),
    [
        # a tail opening a clause
        ("鹤鸣物流集团成立于2001年。集团去年8月宣布裁员。", {"h": "鹤鸣物流集团"}, "集团", "h"),
        (
            "九龍木器工藝行會昨日舉行大會。行會成立於1945年。",
            {"k": "九龍木器工藝行會"},
            "行會",
            "k",
        ),
        ("临川水务公司运营南湖水厂。水厂今年4月停止供水。", {"s": "南湖水厂"}, "水厂", "s"),
        # a tail and 方, opening a clause or standing as a party
        ("東灣消防處昨日表示，處方本月5日已收到投訴。", {"d": "東灣消防處"}, "處方", "d"),
        ("松涛茶楼被撤销牌照。警署上月通知楼方停业。", {"t": "松涛茶楼"}, "楼方", "t"),
        # after a determiner, one character is enough
        ("华光机械厂发生火灾后，该厂3月2日停产整顿。", {"g": "华光机械厂"}, "该厂", "g"),
        ("金沙電影院上月結業，這家影院本月拆卸。", {"j": "金沙電影院"}, "這家影院", "j"),
        # a staff noun in 员 after the body's tail: its people doing its work
        (
            "翠谷森林管理處北山工作站負責巡護。工作站巡護員今年1月發現盜伐痕跡。",
            {"c": "翠谷森林管理處北山工作站"},
            "工作站巡護員",
            "c",
        ),
        # the latest of two names the tail ends
        (
            "东湖分局去年成立。西岭分局上月开业。分局本月3日查获一批假药。",
            {"e": "东湖分局", "w": "西岭分局"},
            "分局",
            "w",
        ),
        # a descriptor written right before the name
        (
            "由非政府機構「晴光之家」營運的宿舍被揭超額收容。該機構2011年成立。",
            {"q": "晴光之家"},
            "該機構",
            "q",
        ),
        # a descriptor of one word stands for the name whole
        (
            "由慈善機構「綠野基金」營運的農場昨日停業。該機構2015年成立。",
            {"v": "綠野基金"},
            "該機構",
            "v",
        ),
    ],
)
def test_a_short_form_stands_for_the_latest_name_it_ends(text, names, short, slug):
    folded = fold_text(text)
    found = short_forms(folded, _mentions(folded, _folded(names)), _kinds({}))
    assert (text.rindex(short), text.rindex(short) + len(short), slug) in found


@pytest.mark.parametrize(
    ("text", "names", "kinds", "words"),
    [
        # the tail runs on into another noun or name
        ("红枫浴场开业多年。浴场门前上周停满了车。", {"r": "红枫浴场"}, {}, "浴场"),
        ("红枫集团去年上市。集团公司上月改名。", {"r": "红枫集团"}, {}, "集团"),
        # a different full name ending in the same head
        ("滨江市民政局宣布新规。市政府6月1日公布细则。", {"m": "滨江市民政局"}, {}, "市政府"),
        # people who act as a group of their own, not the body's work
        ("北岭钢铁公司去年亏损。公司员工3月10日举行罢工。", {"b": "北岭钢铁公司"}, {}, "公司员工"),
        # everyday words in 方
        ("北岭钢铁公司与南山矿业去年合作。双方上月签约。", {"b": "北岭钢铁公司"}, {}, "双方"),
        # a place, a person: no short forms
        ("青州市去年扩建港口。州市上月公布规划。", {"p": "青州市"}, {}, "州市"),
        ("陈志明上月辞职。志明今年3月创业。", {"z": "陈志明"}, {"z": "person"}, "志明"),
        # a tail of one character with no 方 and no determiner
        ("华光机械厂发生火灾。厂3月2日停产。", {"g": "华光机械厂"}, {}, "厂"),
    ],
)
def test_what_is_no_short_form(text, names, kinds, words):
    folded = fold_text(text)
    found = short_forms(folded, _mentions(folded, _folded(names)), _kinds(kinds))
    at = text.rindex(words)
    assert not any(start <= at < end or at <= start < at + len(words) for start, end, _ in found)


@pytest.mark.parametrize(
    ("text", "names", "short", "becomes"),
    [
        (
            "社區康樂署上月宣布新規。署方本月3日接獲投訴。",
            {"f": "社區康樂署", "x": "署方"},
            "署方",
            "f",
        ),
        (
            "林务局东岭分处负责巡山。分处巡山员今年2月发现锯痕。",
            {"l": "林务局东岭分处", "x": "分处巡山员"},
            "分处巡山员",
            "l",
        ),
        ("海港管理局去年成立。管理局今年裁员。", {"h": "海港管理局", "x": "管理局"}, "管理局", "h"),
        # a name of its own that ends otherwise stays
        (
            "海港管理局去年成立。渔民协会今年抗议。",
            {"h": "海港管理局", "x": "渔民协会"},
            "渔民协会",
            "x",
        ),
        # a person's name is never a short form
        ("王海港上月退休。海港今年创业。", {"p": "王海港", "x": "海港"}, "海港", "x"),
    ],
)
def test_a_discovered_short_form_is_the_name_it_refers_back_to(text, names, short, becomes):
    folded = fold_text(text)
    mentions = _mentions(folded, _folded(names))
    mentions = [m for m in mentions if not (m.slug == "x" and m.char_start < text.rindex(short))]
    kinds = {"p": "person"}
    kept = without_short_forms(folded, mentions, frozenset({"x"}), _kinds(kinds))
    at = text.rindex(short)
    assert [m.slug for m in kept if m.char_start == at] == [becomes]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("临川水务公司运营南湖水厂。水厂今年4月停止供水三天。", "南湖水厂"),
        ("「福滿軒茶餐廳」昨日被撤銷牌照，廳方今日（20日）提出上訴。", "福滿軒茶餐廳"),
        # one character and 方: only a name the tagger reads whole
        ("青松颐养院被曝收费不当。院方5月3日发表声明致歉。", "青松颐养院"),
        ("翠谷森林管理處北山工作站負責巡護。工作站巡護員今年1月發現盜伐痕跡。", "北山工作站"),
    ],
)
def test_the_name_a_short_form_refers_back_to_is_proposed(text, name):
    proposed = {candidate.text for candidate in names_referred_back(text, [(0, len(text))])}
    assert any(found.endswith(name) for found in proposed)


@pytest.mark.parametrize(
    "text",
    [
        # a description, not a name: no proper name's word before the head (the name
        # written before it is the one proposed)
        "星港乐园是华北最大的海洋主题乐园之一。乐园去年接待游客410万人次。",
        # a description written right before the name
        "飞鱼科技发布新款旗舰机型飞鱼S3。次日，该机型首销。机型今年停产。",
        "台灣影音串流平台「樂映」昨天宣布漲價。平台2022年底的會員數為120萬。",
        # after a determiner the antecedent is as often a description
        "嘉禾港务集团第三期自动化集装箱码头投入运营。该码头于2021年11月开工。",
    ],
)
def test_no_name_is_proposed_from_a_description(text):
    proposed = {candidate.text for candidate in names_referred_back(text, [(0, len(text))])}
    assert not proposed & {"海洋主题乐园", "新款旗舰机型", "台灣影音串流平台", "自动化集装箱码头"}
    assert not [name for name in proposed if name.endswith(("机型", "平台", "码头"))]


def _folded(names: dict[str, str]) -> dict[str, str]:
    return {slug: fold_text(name) for slug, name in names.items()}


@pytest.mark.parametrize(
    ("text", "actor", "start"),
    [
        ("東灣消防處昨日表示，處方本月5日已收到居民投訴。", "東灣消防處", "2025-06-05"),
        ("临川水务公司运营南湖水厂。水厂今年4月停止供水三天。", "南湖水厂", "2025-04-01"),
        ("华光机械厂发生火灾后，该厂3月2日停产整顿。", "华光机械厂", "2025-03-02"),
        ("青松颐养院被曝收费不当。院方5月3日发表声明致歉。", "青松颐养院", "2025-05-03"),
        (
            "翠谷森林管理處北山工作站負責巡護。工作站巡護員今年1月發現一處盜伐痕跡。",
            "翠谷森林管理處北山工作站",
            "2025-01-01",
        ),
    ],
)
def test_an_article_gives_the_short_forms_clause_to_the_full_name(main_actors, text, actor, start):
    claims = main_actors(text, "2025-06-20")
    assert (actor, start) in [(name, date) for name, date, _quote in claims]


@pytest.mark.parametrize(
    ("text", "actor", "start"),
    [
        # 该机构 takes the name its descriptor was written before, not the latest body
        (
            "由慈善機構「綠野基金」營運的農場昨日（19日）停業，漁護署前日（18日）派員巡查。"
            "該機構2015年成立。",
            "綠野基金",
            "2015-01-01",
        ),
        # 该单位, with no name ending so: the latest body that led its clause
        (
            "滨海市环保局上月通报了污染情况。该单位今年3月对两家工厂处以罚款。",
            "滨海市环保局",
            "2025-03-01",
        ),
    ],
)
def test_a_body_referred_to_by_its_kind_is_chosen_by_its_description_then_recency(
    main_actors, text, actor, start
):
    claims = main_actors(text, "2025-06-20")
    assert (actor, start) in [(name, date) for name, date, _quote in claims]
