"""Sentences in English and both Chinese scripts read as typed, keyed, dated claims."""

from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.extract import extract_article
from timeline.pipeline.money import money_phrase
from timeline.pipeline.reading import read_article

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))


@pytest.fixture
def claims_of(tmp_path, matcher):
    def read(text: str, published: str = "2025-01-07"):
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        article = read_article(path)
        return extract_article(article, matcher=matcher).claims

    return read


@pytest.mark.parametrize(
    ("text", "event_type", "key", "start", "end", "actor"),
    [
        (
            "李开复于2023年3月创立零一万物。",
            "founding",
            "founding:01-ai",
            "2023-03-01",
            "2023-03-31",
            "kai-fu-lee",
        ),
        (
            "李開復於2023年3月創立零一萬物。",
            "founding",
            "founding:01-ai",
            "2023-03-01",
            "2023-03-31",
            "kai-fu-lee",
        ),
        (
            "Kai-Fu Lee founded 01.AI in March 2023.",
            "founding",
            "founding:01-ai",
            "2023-03-01",
            "2023-03-31",
            "kai-fu-lee",
        ),
        (
            "去年5月,零一万物发布了Yi-Large。",
            "model_release",
            "model_release:yi-large",
            "2024-05-01",
            "2024-05-31",
            "01-ai",
        ),
        (
            "去年5月,在零一萬物發佈Yi-Large時,業界反響熱烈。",
            "model_release",
            "model_release:yi-large",
            "2024-05-01",
            "2024-05-31",
            "01-ai",
        ),
        (
            "01.AI released Yi-Large in May 2024.",
            "model_release",
            "model_release:yi-large",
            "2024-05-01",
            "2024-05-31",
            "01-ai",
        ),
        (
            "阿里云领投了零一万物2023年10亿美元估值的融资。",
            "funding",
            "funding:01-ai:2023",
            "2023-01-01",
            "2023-12-31",
            "alibaba-cloud",
        ),
        (
            "In February 2024, Moonshot AI raised USD 1 billion in a round led by Alibaba.",
            "funding",
            "funding:moonshot-ai:2024",
            "2024-02-01",
            "2024-02-29",
            "alibaba",
        ),
        (
            "1月6日晚,有消息称零一万物将把预训练团队打包出售给阿里云。",
            "rumor",
            "rumor:01-ai:sale",
            "2025-01-06",
            "2025-01-06",
            "alibaba-cloud",
        ),
        (
            "2024年12月,零一万物进行重组。",
            "restructuring",
            "restructuring:01-ai:2024",
            "2024-12-01",
            "2024-12-31",
            "01-ai",
        ),
        (
            "零一萬物遊戲方向公司“零一綠洲”已在去年年末分拆爲子公司。",
            "restructuring",
            "restructuring:01-ai:lingyi-luzhou",
            "2024-09-01",
            "2024-12-31",
            "lingyi-luzhou",
        ),
        (
            "黄文灏已于今年1月加入字节跳动。",
            "personnel",
            "personnel:huang-wenhao",
            "2025-01-01",
            "2025-01-31",
            "bytedance",
        ),
        (
            "2024年零一万物的收入超过1亿元人民币。",
            "financials",
            "financials:01-ai:2024",
            "2024-01-01",
            "2024-12-31",
            "01-ai",
        ),
        (
            "In May 2024, DeepSeek cut prices for its API.",
            "pricing",
            "pricing:deepseek:2024-05",
            "2024-05-01",
            "2024-05-31",
            "deepseek",
        ),
        (
            "2023年11月,零一万物承认在命名上存在疏忽,并更新了基于LLaMA的张量名称。",
            "controversy",
            "controversy:01-ai:llama",
            "2023-11-01",
            "2023-11-30",
            "01-ai",
        ),
        (
            "MiniMax创始人闫俊杰在去年年中表示,行业会洗牌。",
            "statement",
            "statement:yan-junjie:2024",
            "2024-05-01",
            "2024-08-31",
            "yan-junjie",
        ),
        (
            "据 AI 产品榜的数据,Kimi 的访问量在 4 月超过了文心一言。",
            "ranking",
            "ranking:kimi:2024-04",
            "2024-04-01",
            "2024-04-30",
            "ernie-bot",
        ),
    ],
)
def test_sentence_reads_as_claim(claims_of, text, event_type, key, start, end, actor):
    claims = claims_of(text)
    claim = next(claim for claim in claims if claim.key == key)
    assert claim.event_type == event_type
    assert (claim.date.start, claim.date.end) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
    )
    assert actor in {slug for slug, _role in claim.actors}
    assert claim.date.char_start >= claim.char_start and claim.date.char_end <= claim.char_end


@pytest.mark.parametrize(
    "text",
    [
        "预计零一万物将在2026年发布新模型。",  # forecast
        "零一萬物明年將推出新產品。",  # future, traditional script
        "Analysts expect 01.AI will release a new model in 2026.",  # forecast
        "李开复研究语言模型已有40多年。",  # duration
        "Yi-Lightning 超越GPT-4o-2024-05-13,排名世界第六。",  # date inside a model name
        "如果零一万物在2024年被收购,投资人会满意。",  # conditional
        "智谱 ai 在 2023 年之前已成立。",  # a bound, not a date
        "零一万物今年没有发布新模型。",  # negated
        "2025 年会更好吗?",  # question and forecast
        "OpenAI的GPT-5发布一再推迟。",  # put off, not released
        "Kimi 在 4 月推出了打赏功能。",  # a feature of the product, not the product
        "Meta的开源进展削弱了Yi的地位。",  # "开源" as a modifier
        'Lepton AI 创始人贾扬清说:"今天不是说 API 贵才没有人用。"',  # "不是说" is no saying
    ],
)
def test_no_claim(claims_of, text):
    assert claims_of(text) == ()


def test_two_dates_in_one_clause_make_two_claims(claims_of):
    claims = claims_of("这里是他 2009 年创立的创新工场和 2023 年创立的零一万物的办公地。")
    assert [(c.key, c.date.start.year) for c in claims] == [
        ("founding:sinovation-ventures", 2009),
        ("founding:01-ai", 2023),
    ]
    assert claims[0].char_end <= claims[1].char_start


def test_release_and_controversy_in_one_sentence(claims_of):
    claims = claims_of('去年零一万物发布 "Yi" 系列模型,被指使用了 LLaMA 的架构。', "2024-07-01")
    assert {c.key: c.event_type for c in claims} == {
        "model_release:yi": "model_release",
        "controversy:01-ai:llama": "controversy",
    }


def test_denial_without_date_is_kept_undated(claims_of):
    (claim,) = claims_of("零一萬物公衆號在凌晨發佈官方迴應,否認“阿里收購零一萬物”。")
    assert (claim.key, claim.event_type, claim.date) == ("denial:01-ai:sale", "denial", None)


def test_a_sale_report_and_its_denial_are_different_happenings(claims_of):
    claims = claims_of(
        "1月6日晚,有消息称零一万物将把预训练团队出售给阿里云。\n"
        "李开复随后在朋友圈辟谣,否认零一万物出售给阿里云。"
    )
    assert [c.key for c in claims] == ["rumor:01-ai:sale", "denial:01-ai:sale"]


def test_same_month_different_happenings_get_different_keys(claims_of):
    claims = claims_of(
        "2024年5月,零一万物发布Yi-Large。\n2024年5月,零一万物宣布降价。", "2024-06-01"
    )
    assert [c.key for c in claims] == ["model_release:yi-large", "pricing:01-ai:2024-05"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("10亿美元估值", "USD 1 billion"),
        ("1 亿元人民币", "RMB 100 million"),
        ("1380万美元", "USD 13.8 million"),
        ("raised $300 million", "USD 300 million"),
        ("70 亿美元", "USD 7 billion"),
    ],
)
def test_money_phrase(text, phrase):
    assert money_phrase(text.casefold()) == phrase


@pytest.mark.parametrize(
    ("text", "key", "event_type", "headline"),
    [
        # A sale its own party negates in speech is a denial.
        (
            "零一万物创始人李开复说:“我们没有寻求被收购”。",
            "denial:01-ai:sale",
            "denial",
            "Kai-Fu Lee denies that 01.AI is being sold",
        ),
        (
            "李開復在朋友圈闢謠,否認零一萬物出售給阿里雲。",
            "denial:01-ai:sale",
            "denial",
            "Kai-Fu Lee denies that 01.AI is being sold to Alibaba Cloud",
        ),
        # A person's move, a controversy over a named thing, a release said to be done, a
        # ranking on a named leaderboard: each names its happening without a date.
        (
            "再到黄文灏等核心人才出走加入豆包。",
            "personnel:huang-wenhao",
            "personnel",
            "Huang Wenhao leaves for Doubao",
        ),
        (
            "零一万物的初代Yi模型被质疑换皮LLaMA。",
            "controversy:01-ai:llama",
            "controversy",
            "01.AI faces controversy over LLaMA",
        ),
        (
            "Yi-Lightning已在Yi大模型开放平台上线。",
            "model_release:yi-lightning",
            "model_release",
            "Yi-Lightning is released",
        ),
        (
            "在国际权威盲测榜单 LMSYS 上，Yi-Lightning 超越GPT-4o，排名世界第六。",
            "ranking:yi-lightning:lmsys",
            "ranking",
            "Yi-Lightning ranks sixth on the LMSYS leaderboard, ahead of GPT-4o",
        ),
        (
            "比如阿里就耗资 8 亿美金,投资了 Kimi 的母公司月之暗面。",
            "funding:moonshot-ai:usd-800-million",
            "funding",
            "Moonshot AI raises USD 800 million from Alibaba",
        ),
    ],
)
def test_undated_claim(claims_of, text, key, event_type, headline):
    (claim,) = [c for c in claims_of(text) if c.key == key]
    assert (claim.event_type, claim.headline, claim.date) == (event_type, headline, None)


def test_a_list_gives_one_claim_per_name(claims_of):
    claims = claims_of(
        "2024 年,零一陆续有中高层离开,包括前预训练负责人黄文灏、多模态研发负责人潘欣等。"
    )
    assert [c.key for c in claims] == ["personnel:huang-wenhao", "personnel:pan-xin"]
    assert claims[0].quote.endswith("黄文灏") and claims[1].quote.endswith("潘欣等")
    assert len({(c.char_start, c.char_end) for c in claims}) == 2
    claims = claims_of("阿里通义千问更是在qwen2.0和qwen2.5发布后成为最好的开源模型。")
    assert [c.key for c in claims] == ["model_release:qwen-2", "model_release:qwen-2-5"]


@pytest.mark.parametrize(
    ("text", "published", "key", "event_type", "start", "headline"),
    [
        # A company releasing a work the gazetteer does not know.
        (
            "In March 2024, StepFun released Step-2, a trillion-parameter model.",
            "2024-07-08",
            "model_release:step-2",
            "model_release",
            "2024-03-01",
            "StepFun releases Step-2",
        ),
        (
            "今年7月，快手宣佈可靈基礎模型全面升級。",
            "2024-08-01",
            "model_release:kuaishou:2024-07",
            "model_release",
            "2024-07-01",
            "Kuaishou upgrades its model",
        ),
        # A date, then a verb of saying: the saying is what is dated, whatever was said.
        (
            "去年5月，零一万物表示海外生产力产品线预期年营收过亿元。",
            "2025-01-07",
            "statement:01-ai:2024-05",
            "statement",
            "2024-05-01",
            "01.AI makes a forecast about revenue",
        ),
        (
            "去年 5 月我们访谈李开复时,他说想打造 agi 时代的微软。",
            "2025-01-07",
            "statement:kai-fu-lee:2024-05",
            "statement",
            "2024-05-01",
            "Kai-Fu Lee sets out ambitions for AGI",
        ),
        (
            "趨近2024年末,零一萬物在國內市場採取ToB(企業端)戰略。",
            "2025-01-10",
            "strategy:01-ai:2024",
            "strategy",
            "2024-09-01",
            "01.AI turns to enterprise customers in China",
        ),
    ],
)
def test_dated_claim_wording(claims_of, text, published, key, event_type, start, headline):
    (claim,) = [c for c in claims_of(text, published) if c.key == key]
    assert claim.event_type == event_type
    assert claim.date.start == date.fromisoformat(start)
    assert claim.headline == headline


def test_a_demonstrative_takes_the_date_it_points_back_to(claims_of):
    claims = claims_of(
        "5 月的这一波价格战,大模型 API 的调用价格直降超过 90%。"
        "以字节跳动、阿里为例,价格降到了 8 毛。\n"
        "甚至这一波被开发者称赞的 API 降价,也不是由大厂发起,而是一个叫幻方量化的私募巨头,"
        "以及创业公司智谱 AI 带头。",
        "2024-07-01",
    )
    pointed = next(c for c in claims if c.key == "pricing:high-flyer:2024-05")
    assert (pointed.date.text, pointed.date.start) == ("这一波", date(2024, 5, 1))
    assert pointed.date.anchor.basis == "context"
    assert {"high-flyer", "zhipu-ai"} <= {slug for slug, _ in pointed.actors}


def test_a_dated_lead_in_dates_what_it_introduces(claims_of):
    (claim,) = claims_of(
        "1月7日,零一万物 CEO 李开复向媒体解释了实际发生的调整:\n零一万物已与阿里云成立联合实验室。",
        "2025-01-08",
    )
    assert claim.key == "partnership:01-ai+alibaba-cloud:lab"
    assert (claim.date.start, claim.date.qualifier) == (date(2025, 1, 7), "before")
    assert claim.quote.startswith("1月7日") and claim.summary.startswith("By 7 January 2025")


@pytest.mark.parametrize(
    ("text", "published", "summary"),
    [
        (
            "李开复表示,2024年零一万物的收入超过1亿元人民币。",
            "2025-01-07",
            "01.AI reported revenue of over RMB 100 million for 2024, according to Kai-Fu Lee.",
        ),
        (
            "据第一财经报道,2024年12月,零一万物完成了新一轮融资。",
            "2025-01-07",
            "In December 2024, 01.AI raised funding, according to Yicai.",
        ),
        (
            "李开复于2023年3月创立零一万物。",
            "2025-01-07",
            "In March 2023, Kai-Fu Lee founded 01.AI.",
        ),
        ("零一万物的初代Yi模型被质疑换皮LLaMA。", "2025-01-07", ""),
    ],
)
def test_summary(claims_of, text, published, summary):
    (claim,) = claims_of(text, published)
    assert claim.summary == summary


def test_the_main_clause_after_a_dated_when_clause_shares_its_date(claims_of):
    claims = claims_of(
        "去年5月,在零一萬物發佈千億參數模型Yi-Large時,李開復還宣佈他們已經啓動下一代"
        "萬億參數Yi-XLarge MoE模型訓練。"
    )
    assert {c.key: c.headline for c in claims} == {
        "model_release:yi-large": "01.AI releases Yi-Large",
        "statement:kai-fu-lee:2024-05": "Kai-Fu Lee announces training of Yi-XLarge",
    }


def test_a_date_that_qualifies_a_noun_dates_only_that_noun(claims_of):
    claims = claims_of(
        "这一转变包括2024年12月的零一万物重组,剥离了数字人等业务部门,"
        "并否认了将核心团队出售给阿里云的传闻。",
        "2025-06-01",
    )
    assert [(c.key, c.date is None) for c in claims] == [
        ("restructuring:01-ai:2024", False),
        ("denial:01-ai:sale", True),
    ]
    assert claims[0].headline == "01.AI restructures and spins off business units"


def test_dropping_a_plan_named_before(claims_of):
    (claim,) = claims_of(
        "零一万物创始人李开复说,你还记得我们那时谈到了一个 yi-x-large 模型的计划吗?"
        "我们去年 5 月到 6 月就决定放弃了。",
        "2025-01-07",
    )
    assert (claim.key, claim.headline) == (
        "strategy:01-ai:yi-xlarge",
        "01.AI drops plans for Yi-XLarge",
    )
    assert (claim.date.start, claim.date.end) == (date(2024, 5, 1), date(2024, 6, 30))


def test_a_dated_document_is_a_statement_by_the_company(claims_of):
    (claim,) = claims_of("零一万物今年五月信誓旦旦不参与价格战的通稿还在网上挂着呢。", "2024-10-19")
    assert (claim.key, claim.headline) == (
        "statement:01-ai:2024-05",
        "01.AI says it will stay out of the price war",
    )


@pytest.mark.parametrize(
    ("text", "published", "key", "event_type", "headline"),
    [
        (
            "China's market regulator said in December 2024 that it had opened an antitrust "
            "investigation into Nvidia.",
            "2024-12-20",
            "controversy:nvidia:2024",
            "controversy",
            "Nvidia faces an antitrust investigation",
        ),
        (
            "今年2月，蘋果公司取消了研發十年的電動車項目。",
            "2024-11-15",
            "strategy:apple:2024",
            "strategy",
            "Apple cancels its car project",
        ),
        (
            "今年5月，百度与招商银行签署战略合作协议。",
            "2024-12-20",
            "partnership:baidu+zhao-shang-yin-hang",
            "partnership",
            "Baidu and 招商银行 form a partnership",
        ),
        (
            "今年5月，百度在武漢大幅降低蘿蔔快跑的乘車價格。",
            "2024-11-15",
            "pricing:baidu:2024-05",
            "pricing",
            "Baidu cuts prices",
        ),
        (
            "2024年6月，輝達市值一度超越微軟，成爲全球市值最高的公司。",
            "2024-10-30",
            "ranking:nvidia:2024-06",
            "ranking",
            "Nvidia overtakes Microsoft as the most valuable company",
        ),
        (
            "Baidu said in July 2024 that Apollo Go had completed more than 6 million rides.",
            "2024-12-15",
            "statement:baidu:2024-07",
            "statement",
            "Baidu comments on Apollo Go",
        ),
        (
            "今年5月，谷歌发布了AlphaFold 3模型。",
            "2024-12-28",
            "model_release:alphafold-3",
            "model_release",
            "Google releases AlphaFold 3",
        ),
    ],
)
def test_other_industries(claims_of, text, published, key, event_type, headline):
    (claim,) = claims_of(text, published)
    assert (claim.key, claim.event_type, claim.headline) == (key, event_type, headline)


@pytest.mark.parametrize(
    ("text", "key", "headline"),
    [
        (
            "据彭博社报道，腾讯正在洽谈收购一家香港虚拟银行的股份。",
            "rumor:tencent:acquisition",
            "Reports say Tencent is in talks to buy a stake",
        ),
        (
            "據路透社報道，輝達計劃在中國推出一款符合出口管制的特供晶片。",
            "rumor:nvidia:launch",
            "Reports say Nvidia plans to launch a new chip",
        ),
    ],
)
def test_reported_plans_are_rumours(claims_of, text, key, headline):
    (claim,) = claims_of(text, "2024-10-30")
    assert (claim.key, claim.event_type, claim.headline, claim.date) == (
        key,
        "rumor",
        headline,
        None,
    )


@pytest.mark.parametrize(
    ("text", "bystander"),
    [
        ("今年8月，百度旗下的度小满完成了新一轮融资。", "baidu"),  # the parent does not raise
        ("今年1月，英伟达参与了晶泰科技的新一轮融资。", "nvidia"),  # the investor does not raise
    ],
)
def test_the_parent_or_the_investor_does_not_raise(claims_of, text, bystander):
    claims = claims_of(text, "2024-12-20")
    assert not [claim for claim in claims if claim.key.startswith(f"funding:{bystander}")]


@pytest.mark.parametrize(
    ("text", "key", "principal", "kind"),
    [
        (
            "今年1月，英伟达参与了晶泰科技的新一轮融资。",
            "funding:jing-tai-ke-ji:2024",
            "晶泰科技",
            "company",
        ),
        ("小米在今年3月推出首款電動車SU7。", "product_launch:su7", "小米", "company"),
        ("Lumora Motors opened its Austin plant in March 2024.", None, "Lumora Motors", "company"),
    ],
)
def test_a_company_the_gazetteer_does_not_know_is_discovered(
    tmp_path, matcher, text, key, principal, kind
):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2024-12-20\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=matcher)
    (claim,) = extraction.claims
    if key is not None:
        assert claim.key == key
    found = {entry.slug: entry for entry in extraction.discovered}
    entry = found[claim.actors[0][0]]
    assert (entry.name, entry.kind, entry.review) == (principal, kind, "discovered")
    assert all(slug in found or matcher.entry(slug) for slug, _role in claim.actors)


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "In February 2024, Moonshot AI raised USD 1 billion in a round led by Alibaba, "
            "at a valuation of USD 2.5 billion.",
            "Moonshot AI raises USD 1 billion in a round led by Alibaba at a USD 2.5 billion "
            "valuation",
        ),
        (
            "月之暗面在2024年2月完成10亿美元融资,阿里领投,估值25亿美元。",
            "Moonshot AI raises USD 1 billion in a round led by Alibaba at a USD 2.5 billion "
            "valuation",
        ),
        (
            "Kai-Fu Lee, the founder of 01.AI, denied in January 2025 that the company was "
            "for sale.",
            "Kai-Fu Lee denies that 01.AI is being sold",
        ),
        ("今年1月,李开复被任命为零一万物董事长。", "Kai-Fu Lee is appointed chairman of 01.AI"),
        ("Meta cut 10,000 jobs in March 2023 in a restructuring.", "Meta cuts jobs"),
    ],
)
def test_headline(claims_of, text, headline):
    (claim,) = claims_of(text, "2025-03-01")
    assert claim.headline == headline


# --- happenings beyond AI companies: the actors of benchmarks/labelled/actors.json ------------


@pytest.fixture(scope="module")
def wide_matcher():
    return ActorMatcher(
        load_gazetteer(ROOT / "fixtures" / "actors.json")
        + load_gazetteer(ROOT / "benchmarks" / "labelled" / "actors.json")
    )


@pytest.fixture
def claims_about(tmp_path, wide_matcher):
    def read(text: str, published: str | None = "2024-12-20"):
        path = tmp_path / "article.txt"
        front = f"published: {published}\n" if published else ""
        path.write_text(f"---\ntitle: t\n{front}---\n{text}\n", encoding="utf-8")
        return extract_article(read_article(path), matcher=wide_matcher).claims

    return read


@pytest.mark.parametrize(
    ("text", "key", "event_type", "start", "headline"),
    [
        # A regulator's approval, in three scripts; the approved company is the subject.
        (
            "今年6月，工信部批准华讯通信在全国商用5G-A网络。",
            "other:huaxun-telecom:approval:2024-06",
            "other",
            "2024-06-01",
            "Huaxun Telecom wins approval from the Ministry of Industry and Information Technology",
        ),
        (
            "金管會今年10月核准宏聯人壽合併永信產險。",
            "other:honglian-life:approval:2024-10",
            "other",
            "2024-10-01",
            "Honglian Life wins approval to merge with Yongxin Property Insurance from the "
            "Financial Supervisory Commission",
        ),
        (
            "The Federal Energy Regulatory Commission approved Solvane's transmission line in "
            "May 2024.",
            "other:solvane-energy:approval:2024-05",
            "other",
            "2024-05-01",
            "Solvane Energy wins approval from the Federal Energy Regulatory Commission",
        ),
        # Listings, plants, production starts, construction and trials.
        (
            "今年1月，华芯装备在上海证券交易所科创板挂牌上市。",
            "other:huaxin-equipment:listing",
            "other",
            "2024-01-01",
            "Huaxin Equipment lists on the Shanghai Stock Exchange",
        ),
        (
            "Huaxin Equipment went public on the Nasdaq in June 2024.",
            "other:huaxin-equipment:listing",
            "other",
            "2024-06-01",
            "Huaxin Equipment lists on the Nasdaq",
        ),
        (
            "去年12月，华芯装备宣布其无锡工厂正式投产。",
            "other:huaxin-equipment:production:2023-12",
            "other",
            "2023-12-01",
            "Huaxin Equipment starts production",
        ),
        (
            "Solvane opened a battery plant in Reno, Nevada, in September 2024.",
            "other:solvane-energy:opening:2024-09",
            "other",
            "2024-09-01",
            "Solvane Energy opens a plant",
        ),
        (
            "祥云航空位于西安的飞机维修基地于今年5月开工建设。",
            "other:xiangyun-airlines:construction:2024-05",
            "other",
            "2024-05-01",
            "Xiangyun Airlines starts construction",
        ),
        (
            "今年2月，康準醫材啟動人工心臟瓣膜的第三期臨床試驗。",
            "other:kangzhun-medical:trial:2024-02",
            "other",
            "2024-02-01",
            "Kangzhun Medical starts a clinical trial",
        ),
        # Pre-orders and the sale itself are two launches of one product.
        (
            "美福零售的咖啡機「福咖」於今年3月開放預售。",
            "product_launch:fuka:presale",
            "product_launch",
            "2024-03-01",
            "Meifu Retail opens pre-orders for Fuka",
        ),
        (
            "Fuka went on sale in April 2024.",
            "product_launch:fuka",
            "product_launch",
            "2024-04-01",
            "Fuka is launched",
        ),
        # A merger agreed and a merger done.
        (
            "今年3月，华讯通信宣布与星联移动签署合并意向书。",
            "acquisition:huaxun-telecom+xinglian-mobile:agreement",
            "acquisition",
            "2024-03-01",
            "Huaxun Telecom agrees to merge with Xinglian Mobile",
        ),
        (
            "SkyHarbor Airlines and Jetstream Pacific completed their merger on October 1, 2024.",
            "acquisition:skyharbor-airlines+jetstream-pacific",
            "acquisition",
            "2024-10-01",
            "SkyHarbor Airlines merges with Jetstream Pacific",
        ),
        (
            "In September 2024, Jetstream Pacific agreed to buy Vale Media for $300 million.",
            "acquisition:jetstream-pacific+vale-media:agreement",
            "acquisition",
            "2024-09-01",
            "Jetstream Pacific agrees to acquire Vale Media",
        ),
        # Trouble: outages, fines, recalls, each keyed by its month.
        (
            "7月12日晚，华讯通信移动网络发生大面积宕机。",
            "controversy:huaxun-telecom:outage:2024-07",
            "controversy",
            "2024-07-12",
            "Huaxun Telecom suffers an outage",
        ),
        (
            "宏聯人壽今年8月因理賠延誤遭金管會罰款600萬元。",
            "controversy:honglian-life:fine:2024-08",
            "controversy",
            "2024-08-01",
            "Honglian Life is fined",
        ),
        (
            "SkyHarbor Airlines recalled 200 aircraft seats in May 2024.",
            "controversy:skyharbor-airlines:recall:2024-05",
            "controversy",
            "2024-05-01",
            "SkyHarbor Airlines recalls products",
        ),
        (
            "PitchPass suffered a four-hour outage on June 20, 2024.",
            "controversy:pitchpass:outage:2024-06",
            "controversy",
            "2024-06-20",
            "PitchPass suffers an outage",
        ),
        # People taking over, becoming chair, resigning, retiring.
        (
            "Priya Raman became chair of Solvane in February 2024.",
            "personnel:priya-raman",
            "personnel",
            "2024-02-01",
            "Priya Raman is appointed chairman of Solvane Energy",
        ),
        (
            "祥云航空创始人周建华去年辞去董事长职务。",
            "personnel:zhou-jianhua",
            "personnel",
            "2023-01-01",
            "Zhou Jianhua leaves Xiangyun Airlines",
        ),
        (
            "今年7月，周建华出任华讯通信首席执行官。",
            "personnel:zhou-jianhua",
            "personnel",
            "2024-07-01",
            "Zhou Jianhua is appointed CEO of Huaxun Telecom",
        ),
        (
            "In April 2024, Dana Whitfield retired as chair of Arena Sports Network.",
            "personnel:dana-whitfield",
            "personnel",
            "2024-04-01",
            "Dana Whitfield leaves Arena Sports Network",
        ),
        # Deals signed, rights licensed, jobs cut, a business exited, units sold.
        (
            "Arena signed a five-year deal with the Premier Basketball League in June 2024.",
            "partnership:arena-sports-network+premier-basketball-league",
            "partnership",
            "2024-06-01",
            "Arena Sports Network and Premier Basketball League form a partnership",
        ),
        (
            "In June 2024, Arena licensed the rights to stream league games to Vale Media.",
            "partnership:arena-sports-network+vale-media",
            "partnership",
            "2024-06-01",
            "Arena Sports Network and Vale Media form a partnership",
        ),
        (
            "SkyHarbor Airlines laid off 300 pilots in March 2024.",
            "restructuring:skyharbor-airlines:2024",
            "restructuring",
            "2024-03-01",
            "SkyHarbor Airlines cuts jobs",
        ),
        (
            "今年4月，华讯通信宣布退出卫星电话业务。",
            "strategy:huaxun-telecom:2024",
            "strategy",
            "2024-04-01",
            "Huaxun Telecom exits a business",
        ),
        (
            "Nordgrid Power sold 86,000 vehicles in 2023.",
            "financials:nordgrid-power:2023",
            "financials",
            "2023-01-01",
            "Nordgrid Power reports 2023 sales",
        ),
        # Deliveries and subscribers counted are figures too; a first delivery is not.
        (
            "Nordgrid Power delivered 52,000 vehicles in the third quarter of 2024.",
            "financials:nordgrid-power:2024-35",
            "financials",
            "2024-07-01",
            "Nordgrid Power reports Q3 2024 sales",
        ),
        (
            "PitchPass added 2.1 million subscribers in the third quarter of 2024.",
            "financials:pitchpass:2024-35",
            "financials",
            "2024-07-01",
            "PitchPass reports Q3 2024 subscribers",
        ),
        (
            "今年第三季度，星联移动付费用户突破1亿。",
            "financials:xinglian-mobile:2024-35",
            "financials",
            "2024-07-01",
            "Xinglian Mobile reports Q3 2024 subscribers",
        ),
        (
            "In 2024, Solvane Energy posted net income of $42 million on revenue of $1.1 billion.",
            "financials:solvane-energy:2024",
            "financials",
            "2024-01-01",
            "Solvane Energy reports 2024 net income of USD 42 million",
        ),
    ],
)
def test_happenings_of_every_industry(claims_about, text, key, event_type, start, headline):
    (claim,) = [c for c in claims_about(text) if c.key == key]
    assert (claim.event_type, claim.date.start, claim.headline) == (
        event_type,
        date.fromisoformat(start),
        headline,
    )


@pytest.mark.parametrize(
    ("text", "key", "headline"),
    [
        # What is announced is the happening.
        (
            "美福零售昨日宣布，全臺門市商品平均降價5%。",
            "pricing:meifu-retail:2024-12",
            "Meifu Retail cuts prices",
        ),
        (
            "In October 2024, Solvane Energy said it had started production at its Texas factory.",
            "other:solvane-energy:production:2024-10",
            "Solvane Energy starts production",
        ),
        (
            "华讯通信今年3月宣布拟收购星联移动。",
            "acquisition:huaxun-telecom+xinglian-mobile:agreement",
            "Huaxun Telecom agrees to acquire Xinglian Mobile",
        ),
        # A plan, a view or an interview about a happening's topic is a statement.
        (
            "星联移动昨日宣布，将于明年一月起上调国际漫游资费。",
            "statement:xinglian-mobile:2024-12",
            "Xinglian Mobile makes a forecast",
        ),
        (
            "In an interview last month, Maria Ortiz said the fare war would hurt smaller rivals.",
            "statement:maria-ortiz:2024-11",
            "Maria Ortiz makes a forecast",
        ),
        (
            "Priya Raman said in an interview in October 2024 that price cuts by rivals were "
            "unsustainable.",
            "statement:priya-raman:2024-10",
            "Priya Raman comments on prices",
        ),
        (
            "陈立新上月在接受采访时表示，5G套餐的价格战不可持续。",
            "statement:chen-lixin:2024-11",
            "Chen Lixin comments on prices",
        ),
        (
            "陳美玲上月受訪時表示，保單降價競爭對產業不利。",
            "statement:chen-meiling:2024-11",
            "Chen Meiling comments on prices",
        ),
    ],
)
def test_an_announcement_is_what_it_announces(claims_about, text, key, headline):
    (claim,) = claims_about(text)
    assert (claim.key, claim.headline) == (key, headline)


def test_reports_of_several_periods_in_a_year_stay_apart(claims_about):
    claims = claims_about(
        "今年上半年，华讯通信营收为980亿元；第三季度营收为530亿元。\n"
        "今年8月，华讯通信营收为25亿元；9月营收为23亿元。\n"
        "2024年，华讯通信营收为3800亿元。\n"
        "今年前三季度，华讯通信营收为2900亿元。"
    )
    assert [(c.key, c.headline) for c in claims] == [
        (
            "financials:huaxun-telecom:2024-40",
            "Huaxun Telecom reports H1 2024 revenue of RMB 98 billion",
        ),
        (
            "financials:huaxun-telecom:2024-35",
            "Huaxun Telecom reports Q3 2024 revenue of RMB 53 billion",
        ),
        (
            "financials:huaxun-telecom:2024-08",
            "Huaxun Telecom reports August 2024 revenue of RMB 2.5 billion",
        ),
        (
            "financials:huaxun-telecom:2024-09",
            "Huaxun Telecom reports September 2024 revenue of RMB 2.3 billion",
        ),
        (
            "financials:huaxun-telecom:2024",
            "Huaxun Telecom reports 2024 revenue of RMB 380 billion",
        ),
        (
            "financials:huaxun-telecom:2024-01-2024-09",
            "Huaxun Telecom reports January – September 2024 revenue of RMB 290 billion",
        ),
    ]


def test_rounds_of_one_year_are_told_apart_by_their_names(claims_about):
    claims = claims_about(
        "今年3月，华芯装备完成Pre-A轮融资；今年11月，华芯装备又完成5亿元B轮融资，由腾讯领投。\n"
        "In May 2024, Solvane Energy raised $50 million in a Series B round; in October it "
        "closed a $200 million Series C."
    )
    assert [(c.key, c.headline) for c in claims] == [
        ("funding:huaxin-equipment:pre-a", "Huaxin Equipment raises funding in a Pre-A round"),
        (
            "funding:huaxin-equipment:series-b",
            "Huaxin Equipment raises RMB 500 million in a Series B round led by Tencent",
        ),
        (
            "funding:solvane-energy:series-b",
            "Solvane Energy raises USD 50 million in a Series B round",
        ),
        (
            "funding:solvane-energy:series-c",
            "Solvane Energy raises USD 200 million in a Series C round",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "key", "roles"),
    [
        # Investors named after the round, led or joining, and listed together.
        (
            "2023年8月，华芯装备完成C轮融资，由昆仑创投领投，腾讯跟投。",
            "funding:huaxin-equipment:series-c",
            {
                "huaxin-equipment": "subject",
                "kunlun-ventures": "lead investor",
                "tencent": "investor",
            },
        ),
        (
            "今年3月，华芯装备完成5亿元A轮融资，阿里巴巴参与投资。",
            "funding:huaxin-equipment:series-a",
            {"huaxin-equipment": "subject", "alibaba": "investor"},
        ),
        (
            "今年3月，昆仑创投领投了华芯装备的A轮融资，阿里巴巴、腾讯参与投资。",
            "funding:huaxin-equipment:series-a",
            {
                "huaxin-equipment": "subject",
                "kunlun-ventures": "lead investor",
                "alibaba": "investor",
                "tencent": "investor",
            },
        ),
        (
            "华芯装备今年3月完成了由腾讯领投的5亿元B轮融资。",
            "funding:huaxin-equipment:series-b",
            {"huaxin-equipment": "subject", "tencent": "lead investor"},
        ),
        (
            "今年11月，昆仑创投宣布完成对华芯装备的战略投资。",
            "funding:huaxin-equipment:2024",
            {"huaxin-equipment": "subject", "kunlun-ventures": "investor"},
        ),
        # Founders, however they are written.
        (
            "华芯装备成立于2015年，创始人为张伟明。",
            "founding:huaxin-equipment",
            {"huaxin-equipment": "subject", "zhang-weiming": "founder"},
        ),
        (
            "美福零售由林志明於2008年創辦。",
            "founding:meifu-retail",
            {"meifu-retail": "subject", "lin-zhiming": "founder"},
        ),
    ],
)
def test_parties_in_chinese(claims_about, text, key, roles):
    (claim,) = claims_about(text)
    assert claim.key == key
    assert dict(claim.actors) == roles


@pytest.mark.parametrize(
    ("text", "key", "actor"),
    [
        # A subject only referred to is the latest actor of its kind named before it.
        (
            "今年8月，北京市通信管理局就宕机事件对华讯通信展开调查。该局10月对华讯通信处以200万元罚款。",
            "controversy:huaxun-telecom:fine:2024-10",
            "beijing-communications-administration",
        ),
        (
            "In March 2024, Solvane signed a deal with Nordgrid Power. In July 2024, the company "
            "raised $450 million in a round led by Kestrel Capital.",
            "funding:solvane-energy:2024",
            "solvane-energy",
        ),
        (
            "Arena licensed the rights to Vale Media's library in 2023. The company raised "
            "prices for PitchPass by 15% in August 2024.",
            "pricing:pitchpass:2024-08",
            "arena-sports-network",
        ),
        (
            "去年6月，华芯装备任命李娜为首席财务官。今年2月，该公司与北方微电子签署设备供应协议。",
            "partnership:beifang-microelectronics+huaxin-equipment",
            "huaxin-equipment",
        ),
    ],
)
def test_a_referred_subject_is_the_latest_actor_of_its_kind(claims_about, text, key, actor):
    (claim,) = [c for c in claims_about(text) if c.key == key]
    assert actor in {slug for slug, _ in claim.actors}


def test_a_successor_named_after_a_departure_is_a_second_move(claims_about):
    claims = claims_about(
        "2024年11月，华讯通信董事长陈立新辞任，由总裁王海峰接任。\n"
        "Tom Becker stepped down as chief executive of SkyHarbor in January 2024, and Maria "
        "Ortiz took over."
    )
    assert [(c.key, c.headline, c.date.start) for c in claims] == [
        ("personnel:chen-lixin", "Chen Lixin leaves Huaxun Telecom", date(2024, 11, 1)),
        (
            "personnel:wang-haifeng",
            "Wang Haifeng is appointed chairman of Huaxun Telecom",
            date(2024, 11, 1),
        ),
        ("personnel:tom-becker", "Tom Becker leaves SkyHarbor Airlines", date(2024, 1, 1)),
        (
            "personnel:maria-ortiz",
            "Maria Ortiz is appointed CEO of SkyHarbor Airlines",
            date(2024, 1, 1),
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Solvane Energy is still awaiting approval from the Federal Energy Regulatory Commission.",
        "康準醫材預計明年在美國申請上市許可。",  # an application, next year
        "华芯装备拟于明年在香港上市。",  # a planned listing
        "华讯通信今年3月拟与星联移动合并。",  # a plan, not an agreement
        "The merger of SkyHarbor and Jetstream is expected to close in the second quarter of 2025.",
        "Solvane Energy plans to acquire Nordgrid Power next year.",
        "华芯装备的新工厂预计明年投产。",
        "Would PitchPass ever turn a profit?",
    ],
)
def test_no_claim_for_what_has_not_happened(claims_about, text):
    assert claims_about(text) == ()


def test_a_delivery_is_a_figure_only_when_counted(claims_about):
    # Not a figure; a dated happening all the same, told in its own words.
    claims = claims_about("Nordgrid Power delivered its first vehicles in March 2024.")
    assert [claim.event_type for claim in claims] == ["other"]
    assert claims[0].headline == "Nordgrid Power delivered its first vehicles in March 2024"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A successor named as such: the one succeeded leaves at the same time.
        (
            "Helen Marsh became Starlight's chief executive in January, succeeding Raymond "
            "Cole, who retired.",
            "2025-03-20",
            [
                ("personnel:raymond-cole", "Raymond Cole leaves Starlight Cinemas"),
                ("personnel:helen-marsh", "Helen Marsh is appointed CEO of Starlight Cinemas"),
            ],
        ),
        (
            "去年8月，孙立接替刘振国出任宝川钢铁董事长。",
            "2025-03-20",
            [
                ("personnel:liu-zhenguo", "Liu Zhenguo leaves Baochuan Steel"),
                ("personnel:sun-li", "Sun Li is appointed chairman of Baochuan Steel"),
            ],
        ),
        # One move after another, each in a clause of its own.
        (
            "宝川钢铁今年8月人事变动，董事长刘振国因年龄原因退休，总经理孙立接任董事长。",
            "2024-11-28",
            [
                ("personnel:liu-zhenguo", "Liu Zhenguo leaves Baochuan Steel"),
                ("personnel:sun-li", "Sun Li is appointed chairman of Baochuan Steel"),
            ],
        ),
        (
            "禾豐農機總經理黃文彬今年3月辭職，職務由副總經理蔡明哲代理。",
            "2024-06-30",
            [
                ("personnel:huang-wenbin", "Huang Wenbin leaves Hefeng Farm Machinery"),
                (
                    "personnel:cai-mingzhe",
                    "Cai Mingzhe is appointed general manager of Hefeng Farm Machinery",
                ),
            ],
        ),
        # The one appointed is the one named nearest the verb, or after an active one.
        (
            "雅丰化妝品今年1月初由陳淑芬之女林佳穎接任總經理。",
            "2025-01-15",
            [
                (
                    "personnel:lin-jiaying",
                    "Lin Jiaying is appointed general manager of Yafeng Cosmetics",
                )
            ],
        ),
    ],
)
def test_personnel_moves(claims_about, text, published, expected):
    assert [(c.key, c.headline) for c in claims_about(text, published)] == expected


@pytest.mark.parametrize(
    ("text", "published", "key", "headline"),
    [
        (
            "今年5月，饱了么完成对生鲜电商鲜到家的收购。",
            "2024-10-08",
            "acquisition:baoleme+xiandaojia",
            "Baoleme acquires Xiandaojia",
        ),
        # A brand's trouble is its owner's.
        (
            "去年3月，雅丰旗下保養品牌「水漾」因標示不實，遭食藥署下架並罰鍰80萬元。",
            "2025-01-15",
            "controversy:yafeng-cosmetics:fine:2024-03",
            "Yafeng Cosmetics is fined",
        ),
        (
            "In January, a cyberattack disrupted Meridian's booking systems for two days.",
            "2024-07-09",
            "controversy:meridian-lines:cyberattack:2024-01",
            "Meridian Lines suffers a cyberattack",
        ),
        (
            "On March 18 Meridian Lines opened a new container terminal in Gdansk.",
            "2024-07-09",
            "other:meridian-lines:opening:2024-03",
            "Meridian Lines opens a facility",
        ),
        (
            "Starlight Cinemas had a hard year. In May 2024 the chain closed 14 underperforming "
            "theaters.",
            "2024-12-01",
            "restructuring:starlight-cinemas:2024",
            "Starlight Cinemas restructures",
        ),
        (
            "1月，宝川钢铁与矿商西岭资源签订了为期十年的铁矿石长期供货合同。",
            "2024-11-28",
            "partnership:baochuan-steel+xiling-resources",
            "Baochuan Steel and Xiling Resources form a partnership",
        ),
        (
            "外卖平台饱了么今年9月宣布，骑手配送费上调10%。",
            "2024-10-08",
            "pricing:baoleme:2024-09",
            "Baoleme raises prices",
        ),
        (
            "Chief executive Lars Vinter told analysts last month that freight rates would stay "
            "high.",
            "2024-07-09",
            "statement:lars-vinter:2024-06",
            "Lars Vinter makes a forecast",
        ),
    ],
)
def test_more_shapes_of_the_same_happenings(claims_about, text, published, key, headline):
    (claim,) = claims_about(text, published)
    assert (claim.key, claim.headline) == (key, headline)


def test_the_measure_reported_is_the_one_its_amount_follows(claims_about):
    (claim,) = claims_about(
        "华讯通信仍在运营且接近盈利（预计2024年收入约为1380万美元）。", "2025-03-01"
    )
    assert claim.headline == "Huaxun Telecom reports 2024 revenue of about USD 13.8 million"


def test_a_year_ago_figure_is_a_comparison_not_a_report(claims_about):
    (claim,) = claims_about("宝川钢铁上半年净亏损18亿元，而去年同期盈利9亿元。", "2024-11-28")
    assert (claim.key, claim.headline) == (
        "financials:baochuan-steel:2024-40",
        "Baochuan Steel reports H1 2024 net loss of RMB 1.8 billion",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The two airlines", "兩家公司", "雙方": the two companies named last.
        (
            "SkyHarbor Airlines and Jetstream Pacific agreed to merge in March 2024. The two "
            "airlines completed their merger on October 1, 2024.",
            [
                (
                    "acquisition:skyharbor-airlines+jetstream-pacific:agreement",
                    "SkyHarbor Airlines agrees to merge with Jetstream Pacific",
                ),
                (
                    "acquisition:skyharbor-airlines+jetstream-pacific",
                    "SkyHarbor Airlines merges with Jetstream Pacific",
                ),
            ],
        ),
        (
            "今年6月，金管會核准宏聯人壽與永信產險的合併案。雙方於10月1日完成合併。",
            [
                (
                    "other:honglian-life:approval:2024-06",
                    "Honglian Life wins approval to merge with Yongxin Property Insurance from "
                    "the Financial Supervisory Commission",
                ),
                (
                    "acquisition:honglian-life+yongxin-property-insurance",
                    "Honglian Life merges with Yongxin Property Insurance",
                ),
            ],
        ),
        # Rules a regulator issues.
        (
            "北京市通信管理局今年3月发布《数据交易管理办法》，自5月1日起施行。",
            [
                (
                    "other:beijing-communications-administration:rules:2024-03",
                    "Beijing Communications Administration issues rules",
                )
            ],
        ),
        (
            "In March 2024, the Beijing Communications Administration issued new rules on data "
            "trading.",
            [
                (
                    "other:beijing-communications-administration:rules:2024-03",
                    "Beijing Communications Administration issues rules",
                )
            ],
        ),
        # A price raised, and a product put on sale, named before the verb.
        (
            "Fuka raised its monthly subscription price to $12.99 in March 2024.",
            [("pricing:fuka:2024-03", "Fuka raises prices")],
        ),
        (
            "华芯装备新款刻蚀机今年4月开启预售。",
            [
                (
                    "product_launch:huaxin-equipment:2024-04:presale",
                    "Huaxin Equipment opens pre-orders for a new machine",
                )
            ],
        ),
        # A university or its lab releases models.
        (
            "Tsinghua University set up a research lab in 2019. In May 2024, the lab released "
            "a new language model.",
            [
                # A dated happening no vocabulary names, told in its own words.
                (
                    "other:tsinghua-university:2019:3775ae7e",
                    "Tsinghua University set up a research lab in 2019",
                ),
                (
                    "model_release:tsinghua-university:2024-05",
                    "Tsinghua University releases a language model",
                ),
            ],
        ),
    ],
)
def test_pairs_rules_prices_and_labs(claims_about, text, expected):
    assert [(c.key, c.headline) for c in claims_about(text)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A sale agreed, then closed, named only as "the sale".
        (
            "Copperline Brewing agreed in April to sell its cider unit to Orchard Valley Drinks "
            "for $140 million. The sale closed on August 30.",
            "2024-12-12",
            [
                (
                    "acquisition:orchard-valley-drinks+copperline-brewing:agreement",
                    "Orchard Valley Drinks agrees to acquire Copperline Brewing",
                ),
                (
                    "acquisition:orchard-valley-drinks+copperline-brewing",
                    "Orchard Valley Drinks acquires Copperline Brewing",
                ),
            ],
        ),
        (
            "衣恋時尚上月宣布，已與日本服飾品牌森之語達成收購協議。",
            "2024-12-05",
            [
                (
                    "acquisition:yilian-fashion+morinogo:agreement",
                    "Yilian Fashion agrees to acquire Morinogo",
                )
            ],
        ),
        # Reported talks to buy are a rumour of a purchase.
        (
            "Harbor & Pine is in talks to buy a boutique chain in Italy, people familiar with "
            "the matter said.",
            "2024-09-30",
            [
                (
                    "rumor:harbor-pine-hotels:acquisition",
                    "Reports say Harbor & Pine Hotels is in talks to buy a company",
                )
            ],
        ),
        # What came weeks later does not share the date before it.
        (
            "A data breach at Harbor & Pine exposed the details of 1.2 million guests in May, "
            "and the hotel group was sued by a consumer group weeks later.",
            "2024-09-30",
            [
                (
                    "controversy:harbor-pine-hotels:breach:2024-05",
                    "Harbor & Pine Hotels suffers a data breach",
                )
            ],
        ),
        # A date after "said" dates the saying; the figure's company is named after it, or,
        # when the sentence names no one, it is the article's.
        (
            "Revenue per available room rose 4% in the second quarter, and net income reached "
            "$56 million, Harbor & Pine said in July.",
            "2024-09-30",
            [
                (
                    "financials:harbor-pine-hotels:2024-34",
                    "Harbor & Pine Hotels reports Q2 2024 revenue",
                )
            ],
        ),
        (
            "Copperline Brewing makes lager.\nThird-quarter revenue fell 3% to $310 million.",
            "2024-12-12",
            [
                (
                    "financials:copperline-brewing:2024-35",
                    "Copperline Brewing reports Q3 2024 revenue of USD 310 million",
                )
            ],
        ),
        # Appointments with the person between verb and title, or "serving as".
        (
            "Harbor & Pine Hotels grew fast. In June, the company named Aiko Tanaka chief "
            "operating officer.",
            "2024-09-30",
            [("personnel:aiko-tanaka", "Aiko Tanaka is appointed COO of Harbor & Pine Hotels")],
        ),
        (
            "Copperline Brewing chief executive Dan Ruiz resigned in October; finance chief Maya "
            "Lin is serving as interim chief executive.",
            "2024-12-12",
            [
                ("personnel:dan-ruiz", "Dan Ruiz leaves Copperline Brewing"),
                ("personnel:maya-lin", "Maya Lin is appointed CEO of Copperline Brewing"),
            ],
        ),
        # Openings of a hotel, a store, a sorting centre.
        (
            "Harbor & Pine Hotels opened its 100th property, in Lisbon, on August 12.",
            "2024-09-30",
            [("other:harbor-pine-hotels:opening:2024-08", "Harbor & Pine Hotels opens a facility")],
        ),
        (
            "今年8月，衣恋時尚在台北信義區開設全台最大旗艦店。",
            "2024-12-05",
            [("other:yilian-fashion:opening:2024-08", "Yilian Fashion opens a facility")],
        ),
        (
            "去年9月，华铁快运昆明分拨中心建成启用。",
            "2025-02-18",
            [("other:huatie-express:opening:2024-09", "Huatie Express opens a facility")],
        ),
        # A plant started, and breweries shut by "it", in one sentence.
        (
            "The brewer Copperline began production at a new plant in Ohio in May, and it shut "
            "two older breweries in Oregon in September.",
            "2024-12-12",
            [
                (
                    "other:copperline-brewing:production:2024-05",
                    "Copperline Brewing starts production",
                ),
                ("restructuring:copperline-brewing:2024", "Copperline Brewing restructures"),
            ],
        ),
    ],
)
def test_deals_dates_and_subjects_across_clauses(claims_about, text, published, expected):
    assert [(c.key, c.headline) for c in claims_about(text, published)] == expected
