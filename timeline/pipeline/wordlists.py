"""The plain word lists of `vocabulary/`: one word or phrase per line, blank lines and lines
starting with `#` left out. A file is read once per process, however many readers use it
(`en_irregular_past.txt` serves the happening gate and the recogniser alike). Tables with
columns have their own loaders beside their readers (`triggers`, `nouns`, `named_things`).
"""

from functools import cache
from pathlib import Path

VOCABULARY = Path(__file__).with_name("vocabulary")


@cache
def word_list(name: str) -> frozenset[str]:
    """The lines of `vocabulary/<name>`, stripped, with blank and comment lines left out."""
    return frozenset(
        line.strip()
        for line in (VOCABULARY / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
