"""Each invariant of the data model is enforced by the database itself."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from tests.factories import SOURCE_TEXT, link_actor, make_actor, make_claim, make_event, make_source
from timeline.models import ActorAlias, Claim, Event, Source

pytestmark = pytest.mark.django_db

QUOTE = "2023年3月,李开复创立零一万物"


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_event_start_after_end_is_refused():
    refused(lambda: make_event(start=date(2024, 5, 2), end=date(2024, 5, 1)))


def test_event_needs_both_ends_or_none():
    refused(
        lambda: Event.objects.create(
            headline="x",
            type="other",
            date_start=date(2024, 5, 1),
            date_precision="day",
            status="consistent",
        )
    )


def test_dated_event_needs_a_precision():
    refused(
        lambda: Event.objects.create(
            headline="x",
            type="other",
            date_start=date(2024, 5, 1),
            date_end=date(2024, 5, 1),
            status="consistent",
        )
    )


def test_consistent_event_must_be_dated():
    refused(lambda: Event.objects.create(headline="x", type="other", status="consistent"))


def test_an_undated_unresolved_event_is_accepted():
    event = Event.objects.create(headline="x", type="other")

    assert event.status == "unresolved"


def test_claim_quote_must_be_the_source_text_at_its_offsets():
    source = make_source()
    event = make_event()
    wrong = "2023年3月,李开复创立百川智能"  # same length, different text

    refused(
        lambda: Claim.objects.create(
            event=event, source=source, quote=wrong, char_start=0, char_end=len(wrong)
        )
    )


def test_claim_offsets_past_the_end_of_the_text_are_refused():
    source = make_source()
    event = make_event()
    start = len(SOURCE_TEXT) - 2

    refused(
        lambda: Claim.objects.create(
            event=event, source=source, quote="。。。", char_start=start, char_end=start + 3
        )
    )


def test_claim_update_that_breaks_the_quote_is_refused():
    claim = make_claim(event=make_event(), source=make_source(), quote=QUOTE)

    refused(lambda: Claim.objects.filter(pk=claim.pk).update(char_start=1, char_end=len(QUOTE) + 1))


def test_claim_span_must_match_quote_length():
    source = make_source()
    refused(
        lambda: Claim.objects.create(
            event=make_event(), source=source, quote=QUOTE, char_start=0, char_end=len(QUOTE) + 1
        )
    )


def test_claim_span_is_unique_per_source():
    source = make_source()
    make_claim(event=make_event(), source=source, quote=QUOTE)

    refused(lambda: make_claim(event=make_event(), source=source, quote=QUOTE))


def test_claim_date_must_lie_inside_the_quote():
    source = make_source()
    refused(
        lambda: make_claim(
            event=make_event(),
            source=source,
            quote="李开复创立零一万物",
            date_char_start=0,
            date_char_end=7,
        )
    )


def test_claim_start_after_end_is_refused():
    refused(
        lambda: make_claim(
            event=make_event(),
            source=make_source(),
            quote=QUOTE,
            start=date(2023, 3, 31),
            end=date(2023, 3, 1),
            precision="month",
        )
    )


def test_claim_anchor_basis_needs_a_date():
    refused(
        lambda: make_claim(
            event=make_event(), source=make_source(), quote=QUOTE, anchor_basis="published"
        )
    )


def test_source_content_hash_is_unique():
    make_source(content_hash="a" * 64)

    refused(lambda: make_source(content_hash="a" * 64))


def test_source_url_is_unique_when_present():
    make_source(url="https://example.com/a")
    make_source(url="")
    make_source(url="")

    refused(lambda: make_source(url="https://example.com/a"))


def test_inferred_publication_needs_a_date():
    refused(lambda: make_source(published_inferred=True))


def test_actor_slug_is_unique():
    make_actor("01-ai")

    refused(lambda: make_actor("01-ai"))


def test_alias_normal_form_is_unique_per_actor_across_scripts():
    actor = make_actor("01-ai", aliases=["零一万物"])

    refused(lambda: ActorAlias.objects.create(actor=actor, alias="零一萬物"))


def test_the_same_alias_may_name_two_actors():
    make_actor("alibaba", aliases=["阿里"])
    other = make_actor("alibaba-group", aliases=["阿里"])

    assert other.aliases.get().normalized == "阿里"


def test_alias_normal_form_cannot_be_empty():
    actor = make_actor("meta")

    refused(lambda: ActorAlias.objects.bulk_create([ActorAlias(actor=actor, alias="x")]))


def test_alias_is_normalized_on_save():
    actor = make_actor("01-ai", aliases=["零一萬物 01.AI"])

    assert actor.aliases.get().normalized == "零一万物 01.ai"


def test_event_actor_role_is_unique():
    event, actor = make_event(), make_actor("kai-fu-lee", kind="person")
    link_actor(event, actor, "founder")
    link_actor(event, actor, "ceo")

    refused(lambda: link_actor(event, actor, "founder"))


def test_deleting_a_source_removes_its_claims_only():
    source = make_source()
    event = make_event()
    make_claim(event=event, source=source, quote=QUOTE)

    Source.objects.filter(pk=source.pk).delete()

    assert Claim.objects.count() == 0
    assert Event.objects.filter(pk=event.pk).exists()


def test_precision_choices_follow_the_reconciliation_order():
    from timeline.models import PRECISION_ORDER, Precision

    assert Precision.values == PRECISION_ORDER
