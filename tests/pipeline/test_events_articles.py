"""The event extractor on the short articles of benchmarks/labelled/ written outside the AI
industry (airlines, telecom, retail, energy, chip equipment, insurance, sports media, an
aviation regulator, a device maker, shipping, cinemas, steel, food delivery, cosmetics, farm
machinery, hotels, a brewery, rail express, fashion): every labelled event found with its key
and interval, and nothing else claimed.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "benchmarks" / "labelled"
ARTICLES = (
    "en_airline.txt",
    "en_energy.txt",
    "en_sports_media.txt",
    "hans_telecom.txt",
    "hans_semiequip.txt",
    "hans_aviation.txt",
    "hant_retail.txt",
    "hant_insurance.txt",
    "hant_meddevice.txt",
    # Written after the rules above were, to check that they carry over.
    "en_shipping.txt",
    "en_cinema.txt",
    "hans_steel.txt",
    "hans_fooddelivery.txt",
    "hant_cosmetics.txt",
    "hant_farm.txt",
    "en_hotels.txt",
    "en_brewery.txt",
    "hans_railway.txt",
    "hant_fashion.txt",
)
LABELS = json.loads((LABELLED / "events.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def extractions():
    matcher = ActorMatcher(
        load_gazetteer(ROOT / "fixtures" / "actors.json") + load_gazetteer(LABELLED / "actors.json")
    )
    return {
        name: extract_article(read_article(LABELLED / "articles" / name), matcher=matcher)
        for name in ARTICLES
    }


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@pytest.mark.parametrize("name", ARTICLES)
def test_every_labelled_event_and_nothing_else(extractions, name):
    claims = extractions[name].claims
    expected = LABELS[f"benchmarks/labelled/articles/{name}"]
    found = {(c.key, c.date and c.date.start, c.date and c.date.end, c.event_type) for c in claims}
    wanted = {(e["key"], _day(e["start"]), _day(e["end"]), e["type"]) for e in expected}
    assert found == wanted


@pytest.mark.parametrize("name", ARTICLES)
def test_labelled_actors_take_part(extractions, name):
    by_key = {claim.key: claim for claim in extractions[name].claims}
    for event in LABELS[f"benchmarks/labelled/articles/{name}"]:
        slugs = {slug for slug, _role in by_key[event["key"]].actors}
        assert set(event["actors"]) <= slugs, event["key"]


def test_an_article_without_a_date_is_read_against_its_stated_present(extractions):
    # "截至2024年底" is the present of hans_aviation.txt: its 今年 is 2024, its 去年 2023.
    extraction = extractions["hans_aviation.txt"]
    assert extraction.reference.basis == "inferred"
    assert extraction.reference.start.year == 2024
    years = {c.key: c.date.start.year for c in extraction.claims}
    assert years["other:xiangyun-airlines:approval:2024-03"] == 2024
    assert years["personnel:zhou-jianhua"] == 2023
