"""A person the news describes before the name (what the person is, after a phrase ending
in 的, a count, an order or an age) is the subject of the dated clause the name leads, and
of a later clause of the sentence that opens on its date. Sentences invented for these
tests, in both Chinese scripts, read with no gazetteer."""

import pytest


def _led_by(claims, name: str, start: str) -> bool:
    return any(main == name and begun == start for main, begun, _quote in claims)


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # A phrase ending in 的, then what the person is.
        ("来自邻县的货车司机王建军3月12日在国道上翻车。", "王建军", "2025-03-12"),
        ("來自鄰縣的貨車司機王建軍3月12日在國道上翻車。", "王建軍", "2025-03-12"),
        # An order before what the person is.
        ("第二代店主陈美玲3月12日在店门前滑倒。", "陈美玲", "2025-03-12"),
        ("第二代店主陳美玲3月12日在店門前滑倒。", "陳美玲", "2025-03-12"),
        # A count and an age before what the person is: the age only describes.
        ("一名76岁院友周伯3月12日在浴室滑倒。", "周伯", "2025-03-12"),
        ("一名76歲院友周伯3月12日在浴室滑倒。", "周伯", "2025-03-12"),
    ],
)
def test_a_described_person_leads_the_dated_clause(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        # The sentence opens on the described person; a later clause opens on its date.
        ("渔船船主林水生今年68岁，2019年贷款买下这艘渔船。", "林水生", "2019-01-01"),
        ("漁船船主林水生今年68歲，2019年貸款買下這艘漁船。", "林水生", "2019-01-01"),
    ],
)
def test_a_described_person_is_carried_to_a_later_dated_clause(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


@pytest.mark.parametrize(
    "text",
    [
        # An age told of the person is a state, not a happening.
        "来自邻县的货车司机王建军今年52岁。",
        "來自鄰縣的貨車司機王建軍今年52歲。",
        # A verb before the noun makes the person its object, not the subject.
        "感谢志愿者王建军3月12日。",
    ],
)
def test_what_describes_no_subject_gives_nothing(main_actors, text):
    assert main_actors(text) == []
