"""Claims sharing a key become one event draft; different keys stay apart."""

from datetime import date

from timeline.pipeline.dates import DateMention
from timeline.pipeline.events import ExtractedClaim
from timeline.pipeline.merge import group_claims


def claim(key, start=None, end=None, precision="year", *, at=0, actors=(("01-ai", "subject"),)):
    mention = None
    if start is not None:
        mention = DateMention(
            "x",
            at,
            at + 1,
            date.fromisoformat(start),
            date.fromisoformat(end),
            precision,
            None,
            None,
            None,
        )
    event_type = key.split(":")[0]
    return ExtractedClaim(
        key=key,
        event_type=event_type,
        headline=f"{key} at {at}",
        summary="",
        quote="x",
        char_start=at,
        char_end=at + 1,
        date=mention,
        actors=actors,
    )


def test_claims_with_one_key_form_one_draft_headed_by_the_most_precise():
    founding = [
        claim("founding:01-ai", "2023-01-01", "2023-12-31", "year", at=1),
        claim(
            "founding:01-ai",
            "2023-03-01",
            "2023-03-31",
            "month",
            at=2,
            actors=(("01-ai", "subject"), ("kai-fu-lee", "founder")),
        ),
        claim("founding:01-ai", "2023-05-01", "2023-08-31", "part", at=3),
    ]
    (draft,) = group_claims(founding)
    assert draft.key == "founding:01-ai"
    assert draft.claims == tuple(founding)
    assert draft.headline == "founding:01-ai at 2"
    assert draft.actors == (("01-ai", "subject"), ("kai-fu-lee", "founder"))


def test_different_keys_in_one_month_stay_apart():
    drafts = group_claims(
        [
            claim("model_release:yi-large", "2024-05-01", "2024-05-31", "month", at=1),
            claim("pricing:01-ai:2024-05", "2024-05-01", "2024-05-31", "month", at=2),
            claim("model_release:yi-large", "2024-05-01", "2024-05-31", "month", at=3),
        ]
    )
    assert [(d.key, len(d.claims)) for d in drafts] == [
        ("model_release:yi-large", 2),
        ("pricing:01-ai:2024-05", 1),
    ]


def test_a_dated_claim_heads_an_undated_one():
    (draft,) = group_claims(
        [
            claim("denial:01-ai:sale", at=1),
            claim("denial:01-ai:sale", "2025-01-07", "2025-01-07", "day", at=2),
        ]
    )
    assert draft.headline == "denial:01-ai:sale at 2"


def test_nothing_in_nothing_out():
    assert group_claims([]) == []
