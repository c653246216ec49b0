"""A source's text cut into pieces at every claim and date boundary, and its noise found
again: tables of texts and spans, on unsaved rows (no database)."""

import pytest

from pages.evidence import evidence_lines, reread, skipped_counts_differ
from timeline.models import Claim, Source


def source_of(text: str, **fields) -> Source:
    fields.setdefault("title", "")
    return Source(text=text, language="zh-Hans", content_hash="x", **fields)


def claim_in(text: str, pk: int, quote: str, date_text: str = "") -> Claim:
    start = text.index(quote)
    claim = Claim(pk=pk, event_id=pk * 10, quote=quote, char_start=start)
    claim.char_end = start + len(quote)
    if date_text:
        claim.date_char_start = text.index(date_text, start)
        claim.date_char_end = claim.date_char_start + len(date_text)
    return claim


def shape(lines) -> list[list[tuple]]:
    """Each line's pieces as (text, claim pk or None, date?, opens the claim?)."""
    return [
        [
            (piece.text, piece.claim.pk if piece.claim else None, piece.is_date, piece.opens_claim)
            for piece in line.pieces
        ]
        for line in lines
    ]


@pytest.mark.parametrize(
    ("text", "claims", "expected"),
    [
        (
            "开头。2024年5月,公司发布模型。结尾",
            [(1, "2024年5月,公司发布模型", "2024年5月")],
            [
                [
                    ("开头。", None, False, False),
                    ("2024年5月", 1, True, True),
                    (",公司发布模型", 1, False, False),
                    ("。结尾", None, False, False),
                ]
            ],
        ),
        (
            # A claim that wraps onto the next line is highlighted on both, anchored once.
            "标题\n去年5月,零一万物\n发布Yi-Large。",
            [(7, "去年5月,零一万物\n发布Yi-Large", "去年5月")],
            [
                [("标题", None, False, False)],
                [("去年5月", 7, True, True), (",零一万物", 7, False, False)],
                [("发布Yi-Large", 7, False, False), ("。", None, False, False)],
            ],
        ),
        (
            # Overlapping claims: the shared words link to the claim that starts last.
            "A and B met. Then they left.",
            [(1, "A and B met"), (2, "B met. Then they left")],
            [
                [
                    ("A and ", 1, False, True),
                    ("B met", 2, False, True),
                    (". Then they left", 2, False, False),
                    (".", None, False, False),
                ]
            ],
        ),
        (
            "No claim here.\n\nNone.",
            [],
            [[("No claim here.", None, False, False)], [], [("None.", None, False, False)]],
        ),
    ],
)
def test_pieces_follow_claim_and_date_boundaries(text, claims, expected):
    source = source_of(text)
    rows = [claim_in(text, *claim) for claim in claims]

    assert shape(evidence_lines(source, rows, None)) == expected


@pytest.mark.parametrize(
    ("text", "title", "skipped"),
    [
        ("文丨程曼祺\n编辑丨宋玮\n零一万物成立于2023年。", "", {1: "byline", 2: "byline"}),
        (
            "---\ntitle: 标题\n---\n零一万物成立于2023年。",
            "标题",
            {1: "front matter", 2: "front matter", 3: "front matter"},
        ),
        ("零一万物成立于2023年。\n李开复说,公司会继续做预训练。", "", {}),
    ],
)
def test_the_lines_skipped_as_noise_are_found_again_with_their_reason(text, title, skipped):
    source = source_of(text, title=title)

    lines = evidence_lines(source, [], reread(source))

    assert {line.number: line.skipped for line in lines if line.skipped} == skipped


@pytest.mark.parametrize(
    ("recorded", "differs"),
    [
        ({"byline": 2}, False),
        ({"byline": 2, "image": 0}, False),
        ({"byline": 1}, True),
        ({}, True),
        (None, False),
    ],
)
def test_a_reading_that_differs_from_the_loaders_is_noticed(recorded, differs):
    report = {} if recorded is None else {"lines skipped": recorded}
    source = source_of("文丨程曼祺\n编辑丨宋玮\n零一万物成立于2023年。", report=report)

    assert skipped_counts_differ(source, reread(source)) is differs
