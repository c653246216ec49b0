"""Noise recognisers: spam phrases, page furniture, link farms and reference lists."""

from pathlib import Path

import pytest

from timeline.pipeline import noise, spam
from timeline.pipeline.manifest import load_manifest
from timeline.pipeline.reading import iter_article_paths, read_article
from timeline.pipeline.segmentation import segment_article

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


@pytest.fixture(scope="module")
def documents():
    manifest = load_manifest(ARTICLES / "sources.json")
    return {
        path.name[:3]: segment_article(read_article(path, manifest=manifest))
        for path in iter_article_paths([ARTICLES])
    }


def reasons(text: str, title: str | None = None) -> list[str | None]:
    return list(noise.mark_noise(text.split("\n"), title=title).reasons)


# --- spam phrases -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("更好的行业c7娱乐麻将胡了的解决方案", ["c7娱乐麻将胡了"]),
        ("已经在和pg电子游戏的合作伙伴", ["pg电子游戏"]),
        ("ky体育官网app下载", ["ky体育官网app下载"]),
        ("在bb娛樂城註冊", ["bb娛樂城註冊"]),
        ("今晚百家乐开局", ["百家乐"]),
        ("正能量c7娱乐麻将胡了官网在线免费看", ["c7娱乐麻将胡了官网"]),
        ("the best online casino bonus", ["online casino"]),
        # Ordinary uses of the same words are left alone.
        ("另一类是娱乐,比如 Suno 这种软件", []),
        ("电子游戏产业的规模", []),
        ("AI娱乐公司与5G电子产品", []),
        ("yi-lightning娱乐化", []),
        ("体育彩票发行量", []),
        ("c娱乐", []),
    ],
)
def test_find_spam_phrases(text, phrases):
    assert [text[s:e] for s, e in spam.find_spam_phrases(text)] == phrases


def test_spam_offsets_are_absolute_within_a_range():
    text = "前文。和pg电子游戏的合作"
    assert spam.find_spam_phrases(text, 3, len(text)) == [(4, 10)]
    assert spam.find_spam_phrases(text, 0, 6) == []


# --- single lines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("![392c.png](https://blog.example.com/pic/392c.png?imageSlim)", noise.IMAGE),
        ("<img src='a.png'>", noise.IMAGE),
        ("https://cdn.example.com/a/b.jpg", noise.IMAGE),
        ("题图来源:视觉中国", noise.IMAGE),
        ("* 题图及文中配图来源于 Unsplash。应受访者要求,李友峰为化名。", noise.IMAGE),
        ("图片来源：网络", noise.IMAGE),
        ("图源:IC photo", noise.IMAGE),
        ("图 2:模型参数对比", noise.IMAGE),
        ("（图/视觉中国）", noise.IMAGE),
        ("Image: Getty Images", noise.IMAGE),
        ("Photo by Jane Doe on Unsplash", noise.IMAGE),
        ("文丨程曼祺", noise.BYLINE),
        ("编辑丨宋玮", noise.BYLINE),
        ("作者 | 黎明", noise.BYLINE),
        ("责编：王五", noise.BYLINE),
        ("责任编辑:李四", noise.BYLINE),
        ("来源:界面新闻", noise.BYLINE),
        ("本报记者 张三", noise.BYLINE),
        ("定焦(dingjiaoone)原创", noise.BYLINE),
        ("2025-01-07 10:23", noise.BYLINE),
        ("By Jane Doe and John Roe", noise.BYLINE),
        ("Edited by Sam Lee", noise.BYLINE),
        ("Reporting by Li Wei; Editing by Jane Doe", noise.BYLINE),
        ("本文来自微信公众号“晚点LatePost”", noise.CREDIT),
        ("转载请注明出处。", noise.CREDIT),
        ("原标题:零一万物的转向", noise.CREDIT),
        ("© 2025 Example News. All rights reserved.", noise.CREDIT),
        ("标签:", noise.TAGS),
        ("Tags: AI, China", noise.TAGS),
        ("Jan. 7, 2025", noise.BYLINE),
        ("Updated: Tuesday, 7 January 2025, 10:23 am GMT", noise.BYLINE),
        ("May 2025 was a hard month", None),
        # Content that merely resembles furniture.
        ("By 2025, the company had pivoted to applications.", None),
        ("By the end of May, prices had fallen.", None),
        ("图灵奖得主辛顿也表达了担忧。", None),
        ("文件显示,公司收入超过一亿元。", None),
        ("作者认为,大模型行业正在降温,这一判断值得商榷,但并非没有道理。", None),
        ("2024年5月13日,零一万物发布Yi-Large。", None),
        ("李开复说:“我们没有寻求被收购”。", None),
        ("记者 张三 报道，近日零一万物宣布调整。", None),
    ],
)
def test_line_noise(line, reason):
    assert noise.line_noise(line) == reason


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("文丨程曼祺", ("程曼祺",)),
        ("作者 | 黎明", ("黎明",)),
        ("作者:张三、李四", ("张三", "李四")),
        ("文 | 张三  编辑 | 李四", ("张三",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, Li Wei | Reuters", ("Jane Doe", "Li Wei")),
        ("编辑丨宋玮", ()),
        ("By 2025, prices fell", ()),
    ],
)
def test_byline_authors(line, authors):
    assert noise.byline_authors(line) == authors


# --- blocks -----------------------------------------------------------------------------


def test_link_farm_with_relative_stamps_and_pipes():
    text = "\n".join(
        [
            "正文最后一句。",
            "题图来源:视觉中国",
            "标题一 | 3天前 |",
            "标题二 |",
            "标题三 | 2小时前 |",
            "标题四",
        ]
    )
    assert reasons(text) == [
        None,
        noise.IMAGE,
        noise.LINK_FARM,
        noise.LINK_FARM,
        noise.LINK_FARM,
        noise.LINK_FARM,
    ]


def test_english_related_block_is_a_link_farm():
    text = "\n".join(
        [
            "The company said on Monday it would stop training giant models.",
            "",
            "Related",
            "Stocks rally as rates fall | 5 hours ago",
            "Why chips matter | 2 days ago",
            "Apple launches a phone | 3 days ago",
            "Weather today",
        ]
    )
    assert reasons(text) == [None, noise.BLANK] + [noise.LINK_FARM] * 5


def test_titles_after_the_end_mark_are_a_link_farm():
    text = "正文第一段。\n正文第二段,结尾。\n（完）\n热门标题一\n热门标题二"
    assert reasons(text) == [None, None, noise.BLANK, noise.LINK_FARM, noise.LINK_FARM]


def test_short_closing_lines_without_an_end_mark_stay():
    text = "最后一段是内容。\n谁都可以仰望星空\n更重要的是脚踏实地"
    assert reasons(text) == [None, None, None]


def test_relative_time_inside_prose_is_not_a_link_farm():
    text = "\n".join(
        ["3天前,零一万物宣布调整。", "2小时前,阿里云回应。", "5天前,消息传出。", "全文结束。"]
    )
    assert reasons(text) == [None] * 4


def test_reference_list_after_a_heading_runs_to_the_next_heading():
    text = "正文。\n## 参考资料\n1. 某某报告,2024\n2. 另一个来源\n## 附录\n附录内容。"
    assert reasons(text) == [
        None,
        noise.REFERENCE_LIST,
        noise.REFERENCE_LIST,
        noise.REFERENCE_LIST,
        None,
        None,
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [
            "[Kr Asia: 李开复澄清](https://kr-asia.com/a)  ",
            "[Wikipedia: 01.AI](https://en.wikipedia.org/wiki/01.AI)",
        ],
        [
            "Lee, K. (2024). AI Superpowers. https://example.com/book",
            "Doe, J. Title. https://example.org/x",
        ],
        ["[1] 李开复:谈话,2024", "[2] 某报道,2025"],
    ],
)
def test_reference_runs_at_the_end(lines):
    assert reasons("\n".join(["正文第一段。", *lines])) == [None] + [noise.REFERENCE_LIST] * len(
        lines
    )


def test_a_single_link_in_prose_stays_and_a_bare_link_line_goes():
    text = "正文。\n详见 https://example.com/a 的说明。\nhttps://example.com/x\n结尾。"
    assert reasons(text) == [None, None, noise.LINK_FARM, None]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["标题", "标题", "都在说。", "正文。"], [None, noise.TITLE_REPEAT, None, None]),
        (["标题", "文丨张三", "# 标题", "正文。"], [None, noise.BYLINE, noise.TITLE_REPEAT, None]),
        (["导语。", "导语。", "正文。", "导语。"], [None, noise.TITLE_REPEAT, None, None]),
        (["正文。", "标题"], [None, None]),
    ],
)
def test_repeated_title_lines_at_the_top(lines, expected):
    assert reasons("\n".join(lines), title="标题") == expected


def test_spam_only_lines_are_skipped_and_injected_spam_is_reported():
    lines = [
        "正能量c7娱乐麻将胡了官网在线免费看",
        "我们在做更好的行业c7娱乐麻将胡了的解决方案,更能创造价值。",
    ]
    report = noise.mark_noise(lines)
    assert report.reasons == (noise.SPAM_PHRASE, None)
    assert report.spam == ((), ((9, 17),))
    assert lines[1][9:17] == "c7娱乐麻将胡了"


# --- the real articles ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "paragraphs", "counts"),
    [
        ("000", 43, {"front matter": 9, "image": 1}),
        ("001", 163, {"byline": 2, "image": 1, "link farm": 20}),
        ("002", 39, {}),
        ("003", 16, {"front matter": 10, "reference list": 9}),
        ("004", 70, {"title repeat": 1, "byline": 3, "image": 1, "tags": 1}),
    ],
)
def test_real_articles_segment_as_expected(documents, prefix, paragraphs, counts):
    document = documents[prefix]
    assert len(document.paragraphs) == paragraphs
    assert document.skipped_counts() == counts


def test_001_link_farm_is_skipped_and_its_article_is_not(documents):
    document = documents["001"]
    text = document.article.text
    lines = text.split("\n")
    farm_start = lines.index("题图来源:视觉中国") + 1
    farm = {line for line in lines[farm_start:] if line}
    skipped = {text[s.char_start : s.char_end]: s.reason for s in document.skipped}
    assert farm and all(skipped.get(line) == noise.LINK_FARM for line in farm)
    kept = {p.text for p in document.paragraphs}
    assert not farm & kept
    assert {line for line, reason in skipped.items() if reason == noise.LINK_FARM} == farm
    # Every line before the byline-free credit is either content or one of the two bylines.
    assert set(lines[2 : farm_start - 1]) - {""} == kept
    assert kept.issuperset({"证明零一万物今天做出的决定是正确的决定。"})


def test_001_sentences_are_cut_around_injected_spam(documents):
    document = documents["001"]
    assert [s.text for s in document.spam_spans] == ["c7娱乐麻将胡了", "pg电子游戏"]
    sentences = [s.text for p in document.paragraphs for s in p.sentences]
    assert not any("c7娱乐" in s or "pg电子" in s or "麻将胡了" in s for s in sentences)
    assert "的解决方案。" in sentences
    assert any(s.endswith("一起做细分行业模型和更好的行业") for s in sentences)
    for span in document.spam_spans:
        for paragraph in document.paragraphs:
            for sentence in paragraph.sentences:
                assert sentence.char_end <= span.char_start or sentence.char_start >= span.char_end


def test_003_reference_list_is_skipped(documents):
    document = documents["003"]
    text = document.article.text
    references = [line for line in text.split("\n") if line.startswith("[")]
    assert len(references) == 9
    skipped = [
        text[s.char_start : s.char_end]
        for s in document.skipped
        if s.reason == noise.REFERENCE_LIST
    ]
    assert skipped == references
    assert not any("](http" in p.text for p in document.paragraphs)
    assert document.paragraphs[-1].text.startswith("截至2025年中")


def test_004_bylines_and_credits(documents):
    document = documents["004"]
    text = document.article.text
    skipped = {text[s.char_start : s.char_end]: s.reason for s in document.skipped}
    assert skipped == {
        "2024过半,AI卷到哪儿了?": noise.TITLE_REPEAT,
        "定焦(dingjiaoone)原创": noise.BYLINE,
        "作者 | 黎明": noise.BYLINE,
        "编辑 | 魏佳": noise.BYLINE,
        "* 题图及文中配图来源于 Unsplash。应受访者要求,李友峰为化名。": noise.IMAGE,
        "标签:": noise.TAGS,
    }
    assert document.paragraphs[0].text == "2024过半,AI卷到哪儿了?"
    assert document.paragraphs[1].text == "都在说大模型,都不会用大模型。"


def test_000_image_and_front_matter(documents):
    document = documents["000"]
    assert not any(p.text.startswith("![") for p in document.paragraphs)
    first = document.paragraphs[0]
    assert first.text.startswith("如果说OpenAI的O1")
    assert first.char_start == document.article.body_start + 1  # after the blank line


ENGLISH_ARTICLE = """Kai-Fu Lee's 01.AI stops chasing giant models
Kai-Fu Lee's 01.AI stops chasing giant models
By Jane Doe and Li Wei
Jan. 7, 2025
![Kai-Fu Lee](https://example.com/lee.jpg)
Photo: Reuters

01.AI said on Monday it would hand its pre-training team to Alibaba Cloud. The U.S. export
rules made chips scarce, Dr. Lee said.

Q: Are you giving up on pre-training?
A: No. We will keep training smaller models.
Edited by Sam Roe

References
[1] Lee, K. Interview, Jan. 2025. https://example.com/interview
[2] Alibaba Cloud statement. https://example.com/statement

Related
Stocks rally as rates fall | 5 hours ago
Why chips matter | 2 days ago
Apple launches a phone | 3 days ago
"""


def test_english_article_end_to_end(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text(ENGLISH_ARTICLE, encoding="utf-8")
    document = segment_article(read_article(path))
    article = document.article
    assert (article.language, article.authors) == ("en", ("Jane Doe", "Li Wei"))
    assert article.title == "Kai-Fu Lee's 01.AI stops chasing giant models"
    assert document.skipped_counts() == {
        "title repeat": 1,
        "byline": 3,
        "image": 2,
        "reference list": 3,
        "link farm": 4,
    }
    rows = [(p.speaker, [s.text for s in p.sentences]) for p in document.paragraphs]
    assert rows == [
        (None, ["Kai-Fu Lee's 01.AI stops chasing giant models"]),
        (
            None,
            [
                "01.AI said on Monday it would hand its pre-training team to Alibaba Cloud.",
                "The U.S. export\nrules made chips scarce, Dr. Lee said.",
            ],
        ),
        ("Q", ["Are you giving up on pre-training?"]),
        ("A", ["No.", "We will keep training smaller models."]),
    ]


TRADITIONAL_ARTICLE = """零一萬物決定給大廠讓路
記者王小明／台北報導
2025年伊始,AI大模型“六小虎”就傳出異動。李開復在朋友圈闢謠,否認出售。
據報道,團隊將加入bb娛樂城註冊阿里雲的聯合實驗室。
圖片來源：視覺中國
相關閱讀
大模型價格戰再起
六小虎的命運
"""


def test_traditional_article_end_to_end(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text(TRADITIONAL_ARTICLE, encoding="big5", errors="strict")
    document = segment_article(read_article(path))
    assert (document.article.language, document.article.encoding) == ("zh-Hant", "big5")
    assert document.skipped_counts() == {"byline": 1, "image": 1, "link farm": 3}
    assert [s.text for s in document.spam_spans] == ["bb娛樂城註冊"]
    sentences = [s.text for p in document.paragraphs for s in p.sentences]
    assert sentences == [
        "零一萬物決定給大廠讓路",
        "2025年伊始,AI大模型“六小虎”就傳出異動。",
        "李開復在朋友圈闢謠,否認出售。",
        "據報道,團隊將加入",
        "阿里雲的聯合實驗室。",
    ]


@pytest.mark.parametrize(
    ("paragraph", "first_sentence"),
    [
        ("【本報記者 李文華】九龍木雕商會昨日舉行大會。", "九龍木雕商會昨日舉行大會。"),
        (
            "【記者王小明／台北報導】台灣茶葉公會昨（11）日舉行理事會。",
            "台灣茶葉公會昨（11）日舉行理事會。",
        ),
        ("（记者 刘洋）华东木雕商会昨日召开年会。", "华东木雕商会昨日召开年会。"),
        ("本报讯（记者 刘洋）华东木雕商会昨日召开年会。", "华东木雕商会昨日召开年会。"),
        ("【某某网2025年6月12日讯】茶叶公会昨日召开年会。", "茶叶公会昨日召开年会。"),
        ("本报讯 浙江纺织厂本周一宣布停产。", "浙江纺织厂本周一宣布停产。"),
        # A bracket that opens the sentence without naming a reporter or a dispatch stays.
        ("（图）华东木雕商会昨日召开年会。", "（图）华东木雕商会昨日召开年会。"),
        ("【独家】华东木雕商会昨日召开年会。", "【独家】华东木雕商会昨日召开年会。"),
    ],
)
def test_a_reporters_byline_opening_a_paragraph_is_not_its_text(
    tmp_path, paragraph, first_sentence
):
    path = tmp_path / "zh.txt"
    path.write_text(f"木雕商会\n\n{paragraph}\n", encoding="utf-8")
    document = segment_article(read_article(path))
    assert document.paragraphs[-1].sentences[0].text == first_sentence
