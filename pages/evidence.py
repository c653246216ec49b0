"""A source's text as evidence: every line, with each claim's span and date phrase marked,
and the lines the extractor skipped as noise set apart with the reason.

The skipped lines are found by segmenting the stored text again (`segment_article`), the
same reading the loader did; the loader's own counts (`Source.report`) say whether the
extractor still reads the text that way.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from timeline.models import Claim, Source
from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.front_matter import split_front_matter
from timeline.pipeline.reading import Article
from timeline.pipeline.segmentation import Document, segment_article


@dataclass(frozen=True)
class Piece:
    """A run of a line's text with one markup: inside a claim or not, a date phrase or not."""

    text: str
    claim: Claim | None = None
    is_date: bool = False
    is_spam: bool = False
    # The first piece of a claim carries its anchor (`claim-<id>`).
    opens_claim: bool = False


@dataclass
class Line:
    number: int
    pieces: list[Piece] = field(default_factory=list)
    skipped: str | None = None

    @property
    def blank(self) -> bool:
        return not any(piece.text.strip() for piece in self.pieces)


def reread(source: Source) -> Document | None:
    """The source's text segmented as the loader segments it; None if it no longer reads."""
    try:
        _, body_start = split_front_matter(source.text)
    except ArticleError:
        body_start = 0
    article = Article(
        path=source.file_name,
        file_name=source.file_name,
        text=source.text,
        body_start=body_start,
        title=source.title,
        publisher=source.publisher,
        authors=tuple(source.authors or ()),
        url=source.url,
        published=source.published,
        language=source.language,
        encoding="utf-8",
        content_hash=source.content_hash,
    )
    try:
        return segment_article(article)
    except ArticleError:
        return None


def skipped_counts_differ(source: Source, document: Document | None) -> bool:
    """Whether re-reading skips other lines than the loader reported skipping."""
    if document is None:
        return True
    recorded = (source.report or {}).get("lines skipped")
    if not isinstance(recorded, dict):
        return False
    return {k: v for k, v in recorded.items() if v} != document.skipped_counts()


def evidence_lines(source: Source, claims: list[Claim], document: Document | None) -> list[Line]:
    """Every line of the source's text cut into pieces at each claim and date boundary."""
    text = source.text
    skipped = {}
    spam = []
    if document is not None:
        skipped = {line.char_start: line.reason for line in document.skipped}
        spam = [(span.char_start, span.char_end) for span in document.spam_spans]
    cuts = {0, len(text)}
    for claim in claims:
        cuts.update((claim.char_start, claim.char_end))
        if claim.date_char_start is not None:
            cuts.update((claim.date_char_start, claim.date_char_end))
    for start, end in spam:
        cuts.update((start, end))
    cuts = sorted(cuts)

    lines = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        end = start + len(raw)
        line = Line(number, skipped=skipped.get(start))
        inside = cuts[bisect_right(cuts, start) : bisect_left(cuts, end)]
        line_cuts = [start, *inside, end]
        for left, right in pairwise(line_cuts):
            if right > left:
                line.pieces.append(piece_at(text, left, right, claims, spam))
        lines.append(line)
        start = end + 1
    opened = set()
    for line in lines:
        for index, piece in enumerate(line.pieces):
            if piece.claim is not None and piece.claim.pk not in opened:
                opened.add(piece.claim.pk)
                line.pieces[index] = Piece(
                    piece.text, piece.claim, piece.is_date, piece.is_spam, opens_claim=True
                )
    return lines


def piece_at(text: str, left: int, right: int, claims: list[Claim], spam) -> Piece:
    covering = [c for c in claims if c.char_start <= left and right <= c.char_end]
    # Overlapping claims: the piece links to the one that starts last (the innermost).
    claim = max(covering, key=lambda c: (c.char_start, -c.char_end), default=None)
    is_date = any(
        c.date_char_start is not None and c.date_char_start <= left and right <= c.date_char_end
        for c in covering
    )
    is_spam = any(s <= left and right <= e for s, e in spam)
    return Piece(text[left:right], claim, is_date, is_spam)
