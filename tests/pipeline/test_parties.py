"""Who a Chinese claim is about, with no gazetteer: the actor standing first in its clause,
past a title or the part it plays ("船长", "承建方"), and not a name carried from before.
The sentences are written for these tests, in both scripts."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article
from timeline.pipeline.recogniser import recognise

EMPTY = ActorMatcher([])


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # An occupational title before a person's name is no part of the name.
        ("渡轮周二起遭遇大浪。船长罗志诚于13日决定折返基隆港。", "罗志诚", "2025-03-13"),
        ("纺织厂经营困难。厂长蒋德胜3月10日带队赴宁波考察。", "蒋德胜", "2025-03-10"),
        ("山區連日暴雨。村長何永福昨日召集村民撤離。", "何永福", "2025-03-14"),
        ("球隊上季成績不佳，主教練葛曉峰於本月2日帶隊赴日集訓。", "葛曉峰", "2025-03-02"),
        # The part a company plays ("运营方", "承办方") is no part of its name.
        (
            "地铁3号线昨日早高峰停运两小时。运营方青城地铁公司当天下午致歉。",
            "青城地铁公司",
            "2025-03-14",
        ),
        ("演唱會臨時取消。承辦方華音文化公司3月12日宣布全額退票。", "華音文化公司", "2025-03-12"),
    ],
)
def test_a_title_or_a_part_played_before_a_name_is_not_the_name(main_actors, text, name, start):
    found = [(n, s) for n, s, _quote in main_actors(text)]

    assert (name, start) in found
    assert not any(n and n != name and name in n for n, _s in found)


@pytest.mark.parametrize(
    ("text", "name", "carried"),
    [
        # The sentence before is about the company; the clause opening on a person is the
        # person's.
        (
            "海星邮轮表示，航程中段起多名乘客不适，船长柯明远于13日决定取消济州一站。",
            "柯明远",
            "海星邮轮",
        ),
        (
            "華東漁業公司虧損嚴重，董事長陳家輝3月5日決定出售兩艘漁船。",
            "陳家輝",
            "華東漁業公司",
        ),
    ],
)
def test_a_clause_opening_on_a_name_is_that_names(main_actors, text, name, carried):
    mains = [n for n, _s, quote in main_actors(text) if name in quote]

    assert mains == [name]


@pytest.mark.parametrize(
    "text",
    [
        # A regulator acting on a company: the company is what befalls.
        "今年3月，工信部批准华讯通信在全国商用5G-A网络。",
        # A name that qualifies the subject with 的 is not the subject.
        "李明远领导下的星辰科技3月3日被质疑抄袭竞品。",
    ],
)
def test_an_opening_body_or_qualifier_gives_way(main_actors, text):
    mains = [n for n, _s, _q in main_actors(text)]

    assert "工信部" not in mains and "李明远" not in mains


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # A chain of administrative places is one located place: the smallest.
        ("6月3日凌晨，云南省永平县石门镇杉木村发生泥石流，冲毁房屋5栋。", "杉木村", "2025-06-03"),
        ("广东省梅州市平远县东石镇本月5日遭遇冰雹袭击。", "东石镇", "2025-06-05"),
        # A place where something happened, off its coast.
        ("花蓮外海昨日發生規模5.8地震，多處山區落石。", "花蓮", "2025-06-09"),
        # A province's or a county's own body, its name cut short to 省/县.
        ("大雾导致多车追尾。县交警大队6月8日晚封闭该路段。", "县交警大队", "2025-06-08"),
        ("山洪暴发后，省消防救援总队6月7日派出300名消防员。", "省消防救援总队", "2025-06-07"),
    ],
)
def test_the_place_a_happening_is_about(main_actors, text, name, start):
    found = [(n, s) for n, s, _quote in main_actors(text, "2025-06-10")]

    assert (name, start) in found
    assert not any(n in {"云南省", "永平县", "广东省", "梅州市", "省消防"} for n, _s in found)


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # A place's or a body's people acting together, as the clause's subject.
        ("青山村村民4月20日到镇政府门前聚集，要求停建化工厂。", "青山村村民", "2026-04-20"),
        ("公立醫院前線醫生4月22日發起集體請假行動。", "公立醫院前線醫生", "2026-04-22"),
        # Counted: how many of them acted.
        ("4月16日，约300名渔民到海事局门前请愿，要求恢复捕捞。", "渔民", "2026-04-16"),
        ("4月18日，數百名家長趕到學校，要求撤回加費決定。", "家長", "2026-04-18"),
    ],
)
def test_a_group_of_people_acting_together(main_actors, text, name, start):
    found = [(n, s) for n, s, _quote in main_actors(text, "2026-04-23")]

    assert (name, start) in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A group that only qualifies a figure is no actor, and a figure is no claim.
        ("2025年，青山村村民人均收入达2.1万元。", "青山村村民"),
        ("去年，医生的比例下降至两成。", "医生"),
    ],
)
def test_a_group_in_a_figure_is_no_actor(main_actors, text, absent):
    assert absent not in [n for n, _s, _q in main_actors(text, "2026-04-23")]


@pytest.mark.parametrize(
    ("text", "name", "glued"),
    [
        # A verb a tagger runs into the body after it is never part of the body's name.
        (
            "4月20日，數百名醫生抗議醫院管理局削減補償。醫院管理局當晚回應。",
            "醫院管理局",
            "抗議醫院管理局",
        ),
        ("货运司机4月19日起诉市交通运输局违规收费。", "市交通运输局", "起诉市交通运输局"),
    ],
)
def test_a_leading_verb_is_no_part_of_a_body(tmp_path, text, name, glued):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2026-04-23\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = [n.text for n in recognise(text, "zh-Hant", [(0, len(text))], EMPTY)]

    assert name in names
    assert glued not in names
    assert glued not in [entry.name for entry in extraction.discovered]


@pytest.mark.parametrize(
    ("text", "name", "agent"),
    [
        # Fined: the company it befalls is the main actor, not the agent after 遭.
        (
            "叫车平台营运商星途科技股份有限公司6月2日遭交通部公路局裁罚。",
            "星途科技股份有限公司",
            "交通部公路局",
        ),
        ("外送平台營運商飛達網路公司6月1日遭環保署裁罰兩百萬元。", "飛達網路公司", "環保署"),
    ],
)
def test_what_befalls_a_company_is_the_companys(main_actors, text, name, agent):
    found = [n for n, _s, _q in main_actors(text, "2026-06-04")]

    assert found and found[0] == name
    assert "遭" + agent not in found and "營運" not in found and "营运" not in found


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        # "由X收购": the one named after 由 buys.
        ("青松酒店1985年开业，2019年由远山置业公司收购并重新装修。", "远山置业公司"),
        ("港灣酒店1972年開業，2020年由星河娛樂公司收購。", "星河娛樂公司"),
    ],
)
def test_the_buyer_after_you_is_the_acquirer(tmp_path, text, buyer):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2026-06-04\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (claim,) = [c for c in extraction.claims if c.event_type == "acquisition"]

    assert [names.get(s) for s, role in claim.actors if role == "acquirer"] == [buyer]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The company named after "X的母公司" is a company of its own, and the one a deal
        # with "X的母公司" is about.
        ("今年3月，远峰资本投资了Lumo的母公司星曜智能，占股20%。", "星曜智能"),
        ("去年，华岳集团收购了该品牌的运营方青禾食品，交易金额未披露。", "青禾食品"),
    ],
)
def test_a_company_named_for_how_it_stands_to_another(tmp_path, text, name):
    names = [n.text for n in recognise(text, "zh-Hans", [(0, len(text))], EMPTY)]

    assert name in names


def test_what_a_related_company_did_is_not_its_name():
    text = "两周前，公司在泰国设立的子公司完成工商登记。"

    assert "完成工商登记" not in [
        n.text for n in recognise(text, "zh-Hans", [(0, len(text))], EMPTY)
    ]


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # A numbered line is a thing a clause tells of; its number alone, or 线路, stands for
        # it afterwards.
        ("青州市地铁2号线5月8日晚高峰因信号故障停运。", "青州市地铁2号线", "2025-05-08"),
        ("青州市地铁2号线今年通车。2号线5月9日又因信号故障停运。", "青州市地铁2号线", "2025-05-09"),
        ("濱海輕軌1號線2019年通車。2023年8月，線路曾因颱風停駛。", "濱海輕軌1號線", "2023-08-01"),
    ],
)
def test_a_numbered_line_and_its_short_forms(main_actors, text, name, start):
    found = [(n, s) for n, s, _quote in main_actors(text, "2025-05-10")]

    assert (name, start) in found


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # A quoted name with its kind after it is a thing; the quote marks are no words
        # before the clause's subject.
        ("「藍鯨六號」郵輪本月10日從基隆啟航。", "藍鯨六號", "2024-10-10"),
        ("“青鸟”乐团10月12日在杭州举行告别演出。", "青鸟", "2024-10-12"),
    ],
)
def test_a_quoted_name_with_its_kind_after_it(main_actors, text, name, start):
    found = [(n, s) for n, s, _quote in main_actors(text, "2024-10-17")]

    assert (name, start) in found


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # 它 / 牠 opening a clause stands for the thing or the animal named before.
        ("青山隧道2015年通车。它今年3月完成翻修。", "青山隧道", "2025-03-01"),
        ("白犀牛「阿蓮」今年十歲。牠今年5月20日產下一頭幼犀。", "阿蓮", "2025-05-20"),
        # A surnamed name after a title, written again and again, whatever follows it.
        (
            "由練馬師麥永康訓練的馬匹昨日勝出。麥永康賽後很高興。麥永康今年3月獲發牌照。",
            "麥永康",
            "2025-03-01",
        ),
    ],
)
def test_a_thing_or_an_animal_referred_to_and_a_titled_name(main_actors, text, name, start):
    found = [(n, s) for n, s, _quote in main_actors(text, "2025-06-10")]

    assert (name, start) in found


def test_a_counted_group_of_a_bodys_people_acts_for_the_body(main_actors):
    text = "青城公交公司约300名司机6月3日起停止出车。6月5日，司机陆续恢复运营。"

    found = [(n, s) for n, s, _quote in main_actors(text, "2025-06-10")]

    assert ("青城公交公司", "2025-06-03") in found
    assert ("司机", "2025-06-05") in found


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # The part of an institution named alone after its full name, and 馆内 / 馆方
        # standing for the 馆 named before.
        (
            "青州市立博物馆新总馆去年5月开馆。今年3月，新总馆获得省建筑奖。",
            "青州市立博物馆新总馆",
            "2025-03-01",
        ),
        (
            "嘉義市立圖書館新總館去年10月5日開館。10月6日，館內電梯突然故障。",
            "嘉義市立圖書館新總館",
            "2024-10-06",
        ),
    ],
)
def test_a_part_of_an_institution_and_the_words_for_it(main_actors, text, name, start):
    found = [(n, s) for n, s, _quote in main_actors(text, "2025-06-10")]

    assert (name, start) in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A province before a city's body is where the body is, not part of its name.
        ("浙江青州市政府6月3日晚发布通告，宣布暂停新区建设。", "青州市政府"),
        ("6月4日，福建省平和县自然资源局发布地质灾害预警。", "平和县自然资源局"),
    ],
)
def test_a_province_before_a_citys_body(main_actors, text, name):
    assert name in [n for n, _s, _q in main_actors(text, "2025-06-10")]


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # The city's or the county's government by its short name acts on its own.
        ("市府今年3月追加預算2億元。", "市府", "2025-03-01"),
        ("县府5月8日启动应急响应。", "县府", "2025-05-08"),
    ],
)
def test_a_government_by_its_short_name(main_actors, text, name, start):
    assert (name, start) in [(n, s) for n, s, _q in main_actors(text, "2025-06-10")]


def test_a_mayor_is_not_the_city_government(main_actors):
    assert "市府" not in [n for n, _s, _q in main_actors("市府长官5月8日视察工地。", "2025-06-10")]


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # Councils and centres of a public service are bodies that act.
        ("保險業議會10月16日表示，已接獲30宗投訴。", "保險業議會", "2024-10-16"),
        ("卫生防护中心10月15日派员到学校调查。", "卫生防护中心", "2024-10-15"),
    ],
)
def test_councils_and_centres_are_bodies(main_actors, text, name, start):
    assert (name, start) in [(n, s) for n, s, _q in main_actors(text, "2024-10-17")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "X的母公司Y": Y, the parent, is what the clause tells of.
        ("6月3日，青禾食品的母公司华岳集团宣布裁员300人。", "华岳集团"),
        ("6月4日，綠島飲料的母公司宏泰集團宣布裁員200人。", "宏泰集團"),
    ],
)
def test_a_parent_named_after_its_subsidiary_is_the_subject(main_actors, text, name):
    assert [n for n, _s, _q in main_actors(text, "2025-06-10")][:1] == [name]
