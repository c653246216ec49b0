"""Actors that look like one, for editors: by their names, or by two events that tell the
same happenings; and the events a merge of two actors leaves to merge."""

from datetime import date

import pytest

from tests.factories import link_actor, make_actor, make_claim, make_event, make_source
from timeline.curation import merge_actors, merge_events
from timeline.likely_same import duplicate_events, likely_same_actors
from timeline.models import ActorReview, EventKey

pytestmark = pytest.mark.django_db

TEXT = "01.AI raised USD 1 billion.\n零一万物融资10亿美元。\n"


def discovered(slug: str, name: str, kind: str = "company"):
    actor = make_actor(slug, name=name, kind=kind, aliases=[name])
    actor.review = ActorReview.DISCOVERED
    actor.save()
    return actor


def event(
    key: str, actor, *, year: int | None = None, month: int | None = None, others=(), quote=""
):
    """An event of `actor` under `key`, dated to the month or else the whole year."""
    start = date(year, month or 1, 1) if year else None
    end = (date(year, month, 28) if month else date(year, 12, 31)) if year else None
    made = make_event(headline=key, type=key.split(":")[0], start=start, end=end)
    EventKey.objects.create(event=made, key=key)
    link_actor(made, actor, "subject")
    for other in others:
        link_actor(made, other, "founder")
    if quote:
        make_claim(event=made, source=SOURCE[0], quote=quote)
    return made


SOURCE = []


@pytest.fixture(autouse=True)
def source():
    SOURCE[:] = [make_source(text=TEXT)]


@pytest.fixture
def two_names():
    """One company under an English and a Chinese name, with a founder both events name."""
    english = make_actor("01-ai", name="01.AI", aliases=["01.AI"])
    chinese = discovered("ling-yi-wan-wu", "零一万物")
    founder = make_actor("li-kai-fu", name="李开复", kind="person")
    founded = event("founding:01-ai", english, year=2023, month=3, others=[founder])
    also_founded = event("founding:ling-yi-wan-wu", chinese, year=2023, month=5, others=[founder])
    raised = event("funding:01-ai:usd-1-billion", english, quote="01.AI raised USD 1 billion")
    also_raised = event(
        "funding:ling-yi-wan-wu:2023", chinese, year=2023, quote="零一万物融资10亿美元"
    )
    model = discovered("llama", "LLaMA", kind="product")
    faced = event("controversy:01-ai:llama", english, year=2023, month=11, others=[model])
    also_faced = event("controversy:ling-yi-wan-wu:llama", chinese, year=2023, others=[model])
    return english, chinese, [(founded, also_founded), (raised, also_raised), (faced, also_faced)]


def test_two_actors_whose_events_tell_the_same_happenings_are_suggested(two_names):
    english, chinese, pairs = two_names

    [suggestion] = likely_same_actors()

    assert (suggestion.actor, suggestion.other) == (english, chinese)
    # The foundings (March and mid-2023) are listed, though only the round (one amount)
    # and the controversy (LLaMA, 2023) back the suggestion up.
    assert suggestion.reasons == ("3 events alike",)
    assert sorted((a.pk, b.pk) for a, b in suggestion.shared) == sorted(
        (a.pk, b.pk) for a, b in pairs
    )
    assert likely_same_actors(chinese.pk) == [suggestion]


def test_one_alike_event_is_not_enough_nor_are_two_curated_actors():
    first, second = discovered("alpha-ke-ji", "甲科技"), discovered("beta-ke-ji", "乙智能")
    event("founding:alpha-ke-ji", first, year=2023)
    event("founding:beta-ke-ji", second, year=2023)
    english = make_actor("01-ai", name="01.AI")
    chinese = make_actor("ling-yi-wan-wu", name="零一万物")
    for actor in (english, chinese):
        event(f"founding:{actor.slug}", actor, year=2023)
        event(f"financials:{actor.slug}:2024", actor, year=2024)

    assert likely_same_actors() == []


def test_names_alone_make_a_suggestion_without_shared_events():
    discovered("a-li", "阿里")
    make_actor("alibaba", name="Alibaba", aliases=["阿里巴巴"])
    discovered("a-li-yun", "阿里云")

    suggestions = likely_same_actors()

    # 阿里 may be short for either; 阿里云 is not 阿里巴巴.
    assert {(s.actor.slug, s.other.slug, s.reasons, s.shared) for s in suggestions} == {
        ("a-li", "alibaba", ("names: short form",), ()),
        ("a-li", "a-li-yun", ("names: short form",), ()),
    }


def test_a_merge_of_the_two_actors_leaves_their_alike_events_to_merge(two_names):
    english, chinese, pairs = two_names
    assert duplicate_events([english.pk]) == []

    merge_actors(target=english, others=[chinese])

    assert sorted((a.pk, b.pk) for a, b in duplicate_events([english.pk])) == sorted(
        (a.pk, b.pk) for a, b in pairs
    )
    assert sorted(EventKey.objects.values_list("key", flat=True)) == [
        "controversy:01-ai:llama",
        "controversy:01-ai:llama#ling-yi-wan-wu",
        "founding:01-ai",
        "founding:01-ai#ling-yi-wan-wu",
        "funding:01-ai:2023",
        "funding:01-ai:usd-1-billion",
    ]
    assert likely_same_actors() == []


def test_merging_the_offered_events_as_handed_over_dates_them_from_every_claim():
    """The offered events come with their claims prefetched; the merge still reads the
    claims it moved: March 2023 and mid-2023 share no day, so the founding is disputed."""
    text = "李开复于2023年3月创立01.AI。\n零一万物2023年年中成立。\n"
    source = make_source(text=text)
    company = make_actor("01-ai", name="01.AI")
    held = []
    for key, quote, start, end, precision in [
        (
            "founding:01-ai",
            "李开复于2023年3月创立01.AI",
            date(2023, 3, 1),
            date(2023, 3, 31),
            "month",
        ),
        ("founding:01-ai#x", "零一万物2023年年中成立", date(2023, 5, 1), date(2023, 8, 31), "part"),
    ]:
        made = make_event(headline=quote, type="founding", start=start, end=end)
        EventKey.objects.create(event=made, key=key)
        link_actor(made, company, "subject")
        make_claim(
            event=made, source=source, quote=quote, start=start, end=end, precision=precision
        )
        held.append(made)
    [(first, second)] = duplicate_events([company.pk])

    merged = merge_events(target=first, others=[second])

    assert merged.claims.count() == 2
    assert (merged.status, merged.date_start, merged.date_precision) == (
        "disputed",
        date(2023, 3, 1),
        "month",
    )
