"""Extraction: one article in, its dated event claims out; the entry point ingest calls.

Reads the article's reference date, normalizes every date and links every actor once over
the whole text, then reads each content paragraph for claims (`timeline.pipeline.events`).
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from timeline.pipeline.actors import (
    ActorMatcher,
    find_candidates,
    find_roles,
    fold_text,
)
from timeline.pipeline.context import COMPANY_KINDS, ArticleContext
from timeline.pipeline.dates import (
    ReferenceDate,
    find_dates,
    infer_reference_date,
    parse_reference,
)
from timeline.pipeline.events import (
    ExtractedClaim,
    ParagraphState,
    collapse_claims,
    paragraph_claims,
)
from timeline.pipeline.reading import Article, Document, Paragraph, segment_article

__all__ = ["ExtractedClaim", "Extraction", "article_reference", "extract_article"]


@dataclass(frozen=True)
class Extraction:
    article: Article
    reference: ReferenceDate | None
    claims: tuple[ExtractedClaim, ...]
    skipped: Mapping[str, int]
    warnings: tuple[str, ...]
    candidates: tuple[str, ...]


def article_reference(article: Article) -> ReferenceDate | None:
    """The publication date when known, else the date the text places itself at, else None."""
    if article.published is not None:
        return parse_reference(article.published.isoformat())
    return infer_reference_date(article.text)


def _content(document: Document) -> list[tuple[int, int]]:
    return [(p.char_start, p.char_end) for p in document.paragraphs]


def _runs(paragraph: Paragraph, spam: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraph's sentences as stretches of text with no spam cut inside, so names are
    looked for once per stretch rather than once per sentence."""
    runs: list[tuple[int, int]] = []
    for sentence in paragraph.sentences:
        if runs and not any(runs[-1][1] <= s < sentence.char_start + 1 for s, _ in spam):
            runs[-1] = (runs[-1][0], sentence.char_end)
        else:
            runs.append((sentence.char_start, sentence.char_end))
    return runs


def extract_article(article: Article, *, matcher: ActorMatcher) -> Extraction:
    """Every dated happening the article states, as claims in text order."""
    document = segment_article(article)
    reference = article_reference(article)
    text = article.text
    scan = find_dates(text, reference=reference)
    actors = matcher.find(text)
    spam = [(span.char_start, span.char_end) for span in document.spam_spans]
    if spam:
        actors = [
            mention
            for mention in actors
            if not any(start < mention.char_end and mention.char_start < end for start, end in spam)
        ]
    roles = find_roles(text, actors, matcher=matcher)
    counts = Counter(
        mention.slug for mention in actors if matcher.entry(mention.slug).kind in COMPANY_KINDS
    )
    context = ArticleContext(
        text=text,
        folded=fold_text(text),
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
    for warning in scan.warnings:
        if any(start <= warning.char_start < end for start, end in _content(document)):
            warnings.append(f"{warning.message}: {warning.text!r} at {warning.char_start}")

    claims: list[ExtractedClaim] = []
    state = ParagraphState()
    candidates: list[str] = []
    seen: set[str] = set()
    # Headings are read too: a title such as "2024年5月13日,零一万物发布Yi-Large" states news.
    for paragraph in document.paragraphs:
        claims.extend(paragraph_claims(context, paragraph, state))
        for start, end in _runs(paragraph, spam):
            for candidate in find_candidates(text[start:end], matcher, offset=start):
                if candidate.text not in seen:
                    seen.add(candidate.text)
                    candidates.append(candidate.text)
    warnings.extend(context.warnings)
    return Extraction(
        article=article,
        reference=reference,
        claims=collapse_claims(claims),
        skipped=document.skipped_counts(),
        warnings=tuple(warnings),
        candidates=tuple(candidates),
    )
