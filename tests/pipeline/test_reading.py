"""Reading articles: decoding, front matter, the manifest, language and segmentation."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.manifest import ManifestError, load_manifest
from timeline.pipeline.reading import find_article_paths, iter_article_paths, read_article
from timeline.pipeline.segmentation import segment_article
from timeline.pipeline.sentences import Sentence, Span, split_clauses, split_sentences

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "fixtures" / "articles"
MANIFEST = ARTICLES / "sources.json"
SIMPLIFIED = "零一万物决定给大厂让路。李开复创立的零一万物被曝要将团队整体打包卖给阿里。\n"
TRADITIONAL = "零一萬物決定給大廠讓路。李開復創立的零一萬物被曝要將團隊整體打包賣給阿里。\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def article_path(prefix: str) -> Path:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="module")
def manifest():
    return load_manifest(MANIFEST)


@pytest.fixture(scope="module")
def documents(manifest):
    return {
        path.name[:3]: segment_article(read_article(path, manifest=manifest))
        for path in iter_article_paths([ARTICLES])
    }


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig", SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
        (SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED),
        ("Don’t stop “believing”, he said.\n".encode("cp1252"), "cp1252", None),
    ],
)
def test_decodes_common_encodings(tmp_path, data, encoding, text):
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.encoding == encoding
    assert article.text == (text or data.decode(encoding))
    assert not article.text.startswith("\ufeff")


def test_newlines_are_normalized_and_hashed(tmp_path):
    article = read_article(write(tmp_path, "a.txt", "第一行。\r\n第二行。\r第三行。\n"))
    assert article.text == "第一行。\n第二行。\n第三行。\n"
    assert article.content_hash == hashlib.sha256(article.text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\r\n\t", "empty file"),
        (b"\xef\xbb\xbf\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content"),
        (b"abc \xff\x81", "undecodable (tried utf-8, gb18030, big5, cp1252)"),
        (b"---\ntitle: [unclosed\n---\nbody\n", "malformed front matter"),
        (b"---\ntitle: a\nbody without end\n", "malformed front matter: no closing"),
        (b"---\ntitle: x\npublished: soon\n---\nbody\n", 'bad date "soon" in front matter'),
        (b"---\ntitle: x\npublished: 2025-13-45\n---\nbody\n", 'bad date "2025-13-45" in'),
        (b"---\ntitle: x\n---\n\n", "empty file"),
    ],
)
def test_unreadable_articles_name_file_and_reason(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ArticleError) as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}: {reason}")


def test_an_impossible_date_in_a_field_never_read_as_a_date_costs_nothing(tmp_path):
    text = "---\ntitle: x\npublished: 2025-03-04\nupdated: 2025-02-30\n---\n正文。\n"
    article = read_article(write(tmp_path, "ok.md", text))
    assert article.published == date(2025, 3, 4)
    assert article.title == "x"


def test_malformed_front_matter_gives_the_yaml_line(tmp_path):
    path = write(tmp_path, "bad.txt", "---\ntitle: ok\nlist: [a, b\nother: c\n---\nbody\n")
    with pytest.raises(ArticleError, match=r"malformed front matter: .*\(line \d+, column \d+\)"):
        read_article(path)


def test_too_large_and_missing(tmp_path):
    path = write(tmp_path, "big.txt", "字" * 600_000)  # 1.8 MB of UTF-8
    with pytest.raises(ArticleError, match=r"big\.txt: too large: 1\.7 MB > 1 MB limit$"):
        read_article(path, max_bytes=1024 * 1024)
    with pytest.raises(ArticleError, match=r"missing\.txt: not found$"):
        read_article(tmp_path / "missing.txt")


# --- metadata ---------------------------------------------------------------------------


FRONT_MATTER_ARTICLE = """---
title: Front matter title
published: 2024-10-19
author: [Jane Doe, Li Wei]
url: https://example.com/a
lang: zh
---

文丨程曼祺
正文标题
零一萬物決定給大廠讓路。李開復創立的零一萬物被曝要將團隊整體打包賣給阿里。
"""


def test_front_matter_gives_metadata(tmp_path):
    article = read_article(write(tmp_path, "fm.md", FRONT_MATTER_ARTICLE))
    assert article.title == "Front matter title"
    assert article.published == date(2024, 10, 19)
    assert article.authors == ("Jane Doe", "Li Wei")
    assert article.url == "https://example.com/a"
    assert article.language == "zh-Hant"  # "zh" refined by the script of the text
    assert article.text[article.body_start :].startswith("\n文丨程曼祺")
    assert article.front_matter["lang"] == "zh"


def test_manifest_overrides_front_matter(tmp_path):
    path = write(tmp_path, "fm.md", FRONT_MATTER_ARTICLE)
    manifest_path = write(
        tmp_path,
        "sources.json",
        json.dumps(
            [
                {
                    "file": "fm.md",
                    "title": "Manifest title",
                    "publisher": "Pub",
                    "authors": ["A"],
                    "url": "https://example.com/m",
                    "published": "2025-01-07",
                    "language": "zh-Hans",
                }
            ]
        ),
    )
    article = read_article(path, manifest=load_manifest(manifest_path), published=date(2020, 1, 1))
    assert (article.title, article.publisher, article.authors, article.url) == (
        "Manifest title",
        "Pub",
        ("A",),
        "https://example.com/m",
    )
    assert article.published == date(2025, 1, 7)
    assert article.language == "zh-Hans"


@pytest.mark.parametrize(
    ("text", "override", "expected"),
    [
        ("---\ndate: 2024-05-13\n---\n正文。\n", date(2020, 1, 1), date(2024, 5, 13)),
        ("---\ndate: '2024/5/13'\n---\n正文。\n", None, date(2024, 5, 13)),
        ("---\ndate: 2024-05-13T08:00:00+08:00\n---\n正文。\n", None, date(2024, 5, 13)),
        ("正文。\n", date(2020, 1, 1), date(2020, 1, 1)),
        ("正文。\n", None, None),
    ],
)
def test_published_override_applies_only_without_a_date(tmp_path, text, override, expected):
    article = read_article(write(tmp_path, "a.txt", text), published=override)
    assert article.published == expected


@pytest.mark.parametrize(
    ("text", "title", "authors", "publisher"),
    [
        ("文丨程曼祺\n编辑丨宋玮\n标题在这里\n正文。\n", "标题在这里", ("程曼祺",), ""),
        (
            "定焦(dingjiaoone)原创\n作者 | 黎明\n# 标题\n正文。\n",
            "标题",
            ("黎明",),
            "定焦(dingjiaoone)",
        ),
        (
            "Why it failed\nBy Jane Doe and John Roe\nThe company said so.\n",
            "Why it failed",
            ("Jane Doe", "John Roe"),
            "",
        ),
        ("By 2025, the company had pivoted.\n", "By 2025, the company had pivoted.", (), ""),
    ],
)
def test_body_gives_title_authors_and_publisher(tmp_path, text, title, authors, publisher):
    article = read_article(write(tmp_path, "a.txt", text))
    assert (article.title, article.authors, article.publisher) == (title, authors, publisher)


@pytest.mark.parametrize(
    ("text", "declared", "language"),
    [
        (SIMPLIFIED, None, "zh-Hans"),
        (TRADITIONAL, None, "zh-Hant"),
        ("01.AI released Yi-Large in May 2024, the company said on Monday.\n", None, "en"),
        ("李开复在 2024 年表示, scaling law 在变慢, openai gpt-5 迟迟不发布。\n", None, "zh-Hans"),
        (TRADITIONAL, "zh", "zh-Hant"),
        (SIMPLIFIED, "zh-TW", "zh-Hant"),
        (SIMPLIFIED, "en-US", "en"),
        (TRADITIONAL, "fr", "zh-Hant"),
    ],
)
def test_language(tmp_path, text, declared, language):
    front = f"---\nlang: {declared}\n---\n" if declared else ""
    assert read_article(write(tmp_path, "a.txt", front + text)).language == language


# --- the manifest -----------------------------------------------------------------------


def test_fixture_manifest_loads(manifest):
    assert len(manifest) == 5
    entry = manifest["001_ac6f5f3dc5221500.txt"]
    assert entry.publisher == "晚点 LatePost"
    assert entry.authors == ("程曼祺", "宋玮")
    assert entry.published == date(2025, 1, 7)
    assert manifest["002_fdc685422840563a.txt"].published is None
    assert manifest["002_fdc685422840563a.txt"].language == "zh-Hant"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[\n  {"file": "a.txt",}\n]', "bad JSON at line 2"),
        ('[{"file": "a.txt"}, {"title": "x"}]', 'entry 2 missing "file"'),
        ('[{"file": "a.txt", "published": "2025-13-01"}]', 'bad date "2025-13-01" for file a.txt'),
        ('[{"file": "a.txt"}, {"file": "a.txt"}]', "entry 2 (a.txt) repeats an earlier entry"),
        ('[{"file": "a.txt", "authors": [1]}]', '"authors" must be a list of names'),
        ('{"file": "a.txt"}', "expected a JSON list of entries"),
    ],
)
def test_bad_manifests_are_reported(tmp_path, content, problem):
    path = write(tmp_path, "sources.json", content)
    with pytest.raises(ManifestError) as error:
        load_manifest(path)
    assert str(error.value).startswith(str(path))
    assert problem in str(error.value)


def test_missing_manifest(tmp_path):
    with pytest.raises(ManifestError, match=r"nope\.json: not found"):
        load_manifest(tmp_path / "nope.json")


# --- finding articles -------------------------------------------------------------------


def test_iter_article_paths(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.txt", "sub/d.html", "sources.json", ".hidden/e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("正文。")
    named = write(tmp_path, "notes.text", "正文。")
    found = iter_article_paths([tmp_path, named, tmp_path / "b.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.md",
        "b.txt",
        "sub/c.txt",
        "notes.text",
    ]
    with pytest.raises(ArticleError, match="missing: not found"):
        iter_article_paths([tmp_path / "missing"])


def test_fixture_directory_lists_the_five_articles():
    names = [p.name[:3] for p in iter_article_paths([ARTICLES])]
    assert names == ["000", "001", "002", "003", "004"]


# --- sentences and clauses --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("这是第一句。这是第二句！第三句？", ["这是第一句。", "这是第二句！", "第三句？"]),
        (
            "他说:“我们没有寻求被收购。”然后离开了。",
            ["他说:“我们没有寻求被收购。”", "然后离开了。"],
        ),
        ("「好。」她說。", ["「好。」", "她說。"]),
        ("2025 年会更好吗?李开复看到:应用爆发。", ["2025 年会更好吗?", "李开复看到:应用爆发。"]),
        (
            "路线模糊；再到黄文灏等人出走……随着模型",
            ["路线模糊；", "再到黄文灏等人出走……", "随着模型"],
        ),
        ("被阿里收购……” 大模型独角兽", ["被阿里收购……” 大模型独角兽"]),
        (
            "价格是0.99元/100万Tokens,Yi-1.5 与 01.AI 都在。",
            ["价格是0.99元/100万Tokens,Yi-1.5 与 01.AI 都在。"],
        ),
        (
            "The U.S. firm said on Nov. 5, 2023 that Yi-1.5 scored 1.5 points. Dr. Lee agreed!",
            [
                "The U.S. firm said on Nov. 5, 2023 that Yi-1.5 scored 1.5 points.",
                "Dr. Lee agreed!",
            ],
        ),
        (
            '"Is it?" she asked. It rose 3% in the U.S. The end.',
            ['"Is it?" she asked.', "It rose 3% in the U.S.", "The end."],
        ),
        (
            "He waited... and left. J. R. Smith came.",
            ["He waited... and left.", "J. R. Smith came."],
        ),
        (
            '" 拼到最后就是,又烧钱。" 陈冉说。',
            ['" 拼到最后就是,又烧钱。"', "陈冉说。"],
        ),
        ("**市场需求是什么？** 是否有痛点？", ["**市场需求是什么？**", "是否有痛点？"]),
        ("(注:opus 最大、最贵。)", ["(注:opus 最大、最贵。)"]),
    ],
)
def test_split_sentences(text, sentences):
    found = split_sentences(text, 0, len(text))
    assert [s.text for s in found] == sentences
    assert all(text[s.char_start : s.char_end] == s.text for s in found)


def test_split_sentences_offsets_are_absolute():
    text = "前言。正文第一句。第二句。"
    found = split_sentences(text, 3, len(text))
    assert [(s.char_start, s.text) for s in found] == [(3, "正文第一句。"), (9, "第二句。")]


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "零一万物已与阿里云成立实验室,团队会加入,成为阿里员工。",
            ["零一万物已与阿里云成立实验室,", "团队会加入,", "成为阿里员工。"],
        ),
        ("第一，烧钱；第二，不赚钱。", ["第一，", "烧钱；", "第二，", "不赚钱。"]),
        (
            "他说：“我们没有寻求被收购，”然后走了。",
            ["他说：", "“我们没有寻求被收购，”", "然后走了。"],
        ),
        ("收入 1,000 万元,时间 10:30 更新", ["收入 1,000 万元,", "时间 10:30 更新"]),
        ("见 https://example.com/a, 以及其他", ["见 https://example.com/a,", "以及其他"]),
        (
            "创新工场——这里是他的办公地——也即将入住",
            ["创新工场——", "这里是他的办公地——", "也即将入住"],
        ),
        (
            "In May, 01.AI released Yi-Large; prices fell.",
            ["In May,", "01.AI released Yi-Large;", "prices fell."],
        ),
        ("没有分隔", ["没有分隔"]),
    ],
)
def test_split_clauses(text, clauses):
    base = 100
    padded = "x" * base + text
    found = split_clauses(Sentence(base, base + len(text), text))
    assert [c.text for c in found] == clauses
    assert all(padded[c.char_start : c.char_end] == c.text for c in found)
    assert all(isinstance(c, Span) for c in found)


# --- segmentation -----------------------------------------------------------------------


def test_segmenting_small_article(tmp_path):
    text = (
        "标题\n标题\n文丨张三\n\n# 一、背景\n\n> 引用的话。\n\n- 列表项目,没有句号\n\n"
        "Q: 你好吗?\nA: 很好。谢谢。\n补充一句。\n## 下一节\n普通段落。\n"
    )
    document = segment_article(read_article(write(tmp_path, "a.md", text)))
    rows = [
        (p.text, p.is_heading, p.speaker, [s.text for s in p.sentences])
        for p in document.paragraphs
    ]
    assert rows == [
        ("标题", True, None, ["标题"]),
        ("# 一、背景", True, None, ["一、背景"]),
        ("> 引用的话。", False, None, ["引用的话。"]),
        ("- 列表项目,没有句号", False, None, ["列表项目,没有句号"]),
        ("Q: 你好吗?", False, "Q", ["你好吗?"]),
        ("A: 很好。谢谢。", False, "A", ["很好。", "谢谢。"]),
        ("补充一句。", False, "A", ["补充一句。"]),
        ("## 下一节", True, None, ["下一节"]),
        ("普通段落。", False, None, ["普通段落。"]),
    ]
    assert [p.index for p in document.paragraphs] == list(range(9))
    assert document.skipped_counts() == {"title repeat": 1, "byline": 1}


def test_hard_wrapped_english_lines_join_into_one_paragraph(tmp_path):
    text = (
        "Why 01.AI changed course\n\n"
        "The company founded by Kai-Fu Lee said on Monday that it would stop\n"
        "training very large models and focus on applications.\n\n"
        "Analysts were not surprised.\n"
    )
    document = segment_article(read_article(write(tmp_path, "a.txt", text)))
    assert [p.is_heading for p in document.paragraphs] == [True, False, False]
    body = document.paragraphs[1]
    assert [s.text for s in body.sentences] == [
        "The company founded by Kai-Fu Lee said on Monday that it would stop\n"
        "training very large models and focus on applications."
    ]


def test_offsets_hold_over_all_articles(documents):
    for document in documents.values():
        text = document.article.text
        assert document.paragraphs
        for paragraph in document.paragraphs:
            assert text[paragraph.char_start : paragraph.char_end] == paragraph.text
            assert paragraph.char_start >= document.article.body_start
            for sentence in paragraph.sentences:
                assert text[sentence.char_start : sentence.char_end] == sentence.text
                assert sentence.text == sentence.text.strip()
                assert paragraph.char_start <= sentence.char_start < sentence.char_end
                assert sentence.char_end <= paragraph.char_end
                for clause in split_clauses(sentence):
                    assert text[clause.char_start : clause.char_end] == clause.text
        for span in document.spam_spans:
            assert text[span.char_start : span.char_end] == span.text
        ends = [(line.char_start, line.char_end) for line in document.skipped]
        assert ends == sorted(ends)
        content = {(p.char_start, p.char_end) for p in document.paragraphs}
        assert not any(s < p_end and p_start < e for s, e in ends for p_start, p_end in content), (
            "a skipped line overlaps a paragraph"
        )


@pytest.mark.parametrize(
    ("prefix", "title", "language", "published", "authors"),
    [
        ("000", "为什么我过去、现在乃至未来都看空零一万物", "zh-Hans", date(2024, 10, 19), ()),
        ("001", None, "zh-Hans", date(2025, 1, 7), ("程曼祺", "宋玮")),
        ("002", "零一萬物決定給大廠讓路", "zh-Hant", None, ()),
        ("003", "零一万物公司的兴衰", "zh-Hans", None, ()),
        ("004", "2024过半,AI卷到哪儿了?", "zh-Hans", None, ("黎明", "魏佳")),
    ],
)
def test_real_article_metadata(documents, prefix, title, language, published, authors):
    article = documents[prefix].article
    if title:
        assert article.title == title
    assert article.language == language
    assert article.published == published
    assert article.authors == authors
    assert article.encoding == "utf-8"


def test_real_articles_without_manifest_use_front_matter_and_detection():
    article = read_article(article_path("000"))
    assert article.title == "为什么我过去、现在乃至未来都看空零一万物"
    assert article.published == date(2024, 10, 19)
    assert read_article(article_path("002")).language == "zh-Hant"
    assert read_article(article_path("003")).language == "zh-Hans"
    assert read_article(article_path("001")).authors == ("程曼祺",)


def test_interview_turns_carry_their_speaker(documents):
    document = documents["001"]
    speakers = {p.speaker for p in document.paragraphs if p.speaker}
    assert speakers == {"晚点", "李开复"}

    def starting(prefix):
        (paragraph,) = [p for p in document.paragraphs if p.text.startswith(prefix)]
        return paragraph

    question = starting("晚点 :这几天")
    answer = starting("李开复 :不是疲惫")
    assert (question.speaker, answer.speaker) == ("晚点", "李开复")
    assert question.sentences[0].text == "这几天感觉累和疲惫吗?"
    assert answer.sentences[0].text.startswith("不是疲惫")
    # The paragraph continuing an answer keeps the speaker and the turn number.
    follow = starting("但任何一个创业公司")
    opening = starting("李开复 :我们没有寻求过被收购")
    assert (follow.speaker, follow.turn) == ("李开复", opening.turn)
    # Turn markers never reach the sentences.
    for paragraph in document.paragraphs:
        for sentence in paragraph.sentences:
            assert not sentence.text.startswith(("晚点 :", "李开复 :"))
    # Narrative before the interview has no speaker; headings end turns.
    assert document.paragraphs[1].speaker is None
    assert all(p.speaker is None for p in document.paragraphs if p.is_heading)


def test_headings_of_real_articles(documents):
    headings = {
        prefix: [p.text for p in document.paragraphs if p.is_heading]
        for prefix, document in documents.items()
    }
    assert headings["000"] == ["# 一、独角兽们的集体困境", "# 二、乏善可陈的模型更新", "# 三、总结"]
    assert "“生存之道”" in headings["002"]
    assert "### 01.AI与Yi模型的背景" in headings["003"]
    assert "1.  **Yi模型开发过程中的争议与可信度问题**" in headings["003"]
    assert headings["004"][:3] == ["2024过半,AI卷到哪儿了?", "卷技术:", "考高分的太多,能干活的太少"]
    assert "“2025 年零一会有数亿收入”,怎么来" in headings["001"]
    assert "李开复总结了中国大模型创业的挑战:" not in headings["001"]


# Every kind of path that holds no article. Each maker creates it under the root and returns
# it; "named" ones are given on the command line, the others are found in the directory.
def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _link(path: Path, target: Path) -> Path:
    path.symlink_to(target)
    return path


def _directory(path: Path) -> Path:
    path.mkdir()
    return path


ODD_PATHS = [
    ("missing", lambda root: root / "missing.txt", True, "not found"),
    (
        "dangling link",
        lambda root: _link(root / "dangling.txt", root / "gone.txt"),
        True,
        "a dangling symbolic link",
    ),
    (
        "self link",
        lambda root: _link(root / "loop.txt", root / "loop.txt"),
        True,
        "a symbolic link loop",
    ),
    ("fifo", lambda root: _fifo(root / "pipe.txt"), True, "a fifo"),
    (
        "dangling link inside",
        lambda root: _link(root / "dir" / "dangling.txt", root / "gone.txt"),
        False,
        "a dangling symbolic link",
    ),
    (
        "self link inside",
        lambda root: _link(root / "dir" / "loop.md", root / "dir" / "loop.md"),
        False,
        "a symbolic link loop",
    ),
    ("fifo inside", lambda root: _fifo(root / "dir" / "pipe.md"), False, "a fifo"),
    (
        "link loop of any name inside",
        lambda root: _link(root / "dir" / "articles", root / "dir" / "articles"),
        False,
        "a symbolic link loop",
    ),
    (
        "dangling link of any name inside",
        lambda root: _link(root / "dir" / "more", root / "gone"),
        False,
        "a dangling symbolic link",
    ),
    (
        "link to an ancestor",
        lambda root: _link(root / "dir" / "up", root / "dir"),
        False,
        "a symbolic link loop (already searched)",
    ),
    (
        "directory named like an article",
        lambda root: _directory(root / "dir" / "x.txt"),
        False,
        "a directory, not an article file (searched inside)",
    ),
]


@pytest.mark.parametrize(
    ("kind", "make", "named", "reason"), ODD_PATHS, ids=[row[0] for row in ODD_PATHS]
)
def test_every_path_without_an_article_is_reported_and_the_rest_found(
    tmp_path, kind, make, named, reason
):
    (tmp_path / "dir").mkdir()
    good = write(tmp_path / "dir", "good.txt", "正文。")
    odd = make(tmp_path)

    articles = find_article_paths([*([odd] if named else []), tmp_path / "dir"])

    assert articles.found == (good,)
    assert [(skipped.path, skipped.reason) for skipped in articles.skipped] == [(odd, reason)]


def test_named_files_of_any_suffix_are_articles_and_directories_skip_other_suffixes(tmp_path):
    write(tmp_path, "notes.html", "<p>x</p>")
    os.mkfifo(tmp_path / "feed")  # not .txt/.md inside a directory: not even looked at
    named = write(tmp_path, "notes.text", "正文。")

    articles = find_article_paths([tmp_path, named])

    assert articles.found == (named,)
    assert articles.skipped == ()


def test_an_unreadable_directory_is_reported(tmp_path):
    """Searched as an unprivileged user when the tests run as root: permissions do not stop root."""
    root = Path(tempfile.mkdtemp(prefix="unreadable-"))
    try:
        os.chmod(root, 0o755)
        write(root, "good.txt", "正文。")
        (root / "locked").mkdir()
        write(root / "locked", "hidden.txt", "正文。")
        os.chmod(root / "locked", 0)
        # Imported first, then privileges dropped: the unprivileged user need not read the
        # virtual environment.
        script = (
            "import os, sys; from timeline.pipeline.reading import find_article_paths as f\n"
            "if os.geteuid() == 0: os.setgid(65534); os.setuid(65534)\n"
            "a = f([sys.argv[1]]); print([p.name for p in a.found])\n"
            "print([(s.path.name, s.reason) for s in a.skipped])"
        )
        result = subprocess.run(
            [sys.executable, "-c", script, str(root)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.chmod(root / "locked", 0o755)
        shutil.rmtree(root)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "['good.txt']",
        "[('locked', 'unreadable directory (Permission denied)')]",
    ]


def test_a_deeply_nested_manifest_is_one_clear_error(tmp_path):
    path = write(tmp_path, "sources.json", "[" * 100_000 + "]" * 100_000)

    with pytest.raises(ManifestError, match=r"sources\.json: bad JSON: nested too deeply$"):
        load_manifest(path)
