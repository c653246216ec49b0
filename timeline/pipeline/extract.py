"""Extraction: one article in, its dated event claims out; the entry point ingest calls.

Reads the article's reference date and normalizes every date; discovers the actors the
matcher does not know (`timeline.pipeline.recogniser`) and links every actor, known or
discovered, once over the whole text; then reads each content paragraph for claims
(`timeline.pipeline.events`).
"""

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from timeline.pipeline.actors import (
    ActorEntry,
    ActorMatcher,
    find_candidates,
    find_roles,
    fold_text,
)
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.collapse import collapse_claims
from timeline.pipeline.context import COMPANY_KINDS, ArticleContext
from timeline.pipeline.dates import ReferenceDate, find_dates, infer_reference_date, parse_reference
from timeline.pipeline.events import paragraph_claims
from timeline.pipeline.guards import forecasts, unnamed_text
from timeline.pipeline.reading import Article
from timeline.pipeline.recogniser import discover
from timeline.pipeline.scope import ParagraphState
from timeline.pipeline.segmentation import Document, Paragraph, segment_article
from timeline.pipeline.short_forms import names_referred_back, without_short_forms
from timeline.pipeline.triggers import ANY_TRIGGER, FORECAST

__all__ = [
    "ExtractedClaim",
    "Extraction",
    "article_reference",
    "dated_after_source",
    "extract_article",
]


@dataclass(frozen=True)
class Extraction:
    article: Article
    reference: ReferenceDate | None
    claims: tuple[ExtractedClaim, ...]
    skipped: Mapping[str, int]
    warnings: tuple[str, ...]
    candidates: tuple[str, ...]
    # Actors this article names that the matcher did not know, found by the recogniser;
    # claims refer to them by these entries' slugs, as to gazetteer actors.
    discovered: tuple[ActorEntry, ...] = ()


def article_reference(article: Article) -> ReferenceDate | None:
    """The publication date when known, else the date the text places itself at, else None."""
    if article.published is not None:
        return parse_reference(article.published.isoformat())
    return infer_reference_date(article.text)


def dated_after_source(claim: ExtractedClaim, reference: ReferenceDate | None) -> bool:
    """Whether the claim is dated after its own article without the text looking ahead.

    A statement of something that happened cannot postdate its source (DATES.md), so such a
    date is a misreading for an editor to see. The reference's end is what counts: an
    article placed only in "January 2025" may have been written on its last day.
    """
    mention = claim.date
    if reference is None or mention is None or mention.start is None:
        return False
    if mention.start <= reference.end:
        return False
    # "将于2026年发布", "plans to list in 2026": a plan or forecast may name a later date.
    return FORECAST.search(fold_text(claim.quote)) is None


class _Spans:
    """Sorted, non-overlapping spans of a text, asked whether a range touches one; a
    lookup costs a bisection, so checking every mention stays linear in the text."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._spans[index][1] > start

    def __bool__(self) -> bool:
        return bool(self._spans)


def _runs(paragraph: Paragraph, spam: _Spans) -> list[tuple[int, int]]:
    """The paragraph's sentences as stretches of text with no spam cut inside, so names are
    looked for once per stretch rather than once per sentence."""
    runs: list[tuple[int, int]] = []
    for sentence in paragraph.sentences:
        if runs and not spam.overlaps(runs[-1][1], sentence.char_start + 1):
            runs[-1] = (runs[-1][0], sentence.char_end)
        else:
            runs.append((sentence.char_start, sentence.char_end))
    return runs


def _readable(document: Document, spam: _Spans) -> list[tuple[int, int]]:
    """The content paragraphs' stretches with no spam inside: where names are looked for."""
    return [run for paragraph in document.paragraphs for run in _runs(paragraph, spam)]


def _dated_sentences(
    document: Document, spam: _Spans, dates: _Spans, folded: str
) -> list[tuple[int, int]]:
    """Sentences that can carry a claim (a date mention, no spam), and headings with a
    happening's word: the stretches the slower statistical recogniser reads."""
    spans: list[tuple[int, int]] = []
    previous: tuple[int, int] | None = None
    for paragraph in document.paragraphs:
        previous = None
        for sentence in paragraph.sentences:
            start, end = sentence.char_start, sentence.char_end
            if spam.overlaps(start, end):
                previous = None
                continue
            # A claim needs a date or a heading's news, and a word naming a happening; a
            # dated sentence with no such word may tell a happening no vocabulary names
            # in any dated clause that does not look ahead.
            named = ANY_TRIGGER.search(folded, start, end)
            if (paragraph.is_heading and named) or (
                dates.overlaps(start, end) and (named or _told_clause(folded, start, end, dates))
            ):
                # "…刘振国曾任总经理。2024年8月，他退休": the sentence a pronoun points back to.
                if previous and previous not in spans and _POINTS_BACK.search(folded, start, end):
                    spans.append(previous)
                spans.append((start, end))
            previous = (start, end)
    return spans


# Where a sentence's clauses part: "X于去年5月开业，并计划明年扩建" tells an opening, then a
# plan.
_CLAUSE_MARK = re.compile(r"[，,；;：:]")


def _told_clause(folded: str, start: int, end: int, dates: _Spans) -> bool:
    """Whether some clause of the sentence at [start, end) holds a date and no forecast
    word of its own (`guards.unnamed_text`): a plan in one clause does not silence a past
    happening in the one before it."""
    clause_start = start
    for mark in [*_CLAUSE_MARK.finditer(folded, start, end), None]:
        clause_end = mark.start() if mark is not None else end
        if dates.overlaps(clause_start, clause_end) and not forecasts(
            unnamed_text(folded[clause_start:clause_end])
        ):
            return True
        clause_start = clause_end + 1
    return False


_POINTS_BACK = re.compile(
    r"他(?![们們])|她(?![们們])|该|其|这家|此|\b(?:he|she|it|its|the company|the firm)\b"
)


def _quote_holding_its_date(text: str, claim: ExtractedClaim) -> ExtractedClaim | None:
    """The claim with its quote reaching its date: "8月5日凌晨，|四川省…龙洞村发生山体滑坡"
    is quoted from the date when the date opens the sentence. A claim's date always lies in
    its quote (the database holds it so); a claim dated from another line is dropped."""
    date = claim.date
    if date is None or claim.char_start <= date.char_start < date.char_end <= claim.char_end:
        return claim
    start, end = min(claim.char_start, date.char_start), max(claim.char_end, date.char_end)
    if "\n" in text[start:end]:
        return None
    return replace(claim, char_start=start, char_end=end, quote=text[start:end])


def extract_article(article: Article, *, matcher: ActorMatcher) -> Extraction:
    """Every dated happening the article states, as claims in text order.

    Names the matcher does not know are discovered first (`timeline.pipeline.recogniser`)
    and read like gazetteer actors; those that some claim links are returned as
    `Extraction.discovered`."""
    document = segment_article(article)
    reference = article_reference(article)
    text = article.text
    scan = find_dates(text, reference=reference)
    spam = _Spans([(span.char_start, span.char_end) for span in document.spam_spans])
    dated = _Spans([(m.char_start, m.char_end) for m in scan.mentions])
    folded = fold_text(text)
    readable = _readable(document, spam)
    # Names that look like actors but match no alias: proposed to editors, and read by the
    # recogniser too.
    proposed = [
        candidate
        for start, end in readable
        for candidate in find_candidates(text[start:end], matcher, offset=start)
    ]
    tag_spans = _dated_sentences(document, spam, dated, folded)
    date_spans = [(m.char_start, m.char_end) for m in scan.mentions]
    found = discover(
        text,
        article.language,
        readable,
        matcher,
        candidates=[
            *proposed,
            *(names_referred_back(text, tag_spans, date_spans) if article.language != "en" else ()),
        ],
        tag_spans=tag_spans,
        dates=date_spans,
        title=article.title,
    )
    known_slugs = matcher.slugs()
    matcher = matcher.extended(found)
    actors = matcher.find(text)
    if spam:
        actors = [m for m in actors if not spam.overlaps(m.char_start, m.char_end)]
    if article.language != "en":
        # "署方", "分处巡山员": a discovered name that only refers back to one written
        # before is read as that one (`short_forms`), not made an actor of its own.
        discovered = frozenset(entry.slug for entry in found) - known_slugs
        actors = without_short_forms(folded, actors, discovered, lambda s: matcher.entry(s).kind)
    roles = find_roles(text, actors, matcher=matcher)
    counts = Counter(
        mention.slug for mention in actors if matcher.entry(mention.slug).kind in COMPANY_KINDS
    )
    context = ArticleContext(
        text=text,
        folded=folded,
        language=article.language,
        reference=reference,
        matcher=matcher,
        dates=scan.mentions,
        actors=actors,
        roles=roles,
        main_company=counts.most_common(1)[0][0] if counts else None,
    )
    warnings: list[str] = []
    if reference is None:
        warnings.append("no reference date: relative dates stay unresolved")
    content = _Spans([(p.char_start, p.char_end) for p in document.paragraphs])
    for warning in scan.warnings:
        if content.overlaps(warning.char_start, warning.char_start + 1):
            warnings.append(f"{warning.message}: {warning.text!r} at {warning.char_start}")

    claims: list[ExtractedClaim] = []
    state = ParagraphState()
    # Headings are read too: a title such as "2024年5月13日,零一万物发布Yi-Large" states news.
    for paragraph in document.paragraphs:
        claims.extend(paragraph_claims(context, paragraph, state))
    candidates = list(dict.fromkeys(candidate.text for candidate in proposed))
    warnings.extend(context.warnings)
    claims = [
        held for claim in collapse_claims(claims) if (held := _quote_holding_its_date(text, claim))
    ]
    linked = {slug for claim in claims for slug, _role in claim.actors}
    return Extraction(
        article=article,
        reference=reference,
        claims=tuple(
            replace(claim, after_source=True) if dated_after_source(claim, reference) else claim
            for claim in claims
        ),
        skipped=document.skipped_counts(),
        warnings=tuple(warnings),
        candidates=tuple(candidates),
        # A known actor's new form ("Li Kaifu" for 李开复) joined it: not a discovery.
        discovered=tuple(
            entry
            for entry in (*found, *context.subjects)
            if entry.slug in linked and entry.slug not in known_slugs
        ),
    )
