"""Actor recognition against the curated gazetteer and the demo articles; no database."""

import itertools

import pytest

from tests.conftest import ROOT
from timeline.pipeline.actors import (
    ActorEntry,
    ActorMatcher,
    alias_key,
    find_candidates,
    find_roles,
    fold_text,
    load_gazetteer,
    normalize_alias,
)

GAZETTEER = load_gazetteer(ROOT / "fixtures" / "actors.json")


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(GAZETTEER)


def slugs(matcher: ActorMatcher, text: str) -> list[str]:
    return [mention.slug for mention in matcher.find(text)]


def test_gazetteer_reads_actors_with_their_aliases():
    by_slug = {entry.slug: entry for entry in GAZETTEER}
    assert len(by_slug) == len(GAZETTEER) >= 50
    assert by_slug["01-ai"].name == "01.AI"
    assert by_slug["01-ai"].kind == "company"
    assert "零一万物" in by_slug["01-ai"].aliases
    assert by_slug["kai-fu-lee"].kind == "person"


@pytest.mark.parametrize(
    "alias", [alias for entry in GAZETTEER for alias in entry.aliases], ids=str
)
def test_alias_key_agrees_with_the_stored_normal_form(alias):
    assert alias_key(alias) == normalize_alias(alias)


@pytest.mark.parametrize(
    "alias", [alias for entry in GAZETTEER for alias in (entry.name, *entry.aliases)], ids=str
)
def test_every_alias_finds_its_own_actor(matcher, alias):
    owners = [entry.slug for entry in GAZETTEER if alias in (entry.name, *entry.aliases)]
    assert slugs(matcher, f"“{alias}”") == owners[:1]


def test_fold_text_keeps_length_and_offsets():
    text = "零一萬物與阿⾥雲 ＡＢＣ Straße\u3000end"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded.startswith("零一万物与阿里云 abc")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("零一万物发布新模型", "01-ai"),
        ("零一萬物發佈新模型", "01-ai"),
        ("01.AI released a model", "01-ai"),
        ("01.ai released a model", "01-ai"),
        ("Lingyi Wanwu released a model", "01-ai"),
        ("阿里云宣布", "alibaba-cloud"),
        ("阿里雲宣佈", "alibaba-cloud"),
        ("阿⾥雲offer", "alibaba-cloud"),
        ("Alibaba Cloud said", "alibaba-cloud"),
        ("阿里巴巴集团", "alibaba"),
        ("被阿里收购", "alibaba"),
        ("Alibaba Group", "alibaba"),
        ("李开复说", "kai-fu-lee"),
        ("李開復說", "kai-fu-lee"),
        ("said Kai-Fu Lee.", "kai-fu-lee"),
        ("KAI-FU LEE", "kai-fu-lee"),
        ("字节跳动在北京", "bytedance"),
        ("字節跳動在北京", "bytedance"),
        ("ByteDance in Beijing", "bytedance"),
        ("深度求索发布", "deepseek"),
        ("DeepSeek released", "deepseek"),
        ("智譜AI", "zhipu-ai"),
        ("月之暗面", "moonshot-ai"),
        ("階躍星辰", "stepfun"),
        ("百川智能", "baichuan-ai"),
        ("通義千問", "qwen"),
        ("qwen2.5 发布", "qwen"),
        ("Qwen2.0", "qwen"),
        ("Meta的LLaMA", "meta"),
        ("GPT-4o-2024-05-13", "gpt-4o"),
        ("產業大模型聯合實驗室", "industrial-large-model-joint-lab"),
        ("創新工場", "sinovation-ventures"),
        ("黃文灝", "huang-wenhao"),
        ("閆俊傑", "yan-junjie"),
    ],
)
def test_mentions_in_any_script_resolve_to_one_slug(matcher, text, slug):
    assert slugs(matcher, text)[:1] == [slug]


@pytest.mark.parametrize(
    "text",
    [
        "Yield curves are flat",
        "the metadata is missing",
        "a metaphor",
        "Yi-9B is small",
        "Yi-Coder-9B",
        "Meta-analysis",
        "kai-fu-lee-sets-the-record",
        "see https://kr-asia.com/kai-fu-lee-sets-the-record-straight-on-01-ais-pivot",
        "O10 and xo1",
        "201.AI",
        "二零一九年",
        "三百度的高温",
        "一千万知识付费用户",
        "1024字节的数据",
        "海纳百川",
        "sonnet and haiku are poems",
    ],
)
def test_word_boundaries_and_number_contexts_reject_lookalikes(matcher, text):
    assert matcher.find(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yi-34B", [("yi-34b", "Yi-34B")]),
        ("Yi-Large和Yi-Lightning", [("yi-large", "Yi-Large"), ("yi-lightning", "Yi-Lightning")]),
        ("yi-lightning-v2", [("yi-lightning-v2", "yi-lightning-v2")]),
        ("yi-x-large 模型", [("yi-xlarge", "yi-x-large")]),
        ("初代Yi模型", [("yi", "Yi")]),
        ("阿里云和阿里", [("alibaba-cloud", "阿里云"), ("alibaba", "阿里")]),
        ("阿里巴巴", [("alibaba", "阿里巴巴")]),
        ("零一万物和零一绿洲", [("01-ai", "零一万物"), ("lingyi-luzhou", "零一绿洲")]),
        ("gpt-4o mini 和 gpt-4o", [("gpt-4o-mini", "gpt-4o mini"), ("gpt-4o", "gpt-4o")]),
        ("Claude 3.5 Sonnet", [("claude-3-5-sonnet", "Claude 3.5 Sonnet")]),
        ("Claude  3.5\nSonnet", [("claude-3-5-sonnet", "Claude  3.5\nSonnet")]),
        ("claude 3 发布", [("claude", "claude")]),
        ("DeepSeek-V2 by DeepSeek", [("deepseek-v2", "DeepSeek-V2"), ("deepseek", "DeepSeek")]),
        ("LLaMA 2 and Llama3", [("llama-2", "LLaMA 2"), ("llama-3", "Llama3")]),
    ],
)
def test_longest_alias_wins(matcher, text, expected):
    assert [(m.slug, m.text) for m in matcher.find(text)] == expected


@pytest.mark.parametrize("prefix", ["", "前言。", "𠀀Ünïcode 𝒳 ", "ǅ ß ﬁ "])
@pytest.mark.parametrize("offset", [0, 1000])
def test_offsets_point_at_the_mention(matcher, prefix, offset):
    text = prefix + "據介紹,李開復於2023年創立01.AI,發佈了Yi-34B。"
    mentions = matcher.find(text, offset=offset)
    assert [m.slug for m in mentions] == ["kai-fu-lee", "01-ai", "yi-34b"]
    for mention in mentions:
        assert text[mention.char_start - offset : mention.char_end - offset] == mention.text


def test_mentions_do_not_overlap_and_come_in_order(matcher, article_text):
    text = article_text("001")
    mentions = matcher.find(text)
    for before, after in itertools.pairwise(mentions):
        assert before.char_end <= after.char_start
    for mention in mentions:
        assert text[mention.char_start : mention.char_end] == mention.text


def test_an_alias_shared_by_two_actors_goes_to_the_first_listed():
    shared = ActorMatcher(
        [
            ActorEntry("acme", "Acme", "company", ("Acme", "艾克米")),
            ActorEntry("acme-labs", "Acme Labs", "lab", ("Acme Labs", "艾克米")),
        ]
    )
    assert slugs(shared, "艾克米与Acme Labs") == ["acme", "acme-labs"]
    assert shared.entry("acme-labs").kind == "lab"


@pytest.mark.parametrize(
    ("prefix", "present"),
    [
        ("000", {"01-ai", "kai-fu-lee", "yi-lightning", "deepseek", "qwen", "meta", "llama"}),
        ("001", {"bytedance", "01-ai", "kai-fu-lee", "alibaba-cloud", "yi-large", "o1"}),
        (
            "002",
            {"01-ai", "alibaba-cloud", "kai-fu-lee", "yi-large", "yi-xlarge", "stepfun", "popai"},
        ),
        ("003", {"01-ai", "kai-fu-lee", "yi-34b", "meta", "llama-2", "hugging-face", "alibaba"}),
        ("004", {"01-ai", "kai-fu-lee", "opencsg", "chen-ran", "deepseek-v2", "bytedance"}),
    ],
)
def test_demo_articles_name_their_actors(matcher, article_text, prefix, present):
    found = set(slugs(matcher, article_text(prefix)))
    assert present <= found


def test_traditional_article_yields_the_same_actors_as_simplified_text(matcher, article_text):
    text = article_text("002")
    assert set(slugs(matcher, text)) >= {"01-ai", "alibaba-cloud", "kai-fu-lee", "yi-large"}
    assert "阿里雲" in {m.text for m in matcher.find(text)}


def test_urls_in_the_reference_list_are_not_mentions(matcher, article_text):
    text = article_text("003")
    for mention in matcher.find(text):
        word_start = max(text.rfind(char, 0, mention.char_start) for char in " \n(")
        assert "://" not in text[word_start + 1 : mention.char_start]
    assert "01.AI" in {m.text for m in matcher.find("[Wikipedia: 01.AI](https://x.org/01.AI)")}
    assert len(matcher.find("[Wikipedia: 01.AI](https://x.org/01.AI)")) == 1


# --- Roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("零一万物创始人李开复放话", {"kai-fu-lee": "founder"}),
        ("零一萬物創始人李開復放話", {"kai-fu-lee": "founder"}),
        ("零一万物 ceo 李开复 向《晚点》解释", {"kai-fu-lee": "ceo"}),
        ("01.AI founder and CEO Kai-Fu Lee said", {"kai-fu-lee": "founder, ceo"}),
        ("Kai-Fu Lee, the chairman of Sinovation Ventures, said", {"kai-fu-lee": "chairman"}),
        (
            "李开复，这位知名的AI投资人、前谷歌与微软高管，于2023年3月创立01.AI",
            {"kai-fu-lee": "investor, former executive"},
        ),
        ("由聯合創始人馬傑帶隊", {"ma-jie": "co-founder"}),
        ("李開復創立的零一萬物", {"kai-fu-lee": "founder"}),
        (
            "陈冉是人工智能社区和生态公司开放传神(OpenCSG)的创始人、CEO,他认为",
            {"chen-ran": "founder, ceo"},
        ),
        (
            "Lepton AI 创始人、阿里原副总裁贾扬清说",
            {"jia-yangqing": "founder, former vice president"},
        ),
        (
            "包括前预训练负责人黄文灏、多模态研发负责人潘欣等",
            {
                "huang-wenhao": "former head of pre-training",
                "pan-xin": "head of multimodal r&d",
            },
        ),
        (
            "还是祁瑞峰负责销售,谷雪梅负责模型训练",
            {
                "qi-ruifeng": "head of sales",
                "gu-xuemei": "head of model training",
            },
        ),
        ("金沙江創投合夥人朱嘯虎", {"zhu-xiaohu": "partner"}),
        ("总裁说，李开复今天来了", {}),
        ("李开复和百度的创始人", {}),
        ("创始人说了很多。李开复点头", {}),
    ],
)
def test_roles_stated_next_to_a_name(matcher, text, expected):
    assert find_roles(text, matcher.find(text), matcher=matcher) == expected


def test_roles_go_to_people_only_when_the_matcher_is_given(matcher):
    text = "阿里是我们投资人"
    mentions = matcher.find(text)
    assert find_roles(text, mentions, matcher=matcher) == {}
    assert find_roles(text, mentions) == {"alibaba": "investor"}


def test_roles_merge_across_mentions_of_one_person(matcher):
    text = "零一万物创始人李开复说。CEO 李开复又说。"
    assert find_roles(text, matcher.find(text)) == {"kai-fu-lee": "founder, ceo"}


@pytest.mark.parametrize(
    ("prefix", "slug", "role"),
    [
        ("001", "kai-fu-lee", "ceo"),
        ("001", "huang-wenhao", "former head of pre-training"),
        ("002", "yan-junjie", "founder"),
        ("004", "chen-ran", "founder, ceo"),
        ("004", "kai-fu-lee", "founder"),
    ],
)
def test_roles_in_the_demo_articles(matcher, article_text, prefix, slug, role):
    text = article_text(prefix)
    assert find_roles(text, matcher.find(text), matcher=matcher)[slug] == role


# --- Candidates ------------------------------------------------------------------------------


def candidates(matcher: ActorMatcher, text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in find_candidates(text, matcher)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("星河智能科技公司宣布完成融资。", [("星河智能科技公司", "organization")]),
        ("百度的竞争对手星河智能宣布降价", [("星河智能", "organization")]),
        ("北京星河科技有限公司成立", [("北京星河科技有限公司", "organization")]),
        ("他考上了招商银行", [("招商银行", "organization")]),
        ("据报道，创始人张三丰表示将继续。", [("张三丰", "person")]),
        ("王伟表示，价格战会继续", [("王伟", "person")]),
        ("Google released Gemini 1.5 today.", [("Gemini 1.5", "model")]),
        ("Mistral shipped Mixtral-8x7B.", [("Mixtral-8x7B", "model")]),
        ("DeepSeek-Coder is out", [("DeepSeek-Coder", "model")]),
        ("the CopyAsk app", [("CopyAsk", "organization")]),
        ("by Acme Robotics Labs in May", [("Acme Robotics Labs", "organization")]),
    ],
)
def test_unknown_names_become_candidates(matcher, text, expected):
    assert candidates(matcher, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "很多公司都在做大模型，一些公司已经放弃。",
        "他以智能汽车行业早期做类比",
        "以阿里、百度为代表的科技大厂",
        "一位高管表示，情况不错",
        "也就是说，可以说",
        "Scaling Law 在变慢，System 2 思考，Agent AI 是重点",
        "The Company said AI 2.0 will come",
        "Web 3.0 and Version 2.0 and Industry 4.0",
        "the CEO AI PC GPU roadmap",
        "零一万物公司的兴衰",
        "阿里巴巴集团和斯坦福大学以人为本人工智能研究院",
        "零一万物创始人李开复表示",
        "Lepton AI 创始人贾扬清说",
    ],
)
def test_known_names_and_common_words_are_not_candidates(matcher, text):
    assert candidates(matcher, text) == []


def test_candidates_are_deduplicated_in_text_order(matcher):
    text = "王伟表示，星河智能科技公司很好。王伟说，Gemini 1.5 也好。"
    found = find_candidates(text, matcher, offset=10)
    assert [(c.text, c.char_start) for c in found] == [
        ("王伟", 10),
        ("星河智能科技公司", 15),
        ("Gemini 1.5", 30),
    ]
    for candidate in found:
        assert text[candidate.char_start - 10 : candidate.char_end - 10] == candidate.text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_demo_article_candidates_are_never_known_names(matcher, article_text, prefix):
    text = article_text(prefix)
    for candidate in find_candidates(text, matcher):
        assert alias_key(candidate.text) not in matcher.keys
        assert matcher.find(candidate.text) == []


def test_demo_article_candidates(matcher, article_text):
    assert candidates(matcher, article_text("004")) == [
        ("李友峰", "person"),
        ("CopyAsk", "organization"),
    ]
    assert candidates(matcher, article_text("002")) == []


def test_a_rejected_actor_takes_its_span_but_never_links():
    matcher = ActorMatcher(
        [
            ActorEntry("acme", "Acme", "company", ("Acme",)),
            ActorEntry("acme-week", "Acme Week", "organization", ("Acme Week",), "rejected"),
        ]
    )

    mentions = matcher.find("Acme Week opened; Acme said so.")

    assert [(m.slug, m.text) for m in mentions] == [("acme", "Acme")]
    assert "acme week" in matcher.keys
