"""Template filters that write a claim's evidence: its quote with the date phrase marked,
its date as written for its precision, what a relative date was resolved against, and a
link to the original article only when it is a web address."""

from django import template
from django.utils.html import format_html

from timeline.models import AnchorBasis, Claim
from timeline.pipeline.dates.periods import display_date

register = template.Library()

ANCHOR_BASES = {
    AnchorBasis.PUBLISHED: "the publication date",
    AnchorBasis.INFERRED: "the publication date inferred from the text",
    AnchorBasis.CONTEXT: "a date given earlier in the text",
}


@register.filter
def web_link(url: str) -> str:
    """The URL if it is a web address; nothing for any other scheme (`javascript:`…)."""
    return url if url.lower().startswith(("https://", "http://")) else ""


@register.filter
def marked_quote(claim: Claim):
    """The quote, its date expression inside `<mark>`; everything else escaped."""
    if claim.date_char_start is None:
        return claim.quote
    start = claim.date_char_start - claim.char_start
    end = claim.date_char_end - claim.char_start
    return format_html(
        "{}<mark>{}</mark>{}", claim.quote[:start], claim.quote[start:end], claim.quote[end:]
    )


@register.filter
def claim_when(claim: Claim) -> str:
    """`May 2024`, `late 2024`: the claim's normalized interval written for its precision."""
    if claim.date_start is None:
        return ""
    return display_date(
        claim.date_start, claim.date_end, claim.date_precision, claim.date_qualifier or None
    )


@register.filter
def anchor_phrase(claim: Claim) -> str:
    """`against the publication date 2025-01-07`, for a date read relative to another."""
    if not claim.anchor_basis:
        return ""
    basis = ANCHOR_BASES.get(claim.anchor_basis, claim.anchor_basis)
    return f"against {basis} {claim.anchor_date}"
