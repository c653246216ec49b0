"""The speed benchmark's reset between timed runs (``benchmarks/speed.py``): it reaches into
the pipeline's caches by name, so a renamed cache must fail here rather than in a timing run."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import speed

from timeline.pipeline import chinese_tagger


def test_forgetting_read_texts_empties_the_simplification_cache():
    chinese_tagger.simplified_script("測試文本")
    assert chinese_tagger.simplified_script.cache_info().currsize > 0
    speed._forget_read_texts()
    assert chinese_tagger.simplified_script.cache_info().currsize == 0
