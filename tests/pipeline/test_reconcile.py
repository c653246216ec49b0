"""Reconciling an event's date from its claims (DATES.md, "Disagreeing sources")."""

from datetime import date

import pytest

from timeline.pipeline.reconcile import DatedInterval, reconcile_dates

YEAR_2023 = DatedInterval(date(2023, 1, 1), date(2023, 12, 31), "year", None, "2023")
MARCH_2023 = DatedInterval(date(2023, 3, 1), date(2023, 3, 31), "month", None, "2023-03")
MID_2023 = DatedInterval(date(2023, 5, 1), date(2023, 8, 31), "part", "mid", "2023-38")
MAY_2024 = DatedInterval(date(2024, 5, 1), date(2024, 5, 31), "month", None, "2024-05")
MAY_13 = DatedInterval(date(2024, 5, 13), date(2024, 5, 13), "day", None, "2024-05-13")
APRIL_MAY = DatedInterval(date(2024, 4, 1), date(2024, 5, 31), "interval", None, "2024-04/2024-05")
MAY_JUNE = DatedInterval(date(2024, 5, 1), date(2024, 6, 30), "interval", None, "2024-05/2024-06")
UNDATED = DatedInterval(None, None)


@pytest.mark.parametrize(
    ("claims", "expected_date", "expected_status"),
    [
        pytest.param([], UNDATED, "unresolved", id="no claims"),
        pytest.param([UNDATED, UNDATED], UNDATED, "unresolved", id="no dated claim"),
        pytest.param([MAY_2024], MAY_2024, "consistent", id="one claim"),
        pytest.param([MAY_2024, MAY_2024], MAY_2024, "consistent", id="agreeing claims"),
        pytest.param([YEAR_2023, MARCH_2023], MARCH_2023, "consistent", id="refined by month"),
        pytest.param([MAY_2024, MAY_13, UNDATED], MAY_13, "consistent", id="refined by day"),
        pytest.param(
            [APRIL_MAY, MAY_JUNE],
            DatedInterval(
                date(2024, 5, 1), date(2024, 5, 31), "interval", None, "2024-05-01/2024-05-31"
            ),
            "consistent",
            id="partial overlap takes the common days",
        ),
        pytest.param(
            [YEAR_2023, MARCH_2023, MID_2023], MARCH_2023, "disputed", id="founding dispute"
        ),
        pytest.param(
            [MID_2023, YEAR_2023, MARCH_2023],
            MARCH_2023,
            "disputed",
            id="dispute picks the most precise whatever the order",
        ),
        pytest.param([MAY_2024, MARCH_2023], MARCH_2023, "disputed", id="earliest of equals"),
    ],
)
def test_reconcile_dates(claims, expected_date, expected_status):
    result = reconcile_dates(claims)

    assert result.date == expected_date
    assert result.status == expected_status


def test_editor_date_is_kept_over_agreeing_claims():
    editor = DatedInterval(date(2024, 5, 20), date(2024, 5, 20), "day", None, "2024-05-20")

    result = reconcile_dates([MAY_2024, MAY_13], editor_date=editor)

    assert result.date == editor
    assert result.status == "consistent"


def test_editor_date_keeps_the_dispute_visible():
    result = reconcile_dates([MARCH_2023, MID_2023], editor_date=MID_2023)

    assert result.date == MID_2023
    assert result.status == "disputed"


def test_editor_date_dates_an_unresolved_event():
    result = reconcile_dates([UNDATED], editor_date=MAY_2024)

    assert result == reconcile_dates([MAY_2024])


# Claims dated after their own source (DATES.md): left out of the event's date.
JAN_8_AFTER_SOURCE = DatedInterval(
    date(2025, 1, 8), date(2025, 1, 8), "day", None, "2025-01-08", after_source=True
)
DEC_2024 = DatedInterval(date(2024, 12, 1), date(2024, 12, 31), "month", None, "2024-12")


@pytest.mark.parametrize(
    ("claims", "expected_date", "expected_status", "expected_note"),
    [
        pytest.param(
            [DEC_2024, JAN_8_AFTER_SOURCE], DEC_2024, "consistent", "", id="no dispute from it"
        ),
        pytest.param(
            [JAN_8_AFTER_SOURCE, UNDATED],
            UNDATED,
            "unresolved",
            "every dated claim is dated after its own source",
            id="only flagged claims date nothing and say why",
        ),
        pytest.param(
            [MAY_2024, JAN_8_AFTER_SOURCE, MARCH_2023],
            MARCH_2023,
            "disputed",
            "",
            id="a dispute among the others stays",
        ),
        pytest.param([UNDATED], UNDATED, "unresolved", "", id="no date at all needs no note"),
    ],
)
def test_claims_dated_after_their_source_are_left_out(
    claims, expected_date, expected_status, expected_note
):
    result = reconcile_dates(claims)

    assert result.date == expected_date
    assert result.status == expected_status
    assert result.note == expected_note


def test_an_editors_date_needs_no_note():
    editor = DatedInterval(date(2025, 1, 5), date(2025, 1, 5), "day", None, "2025-01-05")

    result = reconcile_dates([JAN_8_AFTER_SOURCE], editor_date=editor)

    assert (result.date, result.status, result.note) == (editor, "consistent", "")
