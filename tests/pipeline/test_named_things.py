"""Named things and bodies as actors: a distinctive part and a kind noun ("大桥", "颱風",
"自治會", "警方"), a vessel's hull number, a quoted name after its kind; and the words that
keep a kind from being a name."""

import pytest

from timeline.pipeline.actors import ActorMatcher, alias_key
from timeline.pipeline.dates import find_dates
from timeline.pipeline.extract import extract_article
from timeline.pipeline.named_things import load_named_kinds
from timeline.pipeline.reading import read_article
from timeline.pipeline.recogniser import discover

EMPTY = ActorMatcher([])


def _names(text: str, language: str) -> dict[str, str]:
    dates = [(m.char_start, m.char_end) for m in find_dates(text, reference=None).mentions]
    entries = discover(text, language, [(0, len(text))], EMPTY, dates=dates)
    return {alias_key(alias): entry.name for entry in entries for alias in entry.aliases}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("横跨两岸的青石大桥今日正式通车，大桥全长3公里。", "zh-Hans", "青石大桥"),
        ("白沙公路昨晚发生坍方，交通中断。", "zh-Hans", "白沙公路"),
        ("鸣沙古城遗址去年被列为保护单位。", "zh-Hans", "鸣沙古城遗址"),
        ("位于城南的云湖乐园上月暂停营业，云湖乐园表示将整改。", "zh-Hans", "云湖乐园"),
        ("滨海市消防救援支队当晚救出被困者。", "zh-Hans", "滨海市消防救援支队"),
        ("铁路员工工会昨日宣布罢工。", "zh-Hans", "铁路员工工会"),
        ("去年8月，货轮“远湾128号”在港外搁浅。", "zh-Hans", "远湾128号"),
        ("三月，海丰渔06号在外海失去联系。", "zh-Hans", "海丰渔06号"),
        ("赛事组委会今日发布通报。", "zh-Hans", "赛事组委会"),
        ("北港天后宮今(3)日舉行遶境，天后宮管理委員會表示人潮創新高。", "zh-Hant", "北港天后宮"),
        ("輕度颱風白鷺昨日登陸。白鷺是今年第5個颱風。", "zh-Hant", "白鷺"),
        ("東門夜市自治會於週二召開會員大會。", "zh-Hant", "東門夜市自治會"),
        ("電子業員工協會今早到總部請願。", "zh-Hant", "電子業員工協會"),
        ("動保團體「海洋守護聯盟」上月到場抗議。", "zh-Hant", "海洋守護聯盟"),
        ("九龍警方昨日拘捕兩名男子。", "zh-Hant", "九龍警方"),
    ],
)
def test_a_name_ending_in_a_kind_noun_is_an_actor(text, language, name):
    assert alias_key(name) in _names(text, language)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("今年高速公路车流量增长5%。", "zh-Hans", "高速公路"),
        ("当地警方昨日到场处理。", "zh-Hans", "当地警方"),
        ("市区三座大桥上月完成检修。", "zh-Hans", "三座大桥"),
        ("该市主题乐园去年接待游客300万人次。", "zh-Hans", "主题乐园"),
        ("风电场最后一台风机上月完成调试。", "zh-Hans", "一台风"),
        ("據碑文記載廟宇曾於清代重修。", "zh-Hant", "記載廟"),
        ("中央氣象署於週一發布海上颱風警報。", "zh-Hant", "海上颱風"),
        ("中央氣象署於週一發布海上颱風警報。", "zh-Hant", "警報"),
        ("市府昨日宣布成立員工工會。", "zh-Hant", "宣布成立員工工會"),
    ],
)
def test_a_kind_noun_alone_or_after_a_generic_word_names_nothing(text, language, word):
    assert alias_key(word) not in _names(text, language)


@pytest.mark.parametrize(
    ("text", "language", "short", "full"),
    [
        # The name without its place joins the full name.
        (
            "江南市翠湖公园上月闭园整修。翠湖公园昨日重新开放。",
            "zh-Hans",
            "翠湖公园",
            "江南市翠湖公园",
        ),
        # A body named after a thing is another actor than the thing.
        (
            "東門夜市自治會於週二召開大會。東門夜市去年獲評十大夜市。",
            "zh-Hant",
            "東門夜市",
            "東門夜市",
        ),
    ],
)
def test_short_forms_of_things(text, language, short, full):
    assert _names(text, language)[alias_key(short)] == full


def test_every_row_of_the_named_kinds_file_has_a_known_sort():
    kinds = load_named_kinds()
    assert kinds["body"] and kinds["place"] and kinds["generic"]
    assert not kinds["body"] & kinds["generic"]


@pytest.fixture
def main_actors(tmp_path):
    """The main actor's name and the quote of each claim of a text published 2025-06-10."""

    def read(text: str) -> list[tuple[str, str]]:
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: 2025-06-10\n---\n{text}\n", encoding="utf-8")
        extraction = extract_article(read_article(path), matcher=EMPTY)
        names = {entry.slug: entry.name for entry in extraction.discovered}
        return [(names.get(c.actors[0][0], c.actors[0][0]), c.quote) for c in extraction.claims]

    return read


@pytest.mark.parametrize(
    ("text", "actor", "quote_start"),
    [
        # What befalls a company is told of it, not of the body that acts on it.
        (
            "在网络平台募得逾500万元的智能水杯新创「青禾科技」，昨日遭地检署搜索，负责人被带回约谈。",
            "青禾科技",
            "昨日遭地检署搜索",
        ),
        ("飛揚科技昨(9)日遭調查局搜索，董事長被帶回約談。", "飛揚科技", "飛揚科技"),
        # The operator named after what it runs is the subject, not the run-on of both.
        (
            "海岸游乐园运营方蓝湾文旅集团周二发布道歉声明，称将全额退票。",
            "蓝湾文旅集团",
            "海岸游乐园运营方",
        ),
        # The police, named or not; a bridge; a temple and its side ("廟方"); a zoo's.
        ("香港警方昨日在旺角拘捕3名男子。警方上月已拘捕兩名同黨。", "香港警方", "警方上月"),
        ("石港大桥上月正式通车。大桥全长2公里，由江城建工承建。", "石港大桥", "石港大桥"),
        ("金龍寺上月舉行重修大典。廟方去年發現大殿遭白蟻蛀蝕。", "金龍寺", "廟方去年"),
        ("北岸动物园上月将两只熊猫移至新馆。园方昨日宣布熊猫产仔。", "北岸动物园", "园方昨日"),
    ],
)
def test_the_main_actor_of_a_claim(main_actors, text, actor, quote_start):
    claims = main_actors(text)
    assert (actor, quote_start) in [(name, quote[: len(quote_start)]) for name, quote in claims]


@pytest.mark.parametrize(
    ("text", "language", "short", "full"),
    [
        # A body's name without its place or level, written alone, is the same body.
        ("北海天文台昨日发出暴雨警告。天文台今日取消警告。", "zh-Hans", "天文台", "北海天文台"),
        ("國家檔案局上月公布新規。檔案局表示將加強查核。", "zh-Hant", "檔案局", "國家檔案局"),
    ],
)
def test_a_body_written_without_its_place(text, language, short, full):
    assert _names(text, language)[alias_key(short)] == full


@pytest.mark.parametrize(
    ("text", "language", "person", "not_a_name"),
    [
        (
            "女子组冠军由中国选手林小雨获得，3万名选手参赛。参赛名额明年扩大。",
            "zh-Hans",
            "林小雨",
            "参赛",
        ),
        (
            "台中玩具製造商彩虹玩具公司5日宣布召回積木。",
            "zh-Hant",
            "彩虹玩具公司",
            "台中玩具製造商",
        ),
    ],
)
def test_what_stands_before_a_name_is_no_name(text, language, person, not_a_name):
    names = _names(text, language)
    assert alias_key(person) in names
    assert alias_key(not_a_name) not in names


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("市长办公室今日发表声明。市长办公室表示将彻查。", "市长办公室", "organization"),
        ("民政事务局昨日公布新措施。", "民政事务局", "organization"),
        ("理事长巴特尔今日表示将辞职。", "巴特尔", "person"),
    ],
)
def test_an_office_named_after_a_post_is_a_body(text, name, kind):
    dates = [(m.char_start, m.char_end) for m in find_dates(text, reference=None).mentions]
    entries = discover(text, "zh-Hans", [(0, len(text))], EMPTY, dates=dates)
    assert {(entry.name, entry.kind) for entry in entries} >= {(name, kind)}


def test_a_company_office_is_no_actor():
    assert "公司办公室" not in _names("公司办公室昨日搬迁至新址。", "zh-Hans")


@pytest.mark.parametrize(
    ("text", "actor", "quote_start"),
    [
        # The agent of a passive after the date leaves the sentence's subject in place.
        ("白石古寺創建於1650年，2012年被縣政府登錄為古蹟。", "白石古寺", "2012年"),
    ],
)
def test_a_passive_clause_keeps_its_sentence_subject(main_actors, text, actor, quote_start):
    claims = main_actors(text)
    assert (actor, quote_start) in [(name, quote[: len(quote_start)]) for name, quote in claims]


@pytest.mark.parametrize(
    ("text", "actor", "quote_start"),
    [
        # An institute speaks like a ministry.
        (
            "南岭市地质研究院昨日宣布，勘探队在山区发现一处锂矿。",
            "南岭市地质研究院",
            "南岭市地质研究院",
        ),
        # The European Union is a body that acts, and no company "公司" stands for.
        ("欧盟今年3月下调部分农药残留限量。", "欧盟", "欧盟"),
    ],
)
def test_who_a_claim_is_about(main_actors, text, actor, quote_start):
    claims = main_actors(text)
    assert (actor, quote_start) in [(name, quote[: len(quote_start)]) for name, quote in claims]


def test_a_date_run_into_a_verb_is_no_name():
    assert "年出任研究院" not in _names("他2018年出任研究院副院长，2021年升任院长。", "zh-Hans")


def test_a_supermarket_is_a_company():
    text = "惠民超市上周宣布收购两家门店。惠民超市表示将配合调查。"
    dates = [(m.char_start, m.char_end) for m in find_dates(text, reference=None).mentions]
    entries = discover(text, "zh-Hans", [(0, len(text))], EMPTY, dates=dates)
    assert ("惠民超市", "company") in {(entry.name, entry.kind) for entry in entries}


def test_a_platform_where_a_work_is_put_out_is_neither_its_maker_nor_the_work(main_actors):
    claims = main_actors(
        "行者科技2023年成立。2024年3月，它在募资平台「众力集」推出新款背包。"
        "众力集上月宣布冻结行者科技剩余款项。"
    )
    actors = {quote[:8]: name for name, quote in claims}
    assert actors["2024年3月，"] == "行者科技"
    assert actors["众力集上月宣布冻"] == "众力集"


def test_an_approving_body_is_no_topic_of_the_sentence(main_actors):
    claims = main_actors(
        "青澜能源负责建设南湾风电场。项目于2022年获省能源局核准，2023年3月开工。"
        "今年6月，青澜能源宣布全部风机并网发电。"
    )
    assert ("省能源局", "2023年3月开工") not in claims


@pytest.mark.parametrize("word", ["实现", "二期"])
def test_a_verb_or_a_phase_after_a_date_is_no_name(word):
    text = "今年6月，实现全容量并网发电。二期项目去年开工，二期工程今年完工。"
    assert word not in _names(text, "zh-Hans")


@pytest.mark.parametrize(
    ("text", "actor", "quote_start"),
    [
        ("华东水务周一宣布上调水价。水务公司昨日表示将设补贴。", "华东水务", "水务公司"),
        ("顺安物流去年9月完成C轮融资。今年1月，物流公司在昆山的仓库起火。", "顺安物流", "今年1月"),
        ("嶺南巴士上月宣布加薪。巴士公司昨日與司機達成協議。", "嶺南巴士", "巴士公司"),
    ],
)
def test_a_trade_and_company_stands_for_the_company_of_that_trade(
    main_actors, text, actor, quote_start
):
    claims = main_actors(text)
    assert (actor, quote_start) in [(name, quote[: len(quote_start)]) for name, quote in claims]


@pytest.mark.parametrize(
    ("text", "language", "name", "not_a_name"),
    [
        # A tagger's name cut short of a body's ending is the body's.
        ("電子業員工協會今早到總部請願。", "zh-Hant", "電子業員工協會", "電子業員工"),
        # A shop introduced by its kind, in quotation marks.
        ("本地連鎖店「豆香咖啡」昨日宣布關閉5間分店。", "zh-Hant", "豆香咖啡", "連鎖店"),
    ],
)
def test_a_body_or_a_shop_keeps_its_whole_name(text, language, name, not_a_name):
    names = _names(text, language)
    assert alias_key(name) in names
    assert alias_key(not_a_name) not in names


def test_a_company_named_inside_its_union_stays_an_actor_of_its_own():
    names = _names("環海傳媒上月停播。環海傳媒員工工會昨日提出申索。", "zh-Hant")
    assert names[alias_key("環海傳媒")] == "環海傳媒"
    assert names[alias_key("環海傳媒員工工會")] == "環海傳媒員工工會"


@pytest.mark.parametrize(
    "text",
    [
        # A time and a kind noun written once are no thing's name, not even as a subject.
        "五月中旬港口吞吐量已同比增长8%。",
        "节后首周商场人流回升。",
        "周末两天公园游客超过三万人次。",
    ],
)
def test_a_thing_written_once_needs_a_proper_part_or_its_date(text):
    found = _names(text, "zh-Hans")
    assert not [name for name in found.values() if name.endswith(("港口", "商场", "公园"))]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # written once, opening its clause: a proper name before the kind
        ("云溪大桥的护栏上周被货车撞断。", "zh-Hans", "云溪大桥"),
        ("翠屏山隧道上月贯通。", "zh-Hans", "翠屏山隧道"),
        # written once, right before its date
        ("石门水库2015年建成蓄水。", "zh-Hans", "石门水库"),
        ("莲塘水厂今年4月停止供水三天。", "zh-Hans", "莲塘水厂"),
        ("東灣渡輪碼頭昨(3)日起暫停服務。", "zh-Hant", "東灣渡輪碼頭"),
    ],
)
def test_a_thing_written_once_as_its_clauses_subject_stays_an_actor(text, language, name):
    assert alias_key(name) in _names(text, language)


def test_a_time_and_a_kind_noun_make_no_claims_actor(main_actors):
    claims = main_actors("东湾港务集团周一公布数据。五月中旬港口吞吐量已同比增长12%。")
    assert ("东湾港务集团", "五月中旬港口吞吐量已同比增长12%") in claims
    assert not [actor for actor, _quote in claims if actor.endswith("港口")]
