"""The five demo articles: the acceptance list of events, with quotes that hold their dates."""

from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.extract import extract_article
from timeline.pipeline.merge import group_claims
from timeline.pipeline.reading import load_manifest, read_article, segment_article

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
        ("000", "GPT-4o-2024-05-13"),  # the LMSYS ranking's only date is inside a model name
        ("001", "2025 年还会翻数倍"),  # a forecast
        ("002", "5年後"),  # an offset, not a date
        ("004", "半个多月"),  # a duration
    ],
)
def test_no_claim_from_traps(extractions, article, absent):
    for claim in extractions[article].claims:
        assert absent not in claim.quote and absent not in claim.key
        assert claim.date is None or claim.date.text not in absent


def test_references_and_candidates(extractions):
    assert extractions["001"].reference.basis == "published"
    assert extractions["002"].reference.basis == "inferred"
    assert extractions["001"].skipped["link farm"] > 0
    assert "李友峰" in extractions["004"].candidates
