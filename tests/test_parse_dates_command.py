"""The parse_dates management command: JSON lines out, CommandError on bad input."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args, stdin: str | None = None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("parse_dates", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_reads_a_file_and_prints_one_json_object_per_mention(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("去年 5 月,在零一萬物發佈模型時。2023年3月创立。", encoding="utf-8")
    lines, err = run("--ref", "2025-01-07", str(path))
    assert lines == [
        {
            "text": "去年 5 月",
            "char_start": 0,
            "char_end": 6,
            "start": "2024-05-01",
            "end": "2024-05-31",
            "precision": "month",
            "qualifier": None,
            "edtf": "2024-05",
            "anchor": {"date": "2025-01-07", "basis": "published"},
        },
        {
            "text": "2023年3月",
            "char_start": 18,
            "char_end": 25,
            "start": "2023-03-01",
            "end": "2023-03-31",
            "precision": "month",
            "qualifier": None,
            "edtf": "2023-03",
            "anchor": None,
        },
    ]
    assert err == ""


def test_reads_stdin_and_leaves_relative_dates_unresolved_without_ref(monkeypatch):
    lines, _ = run(stdin="昨天 and 2023年13月", monkeypatch=monkeypatch)
    assert [(line["text"], line["start"], line["end"]) for line in lines] == [("昨天", None, None)]


def test_warnings_go_to_stderr(monkeypatch):
    lines, err = run("--ref", "2025-01-07", stdin="2023年13月", monkeypatch=monkeypatch)
    assert lines == []
    assert "2023年13月" in err
    assert "impossible month 13" in err


def test_bad_reference_is_a_command_error():
    with pytest.raises(CommandError, match="--ref: reference date '2025-13-45'"):
        call_command("parse_dates", "--ref", "2025-13-45", stdout=io.StringIO())


def test_unreadable_file_is_a_command_error(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(CommandError, match="cannot read"):
        call_command("parse_dates", str(missing), stdout=io.StringIO())
