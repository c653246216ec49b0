"""Sentences in English and both Chinese scripts read as typed, keyed, dated claims."""

from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.extract import extract_article
from timeline.pipeline.headlines import money_phrase
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
