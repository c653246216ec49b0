"""Category nouns and descriptors kept as data: a category noun refers to the actor of its
kind named before and is never an actor itself; descriptors before a name are no part of it."""

import pytest

from timeline.pipeline.actors import ActorMatcher, alias_key, fold_text
from timeline.pipeline.dates import find_dates
from timeline.pipeline.extract import extract_article
from timeline.pipeline.nouns import (
    CATEGORY_NOUNS,
    DESCRIPTORS,
    category_noun,
    load_category_nouns,
    load_descriptors,
)
from timeline.pipeline.reading import read_article
from timeline.pipeline.recogniser import discover

EMPTY = ActorMatcher([])


@pytest.mark.parametrize("noun", CATEGORY_NOUNS, ids=lambda noun: noun.noun)
def test_each_category_noun_is_written_in_its_example_and_is_no_name(noun):
    assert noun.noun in fold_text(noun.example)
    assert category_noun(noun.noun) == noun
    assert noun.kinds


@pytest.mark.parametrize("descriptor", DESCRIPTORS, ids=lambda d: f"{d.sort}-{d.word}")
def test_each_descriptor_is_written_in_its_example(descriptor):
    assert descriptor.word in fold_text(descriptor.example)


@pytest.mark.parametrize(
    ("name", "noun"),
    [("基金會", "基金会"), ("该集团", "集团"), ("這所大學", "大学"), ("本片", "本片")],
)
def test_a_category_noun_alone_or_after_a_determiner_is_one(name, noun):
    found = category_noun(fold_text(name))
    assert found is not None and found.noun == noun


@pytest.mark.parametrize("name", ["长风出版集团", "大学生", "集团化", "医院管理局"])
def test_a_name_holding_a_category_noun_is_not_one(name):
    assert category_noun(fold_text(name)) is None


def test_malformed_rows_are_refused(tmp_path):
    nouns = tmp_path / "category_nouns.tsv"
    nouns.write_text("# c\n集团\tcompany\t例子\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"category_nouns\.tsv:2"):
        load_category_nouns(nouns)
    descriptors = tmp_path / "descriptors.tsv"
    descriptors.write_text("rank\t校长\t校长王明表示。\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"descriptors\.tsv:1"):
        load_descriptors(descriptors)


def _discovered(text: str) -> dict:
    dates = [(m.char_start, m.char_end) for m in find_dates(text, reference=None).mentions]
    entries = discover(text, "zh-Hans", [(0, len(text))], EMPTY, dates=dates)
    return {alias_key(alias): entry for entry in entries for alias in entry.aliases}


@pytest.mark.parametrize(
    ("text", "name", "kind", "not_a_name"),
    [
        (
            "玩具大厂乐奇国际今年3月公布营收8亿元。乐奇国际成立于1990年。",
            "乐奇国际",
            "company",
            "玩具大厂乐奇国际",
        ),
        (
            "地產商宏泰置業去年5月推出新盤。宏泰置業成立於1992年。",
            "宏泰置業",
            "company",
            "地產商宏泰置業",
        ),
        (
            "发行商星辰影业表示，该片将于明年上映。星辰影业成立于2010年。",
            "星辰影业",
            "company",
            "商星辰影业",
        ),
        ("集团前总经理赵立华去年3月因涉嫌违纪接受调查。", "赵立华", "person", "集团前"),
        ("現任校長孫明遠去年10月宣布不再續任。", "孫明遠", "person", "現任校長孫明遠"),
        (
            "合作社理事长乌力吉在接受采访时表示，不会降价。乌力吉今年50岁。",
            "乌力吉",
            "person",
            "合作社",
        ),
        ("自行車大廠迅輪工業今(6)日召開法說會。", "迅輪工業", "company", "迅輪工業今"),
        ("校董會委任物理學家林詠芝教授為校長。林詠芝現年51歲。", "林詠芝", "person", "林詠芝教授"),
        ("市长钱正宇今年2月到新码头调研。", "钱正宇", "person", "市长钱正宇"),
    ],
)
def test_descriptors_before_a_name_are_no_part_of_it(text, name, kind, not_a_name):
    found = _discovered(text)
    assert found[alias_key(name)].kind == kind
    assert alias_key(not_a_name) not in found


def _extract(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    return extract_article(read_article(path), matcher=EMPTY)


@pytest.mark.parametrize(
    ("text", "start", "actor"),
    [
        (
            "星河出版集团于2015年成立。今年3月，集团以2亿元收购童书出版商青苗文化60%的股权。",
            "2024-03-01",
            "星河出版集团",
        ),
        (
            "綠洲文化基金會於2018年在台中成立。去年9月，基金會接收了首批捐贈項目。",
            "2023-09-01",
            "綠洲文化基金會",
        ),
        (
            "北川乳业合作社2009年成立于草原。今年一季度，合作社亏损约800万元。",
            "2024-01-01",
            "北川乳业合作社",
        ),
        (
            "明德大學創立於1958年。今年5月，大學與台南市政府簽署合作協議。",
            "2024-05-01",
            "明德大學",
        ),
        (
            "《海風》10月3日在全台上映。本片去年3月在台南開拍。",
            "2023-03-01",
            "海風",
        ),
    ],
)
def test_a_category_noun_as_subject_refers_to_the_actor_of_its_kind(tmp_path, text, start, actor):
    extraction = _extract(tmp_path, text)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    dated = [claim for claim in extraction.claims if str(claim.date.start) == start]
    assert dated, extraction.claims
    assert names[dated[0].actors[0][0]] == actor
    # The bare noun is never an actor of its own.
    assert not any(len(name) <= 3 and category_noun(fold_text(name)) for name in names.values())


def test_a_category_noun_with_no_actor_of_its_kind_refers_to_none(tmp_path):
    extraction = _extract(tmp_path, "星河科技于2015年成立。今年3月，基金会接收了首批捐赠项目。")
    dated = [claim for claim in extraction.claims if str(claim.date.start) == "2024-03-01"]
    names = {entry.slug: entry.name for entry in extraction.discovered}
    assert all(names.get(slug) != "星河科技" for claim in dated for slug, _role in claim.actors)


@pytest.mark.parametrize(
    "text",
    [
        "今年3月，公司披露年报，公司股价上涨5%。",
        "两个月前，公司任命前医药电商高管为首席执行官。",
        "2023年，大学在一项国际大学排名中首次进入前100名。",
    ],
)
def test_words_after_a_generic_noun_are_no_name(text):
    found = _discovered(text)
    assert not found, found


@pytest.mark.parametrize(
    ("text", "start", "actor"),
    [
        # A dated sentence with no vocabulary word still has its names recognised.
        ("7月16日，江西省民政厅向灾区紧急调拨帐篷3000顶。", "2024-07-16", "江西省民政厅"),
        ("今年1月，佛山市政府牵头召开专题会议。", "2024-01-01", "佛山市政府"),
        # A department named for two fields holds a 和.
        ("上海市文化和旅游局今年5月约谈一家演出公司。", "2024-05-01", "上海市文化和旅游局"),
        # A county opening its clause is what the clause tells of.
        ("7月18日，清水县城区主要道路全部恢复通车。", "2024-07-18", "清水县"),
        # With no company named, the regulator standing as subject is the claim's actor.
        ("今年4月，美國商務部對進口自行車零件展開反傾銷調查。", "2024-04-01", "美國商務部"),
    ],
)
def test_public_bodies_and_places_are_actors(tmp_path, text, start, actor):
    extraction = _extract(tmp_path, text)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    dated = [claim for claim in extraction.claims if str(claim.date.start) == start]
    assert dated, extraction.claims
    assert names[dated[0].actors[0][0]] == actor


@pytest.mark.parametrize(
    ("text", "start", "actor"),
    [
        # The person holding a post at the organisation named first is the subject.
        ("今年3月，星河集团前总经理李振华因涉嫌违纪接受审查调查。", "2024-03-01", "李振华"),
        ("今日上午，嘉洋市市长赵宏伟到新码头调研。", "2024-12-20", "赵宏伟"),
    ],
)
def test_the_holder_of_a_post_is_the_subject(tmp_path, text, start, actor):
    extraction = _extract(tmp_path, text)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    dated = [claim for claim in extraction.claims if str(claim.date.start) == start]
    assert dated, extraction.claims
    assert names[dated[0].actors[0][0]] == actor


def test_a_companys_short_form_taken_for_a_person_joins_the_company(tmp_path):
    extraction = _extract(
        tmp_path,
        "康平大药房2008年成立于长沙。今年1月，国家医保局对康平旗下12家门店开展飞行检查。",
    )
    (company,) = [entry for entry in extraction.discovered if entry.name == "康平大药房"]
    assert "康平" in company.aliases
    assert not any(entry.name == "康平" for entry in extraction.discovered)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("高等法院昨日裁定，一家地產商須向小業主賠償1.2億港元。", "高等法院"),
        ("由小業主組成的海景灣業主委員會於2022年8月入稟法院。", "海景灣業主委員會"),
    ],
)
def test_courts_and_bodies_named_after_a_place_are_organisations(text, name):
    found = _discovered(text)
    assert found[alias_key(name)].kind == "organization"


def test_a_name_the_title_writes_and_clauses_open_with_is_discovered(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        "---\ntitle: 为什么我不看好九章万象\npublished: 2024-10-19\n---\n"
        "九章万象从创立之初就定位不清。2023年年中成立后，产品路线一直模糊。"
        "而九章万象显然还没有找到自己的位置。九章万象的投资人也开始担心。\n",
        encoding="utf-8",
    )
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (founding,) = [claim for claim in extraction.claims if claim.event_type == "founding"]
    assert names[founding.actors[0][0]] == "九章万象"


def test_a_title_word_no_clause_opens_with_is_no_name(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        "---\ntitle: 价格战之后的行业\npublished: 2024-10-19\n---\n"
        "今年5月，星河科技发起价格战。随后多家公司加入价格战。价格战让利润下滑。\n",
        encoding="utf-8",
    )
    extraction = extract_article(read_article(path), matcher=EMPTY)
    assert all("价格战" not in entry.name for entry in extraction.discovered)


@pytest.mark.parametrize(
    ("text", "name", "other"),
    [
        (
            "星衍智能（Starlight AI）于2023年3月成立。2024年5月，Starlight AI发布了新模型星衍-3。",
            "星衍智能",
            "Starlight AI",
        ),
        (
            "Starlight AI (星衍智能) 2024年5月发布了新模型。星衍智能2023年3月成立于北京。",
            "Starlight AI",
            "星衍智能",
        ),
    ],
)
def test_a_name_in_parentheses_after_another_joins_it(tmp_path, text, name, other):
    extraction = _extract(tmp_path, text)
    (entry,) = [entry for entry in extraction.discovered if entry.name == name]
    assert other in entry.aliases
    # Both claims link the one actor.
    assert {slug for claim in extraction.claims for slug, _ in claim.actors} >= {entry.slug}
    assert not any(e.name == other for e in extraction.discovered)


def test_a_stock_code_in_parentheses_is_no_name(tmp_path):
    extraction = _extract(tmp_path, "华晟地产（00888.HK）2010年在香港联交所挂牌上市。")
    assert all("00888" not in alias for e in extraction.discovered for alias in e.aliases)


@pytest.mark.parametrize(
    ("text", "start", "actor"),
    [
        # The name a phrase ending in 的 describes is the subject, not the one inside it.
        (
            "8月下旬，星河文艺出版社出版的长篇小说《远山来信》获得华语长篇小说奖。",
            "2024-08-21",
            "远山来信",
        ),
        (
            "去年12月，康平大药房以4.6亿元收购了连锁药店百寿堂的全部门店。",
            "2023-12-01",
            "康平大药房",
        ),
    ],
)
def test_the_head_of_a_described_name_is_the_subject(tmp_path, text, start, actor):
    extraction = _extract(tmp_path, text)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    dated = [claim for claim in extraction.claims if str(claim.date.start) == start]
    assert dated, extraction.claims
    assert names[dated[0].actors[0][0]] == actor


def test_a_ruling_verb_alone_is_no_happening_of_its_own(tmp_path):
    extraction = _extract(tmp_path, "高等法院昨日裁定，地產商宏泰置業須向小業主賠償1.2億港元。")
    assert not any(claim.quote == "高等法院昨日裁定" for claim in extraction.claims)


def test_companies_named_as_the_others_are_not_the_paragraphs_topic(tmp_path):
    extraction = _extract(
        tmp_path,
        "星河科技于2020年成立，星河科技一直主打低价。\n"
        "云帆科技、海岳科技等友商早就压低了价格；今年五月不参与价格战的通稿还在网上挂着。\n",
    )
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (statement,) = [claim for claim in extraction.claims if claim.event_type == "statement"]
    assert names[statement.actors[0][0]] == "星河科技"


def test_a_word_that_begins_with_a_category_noun_refers_to_nothing(tmp_path):
    extraction = _extract(tmp_path, "明德大學創立於1958年。今年9月，大學生人數增長至兩萬人。")
    names = {entry.slug: entry.name for entry in extraction.discovered}
    dated = [claim for claim in extraction.claims if str(claim.date.start) == "2024-09-01"]
    assert all(names.get(slug) != "明德大學" for claim in dated for slug, _ in claim.actors)
