"""Actor discovery: names the gazetteer lacks, in English, simplified and traditional Chinese."""

import pytest

from timeline.pipeline.actors import ActorEntry, ActorMatcher, alias_key
from timeline.pipeline.dates import find_dates
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article
from timeline.pipeline.recogniser import discover, slug_for

EMPTY = ActorMatcher([])


def _discovered(text: str, language: str, matcher: ActorMatcher = EMPTY) -> dict[str, ActorEntry]:
    dates = [(m.char_start, m.char_end) for m in find_dates(text, reference=None).mentions]
    entries = discover(text, language, [(0, len(text))], matcher, dates=dates)
    return {alias_key(alias): entry for entry in entries for alias in entry.aliases}


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        ("宁德时代董事长曾毓群周三表示，公司已于3月完成收购。", "zh-Hans", "宁德时代", "company"),
        ("宁德时代董事长曾毓群周三表示，公司已于3月完成收购。", "zh-Hans", "曾毓群", "person"),
        (
            "2024年5月，深圳市投资控股有限公司领投了该轮融资。",
            "zh-Hans",
            "深圳市投资控股有限公司",
            "investor",
        ),
        (
            "国家市场监督管理总局在2021年4月对阿里巴巴处以罚款。",
            "zh-Hans",
            "国家市场监督管理总局",
            "organization",
        ),
        ("台積電董事長魏哲家上週宣布，新廠已正式量產。", "zh-Hant", "台積電", "company"),
        ("鴻海集團於2024年3月與輝達簽署合作協議。", "zh-Hant", "鴻海集團", "company"),
        # The industry word LAC leaves outside the name belongs to it.
        ("5月，禾豐農機與日本久保田簽署技術授權協議。", "zh-Hant", "禾豐農機", "company"),
        # Offsets stay right after a name is extended ("衣恋|時尚"): the people that follow.
        (
            "衣恋時尚創辦人林美華今年9月卸任董事長，由其子陳志遠接任。",
            "zh-Hant",
            "陳志遠",
            "person",
        ),
        (
            "衣恋時尚創辦人林美華今年9月卸任董事長，由其子陳志遠接任。",
            "zh-Hant",
            "衣恋時尚",
            "company",
        ),
        (
            "去年3月，中洲大學智慧機器人實驗室與微軟簽署合作備忘錄。",
            "zh-Hant",
            "中洲大學智慧機器人實驗室",
            "lab",
        ),
        # A person by what follows the name; a company by the verb after a sentence's first word.
        (
            "Kelly Ortberg took over after Dave Calhoun stepped down.",
            "en",
            "Dave Calhoun",
            "person",
        ),
        ("Boeing said on Wednesday it had delivered 40 jets.", "en", "Boeing", "company"),
        # An outlet that reports is no company.
        ("据路透社报道，蔚来汽车10月交付新车2.1万辆。", "zh-Hans", "路透社", "organization"),
        # A name opening a dated clause.
        ("影樂成立於2017年，由前電視台主管蔡明哲創辦。", "zh-Hant", "影樂", "company"),
        ("階躍星辰於2023年4月成立，創始人來自微軟。", "zh-Hant", "階躍星辰", "company"),
        # An organisation named by the title after it.
        ("零一万物CEO李开复说，公司去年收入过亿。", "zh-Hans", "零一万物", "company"),
        # A Latin name after a founding verb.
        ("李开复于2023年3月创立01.AI。", "zh-Hans", "01.AI", "company"),
        ("字节跳动在2024年5月发布豆包大模型。", "zh-Hans", "豆包", "model"),
        ("小米集团创始人雷军于2024年3月28日发布小米SU7。", "zh-Hans", "雷军", "person"),
        (
            "Harbor Federal Bank and Pinecrest Savings completed their merger.",
            "en",
            "Harbor Federal Bank",
            "company",
        ),
        (
            "Harbor Federal Bank and Pinecrest Savings completed their merger.",
            "en",
            "Pinecrest Savings",
            "company",
        ),
        (
            "The Federal Reserve approved it in December 2023.",
            "en",
            "Federal Reserve",
            "organization",
        ),
        (
            "Chief executive Dana Whitfield said demand was strong.",
            "en",
            "Dana Whitfield",
            "person",
        ),
        ("Sequoia Capital led the round in May.", "en", "Sequoia Capital", "investor"),
        ("In May the company released Orion-2, its new language model.", "en", "Orion-2", "model"),
        (
            "The Office of the Comptroller of the Currency followed.",
            "en",
            "Office of the Comptroller of the Currency",
            "organization",
        ),
        # A title in book-title marks followed by a launch verb, or named again, is a work.
        ("8月20日，游隼工作室开发的游戏《山海行》正式上线。", "zh-Hans", "山海行", "product"),
        ("《風起長安》於2019年9、10月先後登陸iOS和安卓平台。", "zh-Hant", "風起長安", "product"),
        ("玩家评价《山海行》画面出色。《山海行》玩家超过100万。", "zh-Hans", "山海行", "product"),
        # The body between 获/经 and a verb of approval approves.
        ("2024年3月，这笔交易获得金管会批准。", "zh-Hans", "金管会", "organization"),
        ("新藥已於12月10日獲衛福部食藥署核准上市。", "zh-Hant", "衛福部食藥署", "organization"),
        # An agency's name may hold an "and".
        (
            "The U.S. Food and Drug Administration approved the drug on Sept. 4, 2024.",
            "en",
            "Food and Drug Administration",
            "organization",
        ),
        (
            "The Securities and Exchange Commission sued Orbis Foods in May 2023.",
            "en",
            "Securities and Exchange Commission",
            "organization",
        ),
    ],
)
def test_names_are_discovered_with_their_kind(text, language, name, kind):
    found = _discovered(text, language)
    entry = found[alias_key(name)]
    assert (entry.name, entry.kind, entry.review) == (name, kind, "discovered")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A people's possessive inside a body's name is part of it.
        ("The Dornoch Crofters' Union met the minister on Monday.", "Dornoch Crofters' Union"),
        ("The Tarrow Women's Institute held a fair on Saturday.", "Tarrow Women's Institute"),
        ("The Royal Children's Hospital opened a ward in May.", "Royal Children's Hospital"),
        # A name ending in "'s" that acts keeps it.
        ("The mill closed in May. Fenby's bought the site on Monday.", "Fenby's"),
        # A title before a person's name is no part of it.
        ("Superintendent Nora Haldane retired on Monday.", "Nora Haldane"),
        ("Principal Helen Marsh proposed the timetable in January.", "Helen Marsh"),
        # A public body's kind in lower case after a place or a people's adjective.
        ("The Welsh government cut the grant in May.", "Welsh government"),
        ("Dunmore city council approved the budget on Monday.", "Dunmore city council"),
        ("Harwick police arrested a man on Friday.", "Harwick police"),
        # A place before two fields joined by "and", the second ending in an agency's word.
        (
            "The Mid Wales Fire and Rescue Service published a plan.",
            "Mid Wales Fire and Rescue Service",
        ),
        ("Kestrel Foods and Harwick Ambulance Service signed a deal in May.", "Kestrel Foods"),
        # A particle inside a name.
        ("The Banco del Sol opened a branch in Leeds in May.", "Banco del Sol"),
        ("The trawler Santa Maria da Luz was detained in May.", "Santa Maria da Luz"),
    ],
)
def test_english_names_keep_their_own_possessive_and_drop_a_title(text, name):
    assert _discovered(text, "en")[alias_key(name)].name == name


@pytest.mark.parametrize(
    ("text", "language", "not_a_name"),
    [
        ("据彭博社报道，腾讯正在洽谈收购一家香港虚拟银行的股份。", "zh-Hans", "香港虚拟银行"),
        ("今年6月，公司完成B轮融资。", "zh-Hans", "B轮"),
        ("5 月，大模型 API 的调用价格直降超过 90%。", "zh-Hans", "API"),
        ("去年5月，公司发布千亿参数模型。", "zh-Hans", "千亿参数"),
        ("永信銀行預計於2024年第三季度完成合併。", "zh-Hant", "預計"),
        ("On Monday, shares rose 4% in New York.", "en", "Monday"),
        ("On Monday, shares rose 4% in New York.", "en", "New York"),
        ("Analysts said revenue would grow.", "en", "Analysts"),
        # A kind of organisation is not one; a name ends at its possessive.
        ("合并后将成为国内第六大的民营银行。", "zh-Hans", "民营银行"),
        ("合併後將成為國內第六大的民營銀行。", "zh-Hant", "民營銀行"),
        (
            "Hongjing Semiconductor's Arizona plant opened in May.",
            "en",
            "Hongjing Semiconductor's Arizona",
        ),
        # A title quoted once, with no launch after it, is no work; a platform is no actor.
        ("制作人表示，游戏场景取材于《山海经》。", "zh-Hans", "山海经"),
        ("《风起长安》于2019年9月登陆iOS平台。", "zh-Hans", "iOS"),
        # A deal between two names is no name; 系 says where a company comes from; 本人
        # stresses the person and is no part of the name.
        ("3月,星海科技否认了华越收购星海科技的传闻。", "zh-Hans", "华越收购星海科技"),
        ("5月下旬,清华系大模型公司衔远科技被曝换帅。", "zh-Hans", "清华系"),
        ("6月，北大系机器人公司灵动智能完成融资。", "zh-Hans", "北大系机器人公司"),
        ("王志强本人在2023年指出，公司的模型仅落后于对手约5个月。", "zh-Hans", "王志强本人"),
        ("張海濤本人在2022年表示，差距正在縮小。", "zh-Hant", "張海濤本人"),
        # Two companies, or a company and a university, joined by "and" stay two.
        ("Alibaba and Tencent Holdings invested in May.", "en", "Alibaba and Tencent Holdings"),
        (
            "Alibaba and Zhejiang University opened a lab.",
            "en",
            "Alibaba and Zhejiang University",
        ),
    ],
)
def test_words_that_are_not_names_are_not_discovered(text, language, not_a_name):
    assert alias_key(not_a_name) not in _discovered(text, language)


@pytest.mark.parametrize(
    ("text", "language", "name", "short"),
    [
        (
            "Dana Whitfield became chief executive in May. Whitfield said sales rose.",
            "en",
            "Dana Whitfield",
            "Whitfield",
        ),
        (
            "Kestrel Semiconductor opened a plant. Kestrel said it would hire.",
            "en",
            "Kestrel Semiconductor",
            "Kestrel",
        ),
        ("宝川钢铁董事长刘振国退休。宝川此前宣布裁员。", "zh-Hans", "宝川钢铁", "宝川"),
        (
            "比亚迪股份有限公司董事长王传福称，比亚迪去年销量增长。",
            "zh-Hans",
            "比亚迪股份有限公司",
            "比亚迪",
        ),
        (
            "零一万物CEO李开复说，零一去年收入过亿，零一今年还将扩招。",
            "zh-Hans",
            "零一万物",
            "零一",
        ),
    ],
)
def test_a_short_form_the_article_uses_joins_the_full_name(text, language, name, short):
    found = _discovered(text, language)
    assert found[alias_key(short)].name == name


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("宁德时代", "ning-de-shi-dai"),
        ("台積電", "tai-ji-dian"),
        ("智谱AI", "zhi-pu-ai"),
        ("Société Générale", "societe-generale"),
        ("Harbor Federal Bank", "harbor-federal-bank"),
    ],
)
def test_slugs_are_pinyin_or_folded_ascii(name, slug):
    assert slug_for(name) == slug


def test_the_gazetteer_wins_and_a_rejected_name_is_never_rediscovered():
    matcher = ActorMatcher(
        [
            ActorEntry("byd", "BYD", "company", ("比亚迪",)),
            ActorEntry("xiao-ma", "小马", "company", ("小马",), review="rejected"),
        ]
    )
    found = _discovered("比亚迪董事长王传福说，小马在2024年3月发布了新车。", "zh-Hans", matcher)
    assert alias_key("比亚迪") not in found
    assert not any(entry.name.startswith("小马") for entry in found.values())
    assert found[alias_key("王传福")].kind == "person"


@pytest.mark.parametrize(
    ("text", "principal", "key"),
    [
        (
            "Kestrel Semiconductor opened its Phoenix plant in March 2024.",
            "Kestrel Semiconductor",
            "other:kestrel-semiconductor:opening:2024-03",
        ),
        ("宝川钢铁董事长刘振国于2024年8月退休。", "刘振国", "personnel:liu-zhen-guo"),
        ("美福零售由林志明於2008年創辦。", "美福零售", "founding:mei-fu-ling-shou"),
    ],
)
def test_claims_link_discovered_actors_with_no_gazetteer(tmp_path, text, principal, key):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    (claim,) = extraction.claims
    found = {entry.slug: entry for entry in extraction.discovered}
    assert claim.key == key
    assert found[claim.actors[0][0]].name == principal
    # Only actors some claim links are returned.
    linked = {slug for slug, _role in claim.actors}
    assert set(found) <= linked


@pytest.mark.parametrize(
    ("text", "principal", "event_type", "start"),
    [
        # A pronoun opening a clause carries the person named before.
        (
            "Dana Whitfield joined Kestrel Semiconductor in 2019. In March 2024, she stepped down.",
            "Dana Whitfield",
            "personnel",
            "2024-03-01",
        ),
        (
            "刘振国曾任宝川钢铁总经理。2024年8月，他因年龄原因退休。",
            "刘振国",
            "personnel",
            "2024-08-01",
        ),
        (
            "宝川钢铁董事长刘振国于2023年加入公司。2024年8月，他因年龄原因退休。",
            "刘振国",
            "personnel",
            "2024-08-01",
        ),
        # A sentence's first word followed by a happening's verb is a company.
        (
            "Xiaomi launched its first electric car, the SU7, on March 28, 2024.",
            "Xiaomi",
            "product_launch",
            "2024-03-28",
        ),
        # Two past verbs sharing one subject: each is a happening at its own date.
        (
            "Orbis Foods opened a plant in Ohio in May 2023 and closed its Texas plant in "
            "June 2024.",
            "Orbis Foods",
            "restructuring",
            "2024-06-01",
        ),
    ],
)
def test_the_subject_carries_to_a_pronoun_and_a_coordinated_verb(
    tmp_path, text, principal, event_type, start
):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    dated = [
        claim
        for claim in extraction.claims
        if claim.date is not None and str(claim.date.start) == start
    ]
    assert any(
        claim.event_type == event_type and principal in {names.get(s) for s, _ in claim.actors}
        for claim in dated
    )


@pytest.mark.parametrize(
    ("text", "person", "moves"),
    [
        (
            "Dana Whitfield joined Kestrel Semiconductor in 2019 and was appointed chief "
            "executive in March 2023.",
            "Dana Whitfield",
            {("2019-01-01", "joins"), ("2023-03-01", "appointed CEO")},
        ),
        (
            "Chief operating officer Tom Becker, 51, joined Orbis Foods in 2020 and became "
            "chief executive in mid-2022.",
            "Tom Becker",
            {("2020-01-01", "joins"), ("2022-05-01", "appointed CEO")},
        ),
        (
            "刘振国于2019年加入宝川钢铁，2023年3月出任首席执行官。",
            "刘振国",
            {("2019-01-01", "joins"), ("2023-03-01", "appointed CEO")},
        ),
        (
            "劉振國於2019年加入寶川鋼鐵，2023年3月出任執行長。",
            "劉振國",
            {("2019-01-01", "joins"), ("2023-03-01", "appointed CEO")},
        ),
    ],
)
def test_one_persons_two_moves_in_one_sentence_are_two_claims(tmp_path, text, person, moves):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    told = {
        (str(claim.date.start), words)
        for claim in extraction.claims
        for words in ("joins", "appointed CEO")
        if claim.event_type == "personnel"
        and words in claim.headline
        and names.get(claim.actors[0][0]) == person
    }
    assert told == moves
    # Each move keeps a key of its own, so neither absorbs the other.
    keys = [claim.key for claim in extraction.claims if claim.event_type == "personnel"]
    assert len(set(keys)) == len(keys) == 2


@pytest.mark.parametrize(
    ("text", "approved", "approver", "start"),
    [
        (
            "Harbor Federal Bank agreed to buy Pinecrest Savings in 2022. The Federal Reserve "
            "approved it in December 2023.",
            "Harbor Federal Bank",
            "Federal Reserve",
            "2023-12-01",
        ),
        (
            "华岳商银于2023年9月同意收购永信银行。2024年3月，这笔交易获得金管会批准。",
            "华岳商银",
            "金管会",
            "2024-03-01",
        ),
        (
            "華岳商銀於2023年9月同意收購永信銀行。2024年3月，這筆交易獲得金管會核准。",
            "華岳商銀",
            "金管會",
            "2024-03-01",
        ),
    ],
)
def test_an_approval_of_the_deal_told_before_links_its_parties_and_the_approver(
    tmp_path, text, approved, approver, start
):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (approval,) = [claim for claim in extraction.claims if ":approval:" in claim.key]
    assert str(approval.date.start) == start
    assert names[approval.actors[0][0]] == approved
    assert approver in {names[slug] for slug, _role in approval.actors}


@pytest.mark.parametrize(
    ("text", "work", "maker"),
    [
        (
            "游隼工作室开发的游戏《山海行》于8月20日正式上线。这款游戏今年6月18日开启预售。",
            "山海行",
            "游隼",
        ),
        (
            "遊隼工作室開發的遊戲《山海行》於8月20日正式上線。這款遊戲今年6月18日開啟預售。",
            "山海行",
            "遊隼",
        ),
    ],
)
def test_a_works_later_sale_is_its_makers_too(tmp_path, text, work, maker):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (presale,) = [claim for claim in extraction.claims if str(claim.date.start) == "2024-06-18"]
    assert presale.event_type == "product_launch"
    # "这款游戏" stands for the work named before, and the work's maker takes part.
    assert [names[slug] for slug, _role in presale.actors] == [work, maker]


@pytest.mark.parametrize(
    "text",
    [
        "宏晶半导体位于亚利桑那州的新厂原定今年年中投产。",
        "宏晶半導體位於亞利桑那州的新廠原定今年年中投產。",
        "Hongjing Semiconductor said its Arizona plant was originally scheduled to start "
        "production in mid-2024.",
        # "今年58岁" is an age: the saying after it has no date of its own.
        "许文彦今年58岁，他表示，实验室计划在2026年把机器人成本降到三分之一。",
        "許文彥今年58歲，他表示，實驗室計畫在2026年把機器人的成本降到三分之一。",
    ],
)
def test_a_schedule_or_an_age_dates_no_happening(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    assert extract_article(read_article(path), matcher=EMPTY).claims == ()


@pytest.mark.parametrize(
    ("text", "subject", "start", "headline"),
    [
        (
            "Lumora Motors, founded in 2018, delivered its first car in late 2021.",
            "Lumora Motors",
            "2021-09-01",
            "Lumora Motors delivered its first car in late 2021",
        ),
        (
            "Orbis Foods opened a plant in Ohio in May 2023, and moved its headquarters to "
            "Denver in June 2024.",
            "Orbis Foods",
            "2024-06-01",
            "Orbis Foods moved its headquarters to Denver in June 2024",
        ),
        (
            "Lumora Motors was founded in 2019 by engineers from a battery maker, and "
            "delivered its first car in late 2021.",
            "Lumora Motors",
            "2021-09-01",
            "Lumora Motors delivered its first car in late 2021",
        ),
    ],
)
def test_a_dated_second_verb_no_vocabulary_names_shares_the_sentences_subject(
    tmp_path, text, subject, start, headline
):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (told,) = [claim for claim in extraction.claims if str(claim.date.start) == start]
    assert (told.event_type, names[told.actors[0][0]], told.headline) == (
        "other",
        subject,
        headline,
    )


@pytest.mark.parametrize(
    "text",
    [
        "瑞康生技于2008年成立，2014年在柜买中心挂牌。",
        "瑞康生技於2008年成立，2014年在櫃買中心掛牌。",
    ],
)
def test_a_place_after_a_preposition_is_not_the_subject(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (listing,) = [claim for claim in extraction.claims if ":listing" in claim.key]
    assert names[listing.actors[0][0]] == text[:4]
    assert str(listing.date.start) == "2014-01-01"


@pytest.mark.parametrize(
    ("text", "aside", "main"),
    [
        (
            "Orbis Foods, which was founded in 1998, opened a plant in Ohio in May 2023.",
            ("founding", "Orbis Foods, which was founded in 1998"),
            ("other", "opened a plant in Ohio in May 2023"),
        ),
        (
            "Dana Whitfield, who joined Kestrel Semiconductor in 2019, stepped down in March 2024.",
            ("personnel", "Dana Whitfield, who joined Kestrel Semiconductor in 2019"),
            ("personnel", "stepped down in March 2024"),
        ),
    ],
)
def test_a_dated_aside_and_the_main_verb_are_two_happenings(tmp_path, text, aside, main):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert [(claim.event_type, claim.quote) for claim in claims] == [aside, main]
    # Both are the subject's: the main verb shares the name the sentence opens with.
    assert claims[0].actors[0][0] == claims[1].actors[0][0]


def test_an_undated_aside_stays_in_its_sentence(tmp_path):
    text = "Orbis Foods, which makes snacks, opened a plant in Ohio in May 2023."
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    (claim,) = extract_article(read_article(path), matcher=EMPTY).claims
    assert claim.quote == text.rstrip(".")


def test_two_verbs_sharing_one_date_are_one_happening(tmp_path):
    text = "Kestrel Semiconductor hired and trained its first 300 technicians in May 2024."
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert len(claims) <= 1 and not any(c.quote.startswith("and") for c in claims)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("影乐科技2022年底的付费会员数为120万。", 2022),
        ("影樂科技2022年底的付費會員數為120萬。", 2022),
        ("影乐科技的付费会员数去年年中成长至185万。", 2023),
        ("Streamly Media had 61 million paying subscribers at the end of 2023.", 2023),
    ],
)
def test_a_count_of_subscribers_at_a_date_is_a_figure(tmp_path, text, year):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    (claim,) = extract_article(read_article(path), matcher=EMPTY).claims
    assert (claim.event_type, claim.date.start.year) == ("financials", year)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "今年1月9日，岚驰汽车完成30亿元D轮融资，由腾讯领投；次日，公司宣布招聘2000名工程师。",
            "岚驰汽车",
        ),
        (
            "今年1月9日，嵐馳汽車完成30億元D輪融資，由騰訊領投；次日，公司宣布招聘2000名工程師。",
            "嵐馳汽車",
        ),
    ],
)
def test_a_name_after_a_preposition_is_not_what_the_company_refers_to(tmp_path, text, company):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (later,) = [claim for claim in extraction.claims if str(claim.date.start) == "2024-01-10"]
    assert names[later.actors[0][0]] == company


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("游隼工作室开发的游戏《山海行》于8月20日正式上线。这款游戏从2018年立项。", "游隼"),
        ("遊隼工作室開發的遊戲《山海行》於8月20日正式上線。這款遊戲從2018年立項。", "遊隼"),
    ],
)
def test_a_happening_of_a_work_links_its_maker(tmp_path, text, maker):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    (started,) = [claim for claim in extraction.claims if claim.date.start.year == 2018]
    assert [names[slug] for slug, _role in started.actors] == ["山海行", maker]


@pytest.mark.parametrize(
    "text",
    [
        "影乐科技成立于2017年。12月18日，影乐科技的直播中断近两小时。",
        "影樂科技成立於2017年。12月18日，影樂科技的直播中斷近兩小時。",
        "影乐科技成立于2017年。12月18日，影乐科技的服务器拥堵，用户无法登录。",
        "影樂科技成立於2017年。12月18日，影樂科技遭遇大規模斷線。",
    ],
)
def test_a_broken_stream_or_service_is_an_outage(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert [claim.event_type for claim in claims] == ["founding", "controversy"]
    assert ":outage:" in claims[1].key


@pytest.mark.parametrize(
    ("text", "told", "saying"),
    [
        # What was announced happened at its own past date: it is the claim, not the saying.
        ("宏晶半导体昨天公布，11月合并营收达318亿元，创单月历史新高。", "financials", False),
        ("宏晶半導體昨天公布，11月合併營收達新台幣318億元，創單月歷史新高。", "financials", False),
        # Nothing claimed from what was said: the saying stays.
        ("宏晶半导体昨天表示，公司将于明年3月推出新款芯片。", None, True),
        ("宏晶半導體昨天表示，公司將於明年3月推出新款晶片。", None, True),
        ("瑞康生技今日宣布，新藥瑞肝寧已於12月10日獲衛福部核准上市。", "other", False),
    ],
)
def test_a_saying_gives_way_to_the_dated_happening_it_announces(tmp_path, text, told, saying):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    types = [claim.event_type for claim in claims]
    assert ("statement" in types) is saying
    assert told is None or told in types


@pytest.mark.parametrize(
    "text",
    [
        "Li Kaifu founded the company in March 2023, and Zhang Wei joined it.",
        "Kai-fu Lee founded the company in March 2023.",
        "In March 2023 Lee Kai-Fu founded the company.",
    ],
)
def test_a_known_person_romanised_otherwise_joins_the_known_actor(tmp_path, text):
    matcher = ActorMatcher([ActorEntry("kai-fu-lee", "李开复", "person", ("李开复",))])
    entries = discover(text, "en", [(0, len(text))], matcher)
    joined = [entry for entry in entries if entry.slug == "kai-fu-lee"]
    assert len(joined) == 1 and joined[0].review == "curated"
    assert not any(
        entry.kind == "person" and "Lee" in entry.name
        for entry in entries
        if entry.slug != "kai-fu-lee"
    )
    extended = matcher.extended(entries)
    assert [m.slug for m in extended.find(text) if m.slug == "kai-fu-lee"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("瑞康生技於2024年3月釋出新版檢測軟體「瑞測2」。", "product_launch"),
        ("長榮航空於2024年11月訂購18架波音787客機。", "partnership"),
        ("国家大基金于2024年6月入股芯衡科技。", "funding"),
        ("华芯装备于2024年6月向港交所递交招股书。", "other"),
        ("影樂於2024年1月15日調漲標準方案月費。", "pricing"),
        ("Skyline Airways ordered 40 Airbus A321neo jets in May 2024.", "partnership"),
        ("Harbor Analytics filed for an IPO in June 2024.", "other"),
    ],
)
def test_vocabulary_of_orders_stakes_filings_and_regional_words(tmp_path, text, event_type):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert [claim.event_type for claim in claims if claim.date is not None] == [event_type]


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "Orbis Foods moved its headquarters to Denver in May 2023.",
            "Orbis Foods moved its headquarters to Denver in May 2023",
        ),
        ("芯衡科技于去年4月完成交割。", "芯衡科技 于去年4月完成交割"),
        (
            "刘振国于2023年3月出任宝川钢铁董事长。2024年8月，刘振国访问了越南河内。",
            "刘振国 访问了越南河内",
        ),
    ],
)
def test_a_dated_happening_no_vocabulary_names_is_told_in_its_own_words(tmp_path, text, headline):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert [claim.headline for claim in claims if claim.event_type == "other"] == [headline]


@pytest.mark.parametrize(
    "text",
    [
        "Orbis Foods had 3,000 employees in 2024.",  # a state of affairs
        "Orbis Foods is based in Ohio and was valued at $2 billion in 2023.",
        "Orbis Foods will open a store in Denver in May 2025.",  # future
        "Orbis Foods may open a store in Denver in 2024.",  # a hedge
        "Dana Whitfield, 58, joined the board of Orbis Foods in 2024 as its oldest director.",
        "宝川钢铁2024年有员工3万人。",  # a state
        "许文彦今年58岁。",  # an age
        "芯衡科技预计2025年完成交割。",  # a forecast
        "Did Orbis Foods move its headquarters in May 2023?",
    ],
)
def test_no_plain_happening_from_states_ages_plans_or_questions(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert [claim for claim in claims if claim.event_type == "other"] == []


def test_a_date_that_bounds_a_clause_gives_no_plain_happening(tmp_path):
    path = tmp_path / "article.txt"
    text = "01.AI在2023年底更严格的禁运之前囤积了芯片。"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert [claim for claim in claims if claim.event_type == "other"] == []


@pytest.mark.parametrize(
    "text",
    [
        "宏晶半導體昨天公布營收。2024年5月24日，宏晶股價大漲7%。",  # the shares, not the company
        "Kestrel Semiconductor opened a plant. In May 2024, Kestrel's shares rose 7%.",
    ],
)
def test_something_of_a_company_is_not_the_company(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    assert [claim for claim in claims if claim.event_type == "other"] == []


def test_a_word_tagged_as_a_person_needs_a_surname():
    found = _discovered("永信銀行預計於今年第三季度完成合併。", "zh-Hant")
    assert not any(entry.kind == "person" for entry in found.values())


def test_an_extended_matcher_keeps_the_curated_actor_for_a_shared_alias():
    curated = ActorMatcher([ActorEntry("baidu", "Baidu", "company", ("百度",))])
    extended = curated.extended(
        [
            ActorEntry("bai-du", "百度", "company", ("百度",), review="discovered"),
            ActorEntry("baidu", "Baidu", "company", ("百度公司",)),
            ActorEntry("mei-tuan", "美团", "company", ("美团",), review="discovered"),
        ]
    )
    found = {m.text: m.slug for m in extended.find("百度公司与美团，百度")}
    assert found == {"百度公司": "baidu", "美团": "mei-tuan", "百度": "baidu"}
    assert extended.entry("mei-tuan").review == "discovered"
    assert curated.extended([]) is curated


# (text, the claim's main actor, its start date): a day's first character the tagger runs
# into the name before it ("黃志成昨|(17)日" read as one name) is cut off where the date
# starts, so the person is linked. Sentences written for this test, Taiwan and Hong Kong
# styles (the day in brackets after 昨/今/前).
BEFORE_A_DATE = [
    ("黃志成昨(17)日在業績發表會上表示，營收將成長。", "黃志成", "2025-06-17"),
    ("王大明今(20)日宣布辭去董事長一職。", "王大明", "2025-06-20"),
    ("林國華前(18)日在立法院質詢時提出修法。", "林國華", "2025-06-18"),
    ("陳美玲昨（19）日帶領居民到區議會請願。", "陳美玲", "2025-06-19"),
]


@pytest.mark.parametrize(("text", "actor", "start"), BEFORE_A_DATE)
def test_a_name_ends_where_a_date_starts_inside_it(main_actors, text, actor, start):
    claims = main_actors(text, "2025-06-20")
    assert [(name, date) for name, date, _quote in claims] == [(actor, start)], claims


# A name shorter than two characters once the date is cut off is no name: "于|次日".
def test_a_name_cut_to_one_character_by_a_date_is_dropped(extraction_of):
    extraction = extraction_of("事故發生後，市府于次日成立調查小組。")
    assert not any(entry.name.startswith("于") for entry in extraction.discovered)
