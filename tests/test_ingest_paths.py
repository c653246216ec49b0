"""`load_articles` reports every path it does not load, with the reason, and loads the rest."""

import json
import os
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import ARTICLES
from timeline.gazetteer import merge_gazetteer
from timeline.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(tmp_path):
    """Two demo articles and their manifest entries, with odd paths beside and among them."""
    merge_gazetteer()
    folder = tmp_path / "articles"
    folder.mkdir()
    names = sorted(path.name for path in ARTICLES.glob("*.txt"))[:2]
    for name in names:
        shutil.copy(ARTICLES / name, folder / name)
    entries = json.loads((ARTICLES / "sources.json").read_text(encoding="utf-8"))
    manifest = folder / "sources.json"
    manifest.write_text(
        json.dumps([entry for entry in entries if entry["file"] in names]), encoding="utf-8"
    )
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "loop.md").symlink_to(folder / "loop.md")
    os.mkfifo(folder / "pipe.txt")
    (folder / "x.txt").mkdir()
    (folder / "back").symlink_to(folder)
    return folder


def load(*args):
    """The command's output lines and the error it ended with, if any."""
    lines = []

    class Out:
        def write(self, text):
            lines.extend(text.splitlines())

        def flush(self):
            pass

    try:
        call_command("load_articles", *map(str, args), stdout=Out())
    except CommandError as error:
        return lines, str(error)
    return lines, None


def test_odd_paths_are_reported_with_their_reason_and_the_articles_load(articles, tmp_path):
    lines, error = load(
        tmp_path / "missing.txt",
        tmp_path / "nowhere",
        articles,
        "--manifest",
        articles / "sources.json",
    )

    assert Source.objects.count() == 2
    failures = [line for line in lines if ": failed: " in line]
    assert failures == [
        f"{tmp_path / 'missing.txt'}: failed: not found",
        f"{tmp_path / 'nowhere'}: failed: not found",
        f"{articles / 'back'}: failed: a symbolic link loop (already searched)",
        f"{articles / 'dangling.txt'}: failed: a dangling symbolic link",
        f"{articles / 'loop.md'}: failed: a symbolic link loop",
        f"{articles / 'pipe.txt'}: failed: a fifo",
        f"{articles / 'x.txt'}: failed: a directory, not an article file (searched inside)",
    ]
    assert sum(": loaded: " in line for line in lines) == 2
    assert error == (
        f"7 of 9 files failed to load: {tmp_path / 'missing.txt'}, {tmp_path / 'nowhere'}, "
        f"{articles / 'back'}, …"
    )


def test_a_manifest_naming_missing_files_is_one_line(articles):
    manifest = articles / "sources.json"
    entries = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(
        json.dumps([*entries, {"file": "a.txt"}, {"file": "b.md"}]), encoding="utf-8"
    )
    good = sorted(articles.glob("0*.txt"))

    lines, error = load(*good, "--manifest", manifest)

    assert [line for line in lines if ": failed: " in line] == [
        f"{manifest}: failed: names 2 files not found beside it: a.txt, b.md"
    ]
    assert Source.objects.count() == 2
    assert error == f"1 of 3 files failed to load: {manifest}"


def test_a_deeply_nested_manifest_is_one_line(articles):
    manifest = articles / "deep.json"
    manifest.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")

    _lines, error = load(articles, "--manifest", manifest)

    assert error == f"{manifest}: bad JSON: nested too deeply"
    assert Source.objects.count() == 0


def test_a_lost_database_is_one_line(articles, lose_database):
    with lose_database():
        lines, error = load(sorted(articles.glob("0*.txt"))[0])

    # The driver's own words follow: "unable to open database file" on SQLite, "connection
    # refused" on PostgreSQL; the report names the cause, without a traceback.
    assert error.startswith("the database is unavailable: ")
    assert "Traceback" not in error and "\n" not in error
    assert lines == []
