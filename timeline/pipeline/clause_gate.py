"""The learned clause gate: whether a dated clause that no reading claimed tells a happening.

A candidate clause (see `last_resort`) is described by a handful of general features (its
language, how its actor was found and what kind of actor it is, how its date is written and
where it stands, the clause's length, the cue words the pipeline already knows, the word
after its subject) and, optionally, by its own words. A logistic model scores it: the dot
product of the features' weights plus a bias, through a sigmoid, against a threshold. The
weights are DATA, `vocabulary/clause_gate.json`, written by `benchmarks/train_gate.py` from
the labelled sets; nothing here trains or needs a learning library. Plain Python.

Which model is read: the environment's `TIMELINE_CLAUSE_GATE` when set (a path to another
model file, for the benchmark's leave-one-set-out runs; `off` for none), otherwise the
shipped file, which names itself off by default until it pays (see its `enabled`).
"""

import json
import math
import os
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from timeline.pipeline.actors import REVIEW_DISCOVERED, ActorMention
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import NEGATION, OPINION, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.recogniser import chinese_words
from timeline.pipeline.triggers import FORECAST, HEDGE, REPORTED, trigger_type

SHIPPED = Path(__file__).with_name("vocabulary") / "clause_gate.json"

# Lexical features are hashed into this many buckets, so a model file stays small and a
# word never seen in training costs nothing.
BUCKETS = 4096

_EN_WORD = re.compile(r"[a-z][a-z'’-]*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_WEEKDAY = re.compile(
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|星期|禮拜|礼拜|週[一二三四五六日天]|周[一二三四五六日天]"
)
_COUNTED = re.compile(r"\bago\b|\blater\b|\bearlier\b|\bafter\b|\bbefore\b|前|后|後|以来")
_THIS_PERIOD = re.compile(r"本|今|this\b|current", re.IGNORECASE)
# A comparison with another time or another party.
_COMPARISON = re.compile(
    r"同比|环比|環比|相比|比起|较去年|較去年|较上|較上|高于|高於|低于|低於|多于|多於|少于|少於|"
    r"\bthan\b|\bcompared\b|\bup from\b|\bdown from\b"
)
# A verb of being or having: a state rather than an act.
_STATE = re.compile(r"有|是|為|为|\bis\b|\bare\b|\bwas\b|\bwere\b|\bhas\b|\bhave\b|\bhad\b")
# A mark that something was done: a perfective particle, "already", an English past.
_DONE = re.compile(r"了|已|過|过|曾|\b\w+ed\b")


@dataclass(frozen=True)
class Candidate:
    """A clause of a sentence no reading claimed, with the date and actor it would take."""

    start: int
    end: int
    mention: DateMention
    actor: ActorMention
    tier: int
    # What the untyped reading's guards said of it, and "beside" when another clause of
    # its sentence was claimed.
    flags: tuple[str, ...] = ()


def _bucket(kind: str, token: str) -> str:
    # crc32, not hash(): the same token falls in the same bucket in every process.
    return f"{kind}#{zlib.crc32(token.encode('utf-8')) % BUCKETS}"


def _length_bucket(context: ArticleContext, start: int, end: int) -> str:
    if context.language == "en":
        count = len(_EN_WORD.findall(context.folded, start, end))
        bounds = (8, 15, 25)
    else:
        count = len(_HAN.findall(context.text, start, end))
        bounds = (12, 25, 45)
    for number, bound in enumerate(bounds):
        if count < bound:
            return f"len={number}"
    return f"len={len(bounds)}"


def _first_verb(context: ArticleContext, candidate: Candidate, after: int) -> str | None:
    """The first word after the subject (or the date, whichever ends later): in English the
    next lower-case word; in Chinese the next word the segmenter tags as a verb."""
    if context.language == "en":
        found = _EN_WORD.search(context.folded, after, candidate.end)
        return found.group() if found else None
    for word, tag in chinese_words(context.text[after : candidate.end]):
        if tag.startswith("v"):
            return word
    return None


def features(context: ArticleContext, candidate: Candidate, lexical: bool = True) -> list[str]:
    """The candidate's features, sorted and without repeats: the same clause gives the same
    list in every run."""
    start, end, mention, actor = candidate.start, candidate.end, candidate.mention, candidate.actor
    folded = context.folded
    clause = folded[start:end]
    language = "en" if context.language == "en" else "zh"
    found = [f"lang={language}", f"tier={candidate.tier}", *candidate.flags]
    if not any(flag.startswith("guard=") for flag in candidate.flags):
        found.append("guarded")
    entry = context.matcher.entry(actor.slug)
    found.append(f"kind={entry.kind}")
    found.append("discovered" if entry.review == REVIEW_DISCOVERED else "curated")
    found.append(f"precision={mention.precision}")
    if mention.anchor is not None:
        found.append("relative")
    date_text = mention.text.lower()
    if _WEEKDAY.search(date_text):
        found.append("weekday")
    if _COUNTED.search(date_text):
        found.append("counted")
    if _THIS_PERIOD.search(date_text):
        found.append("this_period")
    share = (mention.char_start - start) / max(1, end - start)
    found.append("date_at=" + ("start" if share < 0.2 else "middle" if share < 0.7 else "end"))
    found.append(_length_bucket(context, start, end))
    found.append(f"trigger={trigger_type(clause) or 'none'}")
    for name, pattern in (
        ("speech", SPEECH),
        ("opinion", OPINION),
        ("forecast", FORECAST),
        ("hedge", HEDGE),
        ("reported", REPORTED),
        ("negation", NEGATION),
        ("comparison", _COMPARISON),
        ("state", _STATE),
        ("done", _DONE),
    ):
        if pattern.search(clause):
            found.append(f"cue={name}")
    in_clause = start <= actor.char_start and actor.char_end <= end
    if in_clause and actor.char_start < mention.char_start:
        found.append("actor_before_date")
    after = max(actor.char_end if in_clause else start, mention.char_end)
    verb = _first_verb(context, candidate, after)
    if verb is not None:
        found.append(_bucket("verb", f"{language}:{verb}"))
    if lexical:
        if language == "en":
            tokens = {word for word in _EN_WORD.findall(clause)}
            found.extend(_bucket("word", token) for token in tokens)
        else:
            han = "".join(_HAN.findall(context.text[start:end]))
            found.extend(_bucket("bigram", han[i : i + 2]) for i in range(len(han) - 1))
    return sorted(set(found))


@dataclass(frozen=True)
class Model:
    """A logistic model as data: weights by feature name, a bias and a threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    lexical: bool
    enabled: bool

    def probability(self, names: list[str]) -> float:
        total = self.bias + sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-total))


def read_model(path: Path) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        weights={str(name): float(weight) for name, weight in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        lexical=bool(data["lexical"]),
        enabled=bool(data.get("enabled", True)),
    )


@cache
def _model_at(path: str) -> Model:
    return read_model(Path(path))


def active_model() -> Model | None:
    """The model the gate uses now, or None when the gate is off."""
    chosen = os.environ.get("TIMELINE_CLAUSE_GATE", "")
    if chosen == "off":
        return None
    if chosen:
        return _model_at(chosen)
    model = _model_at(str(SHIPPED))
    return model if model.enabled else None


def probability(context: ArticleContext, candidate: Candidate, model: Model) -> float:
    """How likely the model finds it that the candidate is a labelled happening."""
    return model.probability(features(context, candidate, lexical=model.lexical))
