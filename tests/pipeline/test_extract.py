"""The five demo articles: the acceptance list of events, with quotes that hold their dates."""

from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.dates import DateMention, parse_reference
from timeline.pipeline.extract import dated_after_source, extract_article
from timeline.pipeline.manifest import load_manifest
from timeline.pipeline.merge import group_claims
from timeline.pipeline.reading import read_article
from timeline.pipeline.segmentation import segment_article

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "fixtures" / "articles"


@pytest.fixture(scope="module")
def extractions():
    matcher = ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))
    manifest = load_manifest(ARTICLES / "sources.json")
    return {
        path.name[:3]: extract_article(read_article(path, manifest=manifest), matcher=matcher)
        for path in sorted(ARTICLES.glob("*.txt"))
    }


def d(value):
    return date.fromisoformat(value) if value else None


@pytest.mark.parametrize(
    ("article", "key", "event_type", "start", "end", "date_text"),
    [
        ("000", "founding:01-ai", "founding", "2023-05-01", "2023-08-31", "2023年年中"),
        ("001", "founding:01-ai", "founding", "2023-01-01", "2023-12-31", "2023 年"),
        ("003", "founding:01-ai", "founding", "2023-03-01", "2023-03-31", "2023年3月"),
        ("003", "model_release:yi-34b", "model_release", "2023-11-01", "2023-11-30", "2023年11月"),
        ("003", "controversy:01-ai:llama", "controversy", "2023-11-01", "2023-11-30", "2023年11月"),
        ("004", "controversy:01-ai:llama", "controversy", "2023-01-01", "2023-12-31", "去年"),
        ("002", "funding:01-ai:2023", "funding", "2023-01-01", "2023-12-31", "2023年"),
        ("001", "model_release:yi-large", "model_release", "2024-05-01", "2024-05-31", "去年 5 月"),
        ("002", "model_release:yi-large", "model_release", "2024-05-01", "2024-05-31", "去年5月"),
        (
            "001",
            "model_release:yi-lightning",
            "model_release",
            "2024-10-01",
            "2024-10-31",
            "去年 10 月",
        ),
        ("002", "rumor:01-ai:sale", "rumor", "2025-01-06", "2025-01-06", "1月6日晚"),
        (
            "002",
            "partnership:industrial-large-model-joint-lab",
            "partnership",
            "2024-12-01",
            "2025-01-31",
            "近期",
        ),
        (
            "002",
            "restructuring:01-ai:lingyi-luzhou",
            "restructuring",
            "2024-09-01",
            "2024-12-31",
            "去年年末",
        ),
        (
            "003",
            "restructuring:01-ai:2024",
            "restructuring",
            "2024-12-01",
            "2024-12-31",
            "2024年12月",
        ),
        ("001", "financials:01-ai:2024", "financials", "2024-01-01", "2024-12-31", "2024 年"),
        ("002", "financials:01-ai:2024", "financials", "2024-01-01", "2024-12-31", "2024年"),
        ("003", "financials:01-ai:2024", "financials", "2024-01-01", "2024-12-31", "2024年"),
        ("001", "personnel:huang-wenhao", "personnel", "2024-01-01", "2024-12-31", "2024 年"),
        ("001", "founding:sinovation-ventures", "founding", "2009-01-01", "2009-12-31", "2009 年"),
        ("001", "rumor:bytedance:investment", "rumor", "2025-01-01", "2025-12-31", "今年"),
        ("004", "pricing:bytedance:2024-05", "pricing", "2024-05-01", "2024-05-31", "5 月"),
        ("004", "ranking:kimi:2024-04", "ranking", "2024-04-01", "2024-04-30", "4 月"),
        ("001", "personnel:cao-dapeng", "personnel", "2024-01-01", "2024-12-31", "2024 年"),
        ("001", "personnel:pan-xin", "personnel", "2024-01-01", "2024-12-31", "2024 年"),
        (
            "001",
            "statement:kai-fu-lee:2024-05",
            "statement",
            "2024-05-01",
            "2024-05-31",
            "去年 5 月",
        ),
        ("002", "statement:01-ai:2024-05", "statement", "2024-05-01", "2024-05-31", "去年5月"),
        ("002", "denial:01-ai:sale", "denial", "2025-01-01", "2025-01-31", "連夜"),
        # "这一波…降价" points back to "5 月的这一波价格战" four paragraphs earlier.
        ("004", "pricing:high-flyer:2024-05", "pricing", "2024-05-01", "2024-05-31", "这一波"),
    ],
)
def test_acceptance_event(extractions, article, key, event_type, start, end, date_text):
    extraction = extractions[article]
    (claim,) = [c for c in extraction.claims if c.key == key]
    assert claim.event_type == event_type
    assert (claim.date.start, claim.date.end) == (d(start), d(end))
    assert claim.date.text == date_text
    assert date_text in claim.quote
    assert claim.char_start <= claim.date.char_start < claim.date.char_end <= claim.char_end


def test_denial_is_its_own_event(extractions):
    denials = [c for c in extractions["002"].claims if c.event_type == "denial"]
    assert [c.key for c in denials] == ["denial:01-ai:sale"]
    assert "否認" in denials[0].quote
    assert "kai-fu-lee" in {slug for slug, _ in denials[0].actors}


@pytest.mark.parametrize(
    ("article", "key", "actor"),
    [
        ("000", "controversy:01-ai:llama", "llama"),
        ("000", "personnel:huang-wenhao", "doubao"),
        ("000", "model_release:qwen-2", "alibaba"),
        ("000", "model_release:qwen-2-5", "alibaba"),
        ("000", "model_release:yi-lightning", "yi-lightning"),
        ("001", "denial:01-ai:sale", "kai-fu-lee"),
        ("001", "rumor:01-ai:sale", "alibaba"),
        ("003", "ranking:yi-34b:hugging-face", "hugging-face"),
        ("003", "denial:01-ai:sale", "alibaba-cloud"),
    ],
)
def test_undated_claims_join_by_key(extractions, article, key, actor):
    (claim,) = [c for c in extractions[article].claims if c.key == key]
    assert claim.date is None
    assert actor in {slug for slug, _ in claim.actors}


def test_the_joint_lab_is_dated_by_the_interview_that_reports_it(extractions):
    # "变动消息传出的第二天,…李开复…解释了实际发生的调整:" introduces "零一万物已与阿里云成立…".
    (lab,) = [
        c
        for c in extractions["001"].claims
        if c.key == "partnership:industrial-large-model-joint-lab"
    ]
    assert lab.date.text == "第二天" and lab.date.qualifier == "before"
    assert lab.date.anchor.basis == "context"
    assert lab.quote.startswith("变动消息传出的第二天") and lab.quote.endswith("联合实验室”")
    assert lab.summary.startswith("By 8 January 2025, 01.AI and Alibaba Cloud set up")


@pytest.mark.parametrize(
    ("article", "key", "headline", "summary"),
    [
        (
            "002",
            "strategy:01-ai:2024",
            "01.AI turns to enterprise customers in China",
            "In late 2024, 01.AI turned to enterprise customers in China.",
        ),
        (
            "001",
            "personnel:huang-wenhao",
            "Huang Wenhao leaves 01.AI",
            "In 2024, Huang Wenhao, former head of pre-training, left 01.AI.",
        ),
        (
            "002",
            "rumor:01-ai:sale",
            "Reports say 01.AI will sell its pre-training team to Alibaba Cloud",
            "On 6 January 2025, reports said 01.AI would sell its pre-training team to "
            "Alibaba Cloud.",
        ),
        (
            "001",
            "financials:01-ai:2024",
            "01.AI reports 2024 revenue of over RMB 100 million",
            "01.AI reported revenue of over RMB 100 million for 2024.",
        ),
        (
            "000",
            "ranking:yi-lightning:lmsys",
            "Yi-Lightning ranks sixth on the LMSYS leaderboard, ahead of GPT-4o",
            "",
        ),
        (
            "003",
            "restructuring:01-ai:2024",
            "01.AI restructures and spins off business units",
            "In December 2024, 01.AI restructured and spun off business units.",
        ),
        (
            "004",
            "pricing:high-flyer:2024-05",
            "High-Flyer and Zhipu AI lead price cuts",
            "In May 2024, High-Flyer and Zhipu AI led price cuts.",
        ),
    ],
)
def test_headlines_and_summaries(extractions, article, key, headline, summary):
    (claim,) = [c for c in extractions[article].claims if c.key == key]
    assert (claim.headline, claim.summary) == (headline, summary)


def test_founding_gathers_three_disagreeing_dates(extractions):
    claims = [c for e in extractions.values() for c in e.claims]
    (founding,) = [d for d in group_claims(claims) if d.key == "founding:01-ai"]
    assert sorted((c.date.start, c.date.end) for c in founding.claims) == [
        (date(2023, 1, 1), date(2023, 12, 31)),
        (date(2023, 3, 1), date(2023, 3, 31)),
        (date(2023, 5, 1), date(2023, 8, 31)),
    ]


def test_joint_lab_is_reported_by_two_articles(extractions):
    sources = [
        name
        for name, extraction in extractions.items()
        if any(c.key == "partnership:industrial-large-model-joint-lab" for c in extraction.claims)
    ]
    assert sources == ["001", "002"]


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_quotes_are_exact_clean_and_unique(extractions, article):
    extraction = extractions[article]
    text = extraction.article.text
    document = segment_article(extraction.article)
    spam = [(s.char_start, s.char_end) for s in document.spam_spans]
    skipped = [(s.char_start, s.char_end) for s in document.skipped]
    spans = [(c.char_start, c.char_end) for c in extraction.claims]
    assert len(spans) == len(set(spans))
    assert spans == sorted(spans)
    for claim in extraction.claims:
        assert text[claim.char_start : claim.char_end] == claim.quote
        assert claim.key.isascii() and len(claim.key) <= 200
        for start, end in spam + skipped:
            assert claim.char_end <= start or claim.char_start >= end


@pytest.mark.parametrize(
    ("article", "absent"),
    [
        ("001", "2025 年还会翻数倍"),  # a forecast
        ("002", "5年後"),  # an offset, not a date
        ("004", "半个多月"),  # a duration
    ],
)
def test_no_claim_from_traps(extractions, article, absent):
    for claim in extractions[article].claims:
        assert absent not in claim.quote and absent not in claim.key


def test_a_date_inside_a_model_name_dates_nothing(extractions):
    # "Yi-Lightning 超越GPT-4o-2024-05-13…排名世界第六": the ranking is kept, undated.
    (ranking,) = [c for c in extractions["000"].claims if c.key == "ranking:yi-lightning:lmsys"]
    assert ranking.date is None
    assert "排名世界第六" in ranking.quote
    assert all(c.date is None or "2024-05-13" not in c.date.text for c in extractions["000"].claims)


def test_references_and_candidates(extractions):
    assert extractions["001"].reference.basis == "published"
    assert extractions["002"].reference.basis == "inferred"
    assert extractions["001"].skipped["link farm"] > 0
    assert "李友峰" in extractions["004"].candidates


def test_claims_dated_after_their_article_are_flagged_and_no_others(extractions):
    # No demo claim looks ahead, so the flag marks exactly the claims dated after their
    # article's reference date (001's joint lab, "第二天" of a January 7 interview, today).
    for extraction in extractions.values():
        for claim in extraction.claims:
            late = claim.date is not None and claim.date.start is not None
            late = late and claim.date.start > extraction.reference.end
            assert claim.after_source == late, claim.quote


def mention(text: str, start: str, end: str | None = None) -> DateMention:
    return DateMention(
        text=text,
        char_start=0,
        char_end=len(text),
        start=date.fromisoformat(start),
        end=date.fromisoformat(end or start),
        precision="day",
        qualifier=None,
        edtf=None,
        anchor=None,
    )


def claim_saying(quote: str, when: DateMention | None) -> ExtractedClaim:
    return ExtractedClaim(
        key="partnership:lab",
        event_type="partnership",
        headline="h",
        summary="s",
        quote=quote,
        char_start=0,
        char_end=len(quote),
        date=when,
        actors=(),
    )


@pytest.mark.parametrize(
    ("reference", "quote", "when", "flagged"),
    [
        ("2025-01-07", "第二天,零一万物与阿里云成立实验室", mention("第二天", "2025-01-08"), True),
        ("2025-01-07", "1月7日,零一万物与阿里云成立实验室", mention("1月7日", "2025-01-07"), False),
        ("2025-01-07", "零一万物成立实验室", None, False),
        # A partial reference: the article may have been written on the month's last day.
        ("2025-01", "1月20日,零一万物与阿里云成立实验室", mention("1月20日", "2025-01-20"), False),
        ("2025-01", "2月3日,零一萬物與阿里雲成立實驗室", mention("2月3日", "2025-02-03"), True),
        ("2024", "In March 2025 01.AI set up a lab", mention("March 2025", "2025-03-01"), True),
        # Looking ahead: a plan may name a later date.
        ("2025-01-07", "零一万物计划3月与阿里云成立实验室", mention("3月", "2025-03-01"), False),
        ("2025-01-07", "01.AI will set up a lab in March", mention("March", "2025-03-01"), False),
    ],
)
def test_dated_after_source(reference, quote, when, flagged):
    claim = claim_saying(quote, when)

    assert dated_after_source(claim, parse_reference(reference)) is flagged


def test_no_reference_flags_nothing():
    claim = claim_saying("第二天,零一万物成立实验室", mention("第二天", "2099-01-01"))

    assert dated_after_source(claim, None) is False


@pytest.fixture
def extract_text(tmp_path):
    matcher = ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))

    def read(text: str, published: str):
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        return extract_article(read_article(path), matcher=matcher)

    return read


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A manifest date earlier than what the text reports: the claim postdates its source.
        ("消息传出的2025年3月12日,零一万物已与阿里云成立产业大模型联合实验室。", True),
        ("消息傳出的2025年3月12日,零一萬物已與阿里雲成立產業大模型聯合實驗室。", True),
        ("消息传出的2025年1月6日,零一万物已与阿里云成立产业大模型联合实验室。", False),
        ("In September, 01.AI released Yi-Lightning.", False),
    ],
)
def test_an_article_flags_its_claims_dated_after_it(extract_text, text, flagged):
    (claim,) = extract_text(text, "2025-01-07").claims

    assert claim.date is not None
    assert claim.after_source is flagged


@pytest.fixture(scope="module")
def without_gazetteer():
    manifest = load_manifest(ARTICLES / "sources.json")
    return {
        path.name[:3]: extract_article(
            read_article(path, manifest=manifest), matcher=ActorMatcher([])
        )
        for path in sorted(ARTICLES.glob("*.txt"))
    }


@pytest.mark.parametrize(
    ("article", "event_type", "start", "end", "principal"),
    [
        ("003", "founding", "2023-03-01", "2023-03-31", "01.AI"),
        ("001", "founding", "2023-01-01", "2023-12-31", "零一万物"),
        ("003", "model_release", "2023-11-01", "2023-11-30", "Yi-34B"),
        ("004", "controversy", "2023-01-01", "2023-12-31", "零一万物"),
        ("002", "funding", "2023-01-01", "2023-12-31", "零一萬物"),
        ("002", "model_release", "2024-05-01", "2024-05-31", "零一萬物"),
        ("002", "rumor", "2025-01-06", "2025-01-06", "阿里雲"),
        ("002", "denial", "2025-01-01", "2025-01-31", "李開復"),
        ("002", "restructuring", "2024-09-01", "2024-12-31", "零一萬物"),
        ("002", "financials", "2024-01-01", "2024-12-31", "零一萬物"),
        ("001", "partnership", "2025-01-08", "2025-01-08", "零一万物"),
    ],
)
def test_the_demo_reads_with_no_gazetteer_at_all(
    without_gazetteer, article, event_type, start, end, principal
):
    extraction = without_gazetteer[article]
    names = {entry.slug: entry.name for entry in extraction.discovered}
    found = [
        names[claim.actors[0][0]]
        for claim in extraction.claims
        if claim.event_type == event_type
        and claim.date is not None
        and (claim.date.start, claim.date.end) == (d(start), d(end))
    ]
    assert principal in found
    assert all(entry.review == "discovered" for entry in extraction.discovered)


@pytest.mark.parametrize(
    "text",
    [
        # The date opens the sentence; the claim's subject comes after a place chain, a count
        # or a clause with no happening of its own.
        "6月3日凌晨，云南省永平县石门镇杉木村发生泥石流。",
        "市议会补选昨(14)日投票，无党籍候选人方振邦以3.1万票当选。",
        "消息发出当天，数百名家长赶到学校，要求退还学费。",
        "嘉義市立圖書館新總館去年10月5日開館。開館次日，館內電梯突然故障。",
    ],
)
def test_a_claims_date_lies_in_its_quote(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2025-09-15\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=ActorMatcher([])).claims

    assert claims
    for claim in claims:
        if claim.date is not None:
            assert claim.char_start <= claim.date.char_start < claim.date.char_end <= claim.char_end
            assert claim.quote == read_article(path).text[claim.char_start : claim.char_end]
