"""Merging: claims of one happening become one draft, claims of two stay apart whatever
their keys share; each actor is linked once, in its strongest role."""

from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.dates import DateMention
from timeline.pipeline.extract import extract_article
from timeline.pipeline.manifest import load_manifest
from timeline.pipeline.merge import (
    Account,
    family,
    group_claims,
    rename_in_key,
    same_happening,
    settle_actors,
    strongest_roles,
)
from timeline.pipeline.reading import read_article

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "fixtures" / "articles"


def claim(key, start=None, end=None, precision="year", *, at=0, actors=(("01-ai", "subject"),)):
    mention = None
    if start is not None:
        mention = DateMention(
            "x",
            at,
            at + 1,
            date.fromisoformat(start),
            date.fromisoformat(end),
            precision,
            None,
            None,
            None,
        )
    event_type = key.split(":")[0]
    return ExtractedClaim(
        key=key,
        event_type=event_type,
        headline=f"{key} at {at}",
        summary="",
        quote="x",
        char_start=at,
        char_end=at + 1,
        date=mention,
        actors=actors,
    )


def test_claims_with_one_key_form_one_draft_headed_by_the_most_precise():
    founding = [
        claim("founding:01-ai", "2023-01-01", "2023-12-31", "year", at=1),
        claim(
            "founding:01-ai",
            "2023-03-01",
            "2023-03-31",
            "month",
            at=2,
            actors=(("01-ai", "subject"), ("kai-fu-lee", "founder")),
        ),
        claim("founding:01-ai", "2023-05-01", "2023-08-31", "part", at=3),
    ]
    (draft,) = group_claims(founding)
    assert draft.key == "founding:01-ai"
    assert draft.claims == tuple(founding)
    assert draft.headline == "founding:01-ai at 2"
    assert draft.actors == (("01-ai", "subject"), ("kai-fu-lee", "founder"))


def test_different_keys_in_one_month_stay_apart():
    drafts = group_claims(
        [
            claim("model_release:yi-large", "2024-05-01", "2024-05-31", "month", at=1),
            claim("pricing:01-ai:2024-05", "2024-05-01", "2024-05-31", "month", at=2),
            claim("model_release:yi-large", "2024-05-01", "2024-05-31", "month", at=3),
        ]
    )
    assert [(d.key, len(d.claims)) for d in drafts] == [
        ("model_release:yi-large", 2),
        ("pricing:01-ai:2024-05", 1),
    ]


def test_a_dated_claim_heads_an_undated_one():
    (draft,) = group_claims(
        [
            claim("denial:01-ai:sale", at=1),
            claim("denial:01-ai:sale", "2025-01-07", "2025-01-07", "day", at=2),
        ]
    )
    assert draft.headline == "denial:01-ai:sale at 2"


def test_nothing_in_nothing_out():
    assert group_claims([]) == []


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))


@pytest.fixture
def claim_of(tmp_path, matcher):
    """The one claim whose key starts with `wanted` that a one-line article states."""

    def read(text: str, published: str, wanted: str) -> ExtractedClaim:
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        claims = extract_article(read_article(path), matcher=matcher).claims
        (found,) = [c for c in claims if family(c.key).startswith(wanted)]
        return found

    return read


# (first article, its publication day, second article, its day, the key family both state,
# whether they state one happening). Each pair shares a type, a principal and a period or
# one is undated; only what they say tells them apart.
PAIRS = [
    # The same release in two scripts, and in English.
    (
        "2024年5月，零一万物发布Yi-Large。",
        "2024-06-01",
        "去年5月，零一萬物發佈千億參數模型Yi-Large。",
        "2025-01-07",
        "model_release:yi-large",
        True,
    ),
    (
        "01.AI released Yi-Large in May 2024.",
        "2025-01-07",
        "去年5月，零一萬物發佈千億參數模型Yi-Large。",
        "2025-01-07",
        "model_release:yi-large",
        True,
    ),
    # A series released, and one of its members named as released at the time: one release;
    # a member released a year later is another.
    (
        '去年李开复的零一万物发布 "Yi" 系列模型。',
        "2024-06-01",
        "该公司的旗舰产品Yi系列模型（如Yi-34B）于2023年11月作为开源大模型发布。",
        "2025-01-07",
        "model_release:yi",
        True,
    ),
    (
        "2023年，零一万物发布Yi系列模型。",
        "2025-01-07",
        "2024年5月，零一萬物發佈Yi系列的Yi-Large。",
        "2025-01-07",
        "model_release:yi",
        False,
    ),
    # One statement in two languages; another statement in the same month is another.
    (
        "今年五月零一万物表示不参与价格战。",
        "2024-12-01",
        "In May 2024, 01.AI said it would stay out of the price war.",
        "2025-01-07",
        "statement:01-ai",
        True,
    ),
    (
        "今年五月零一万物表示不参与价格战。",
        "2024-12-01",
        "2024年5月，零一萬物表示海外生產力產品線預期年營收過億元。",
        "2025-01-07",
        "statement:01-ai",
        False,
    ),
    (
        "In May 2024, Kai-Fu Lee said he wanted to build the Microsoft of the AGI era.",
        "2025-01-07",
        "去年 5 月，李开复说想打造 AGI 时代的微软。",
        "2025-01-07",
        "statement:kai-fu-lee",
        True,
    ),
    (
        "去年 5 月，李开复说想打造 AGI 时代的微软。",
        "2025-01-07",
        "去年5月，李開復宣佈已經啓動Yi-XLarge模型訓練。",
        "2025-01-07",
        "statement:kai-fu-lee",
        False,
    ),
    (
        "In May 2024, Kai-Fu Lee said he wanted to build the Microsoft of the AGI era.",
        "2025-01-07",
        "In May 2024, Kai-Fu Lee announced that 01.AI had started training Yi-XLarge.",
        "2025-01-07",
        "statement:kai-fu-lee",
        False,
    ),
    # Two turns of one company's strategy in one year are two; a turn told again in words
    # that name no other direction is the same one.
    (
        "趨近2024年末,零一萬物在國內市場採取ToB(企業端)戰略。",
        "2025-01-07",
        "2024年，零一万物转向海外市场。",
        "2025-01-07",
        "strategy:01-ai",
        False,
    ),
    (
        "趨近2024年末,零一萬物在國內市場採取ToB(企業端)戰略。",
        "2025-01-07",
        "2024年末，零一万物在国内市场转向ToB战略。",
        "2025-01-07",
        "strategy:01-ai",
        True,
    ),
    # An undated round joins the dated round of the same valuation, in either script.
    (
        "阿里雲是零一萬物2023年10億美元估值融資的領投機構。",
        "2025-01-07",
        "这推动零一万物在数月内晋升为估值10亿美元的独角兽。",
        "2025-01-07",
        "funding:01-ai",
        True,
    ),
    (
        "In 2023, 01.AI raised funding at a $1 billion valuation in a round led by Alibaba Cloud.",
        "2025-01-07",
        "01.AI became a unicorn valued at $1 billion within months.",
        "2025-01-07",
        "funding:01-ai",
        True,
    ),
    # Rounds in one year stay apart when their amounts or their lead investors differ.
    (
        "In 2023, 01.AI raised $200 million.",
        "2025-01-07",
        "In 2023, 01.AI raised $1 billion.",
        "2025-01-07",
        "funding:01-ai",
        False,
    ),
    (
        "2024年，月之暗面完成由阿里领投的融资。",
        "2025-01-07",
        "2024年，月之暗面完成由腾讯领投的融资。",
        "2025-01-07",
        "funding:moonshot-ai",
        False,
    ),
    (
        "2024年，月之暗面完成由阿里领投的融资。",
        "2025-01-07",
        "In 2024, Moonshot AI raised $1 billion in a round led by Alibaba.",
        "2025-01-07",
        "funding:moonshot-ai",
        True,
    ),
    # An undated round of another amount is another round.
    (
        "阿里耗资8亿美金投资了月之暗面。",
        "2025-01-07",
        "2024年，月之暗面完成10亿美元融资。",
        "2025-01-07",
        "funding:moonshot-ai",
        False,
    ),
    # An undated controversy joins the dated one over the same thing.
    (
        "零一万物的初代Yi模型被质疑换皮LLaMA。",
        "2025-01-07",
        "2023年11月，零一萬物承認Yi模型在命名上對LLaMA存在疏忽。",
        "2025-01-07",
        "controversy:01-ai",
        True,
    ),
    # A person's move told in two scripts and in English, dated or not.
    (
        "黄文灏于2024年离开零一万物。",
        "2025-01-07",
        "黃文灝已出走加入豆包。",
        "2025-01-07",
        "personnel:huang-wenhao",
        True,
    ),
    (
        "Huang Wenhao left 01.AI in 2024.",
        "2025-01-07",
        "黄文灏于2024年离开零一万物。",
        "2025-01-07",
        "personnel:huang-wenhao",
        True,
    ),
    # Leaving one employer is another move than leaving another.
    (
        "In 2020, Huang Wenhao left Baidu.",
        "2025-01-07",
        "2024年，黃文灝離開零一萬物。",
        "2025-01-07",
        "personnel:huang-wenhao",
        False,
    ),
]


@pytest.mark.parametrize(("first", "first_day", "second", "second_day", "wanted", "joins"), PAIRS)
def test_a_pair_joins_only_when_its_content_says_it_is_one(
    claim_of, first, first_day, second, second_day, wanted, joins
):
    one = claim_of(first, first_day, wanted)
    other = claim_of(second, second_day, wanted)
    for order in ([one, other], [other, one]):
        drafts = group_claims(order)
        assert len(drafts) == (1 if joins else 2)
        assert len({draft.key for draft in drafts}) == len(drafts)


def account(key, quote, *, dated=True, actors=(("x", "subject"),), headline="h"):
    return Account(frozenset({key}), headline, (quote,), actors, dated)


@pytest.mark.parametrize(
    ("new", "held", "joins"),
    [
        # One figure in two currencies may be one converted: no clash.
        (
            account("acquisition:tencent+sogou", "腾讯以35亿美元收购搜狗"),
            account("acquisition:tencent+sogou", "騰訊以人民幣230億元收購搜狗"),
            True,
        ),
        (
            account("acquisition:tencent+sogou", "Tencent bought Sogou for $3.5 billion"),
            account("acquisition:tencent+sogou", "腾讯以21亿美元收购搜狗"),
            False,
        ),
        # A figure rounded ("约35亿美元", "$3.48 billion") is the same figure.
        (
            account("acquisition:tencent+sogou", "腾讯以约35亿美元收购搜狗"),
            account("acquisition:tencent+sogou", "Tencent bought Sogou for $3.48 billion"),
            True,
        ),
        # What one text calls the round's size the other calls its valuation.
        (
            account("funding:01-ai:2023", "01.AI raised $1 billion in 2023"),
            account("funding:01-ai:2023", "零一万物2023年完成融资，估值10亿美元，融资2亿美元"),
            True,
        ),
        # Figures of a company's year disagree; the year is one happening.
        (
            account("financials:01-ai:2024", "2024 年收入已超 1 亿元人民币"),
            account("financials:01-ai:2024", "预计2024年收入约为1380万美元"),
            True,
        ),
        # An undated claim of another type and principal family joins nothing.
        (
            account("funding:moonshot-ai:usd-1-billion", "估值10亿美元", dated=False),
            account("funding:01-ai:2023", "2023年10亿美元估值融资"),
            False,
        ),
        # Two undated keys of one family join on a shared amount, both dated never do.
        (
            account("funding:01-ai:usd-1-billion", "估值10亿美元的独角兽", dated=False),
            account("funding:01-ai:series-a", "A轮融资，估值10亿美元", dated=False),
            True,
        ),
        (
            account("funding:01-ai:2024", "2024年估值10亿美元"),
            account("funding:01-ai:2023", "2023年估值10亿美元"),
            False,
        ),
    ],
)
def test_what_the_texts_state_decides_a_join(new, held, joins):
    assert same_happening(new, held) is joins
    assert same_happening(held, new) is joins


def test_a_claim_its_keys_draft_does_not_hold_starts_one_under_a_key_of_its_own(claim_of):
    price_war = claim_of("今年五月零一万物表示不参与价格战。", "2024-12-01", "statement:01-ai")
    revenue = claim_of(
        "2024年5月，零一萬物表示海外生產力產品線預期年營收過億元。", "2025-01-07", "statement:01-ai"
    )
    assert price_war.key == revenue.key == "statement:01-ai:2024-05"
    first, second = group_claims([price_war, revenue, price_war])
    assert first.key == "statement:01-ai:2024-05" and first.claims == (price_war, price_war)
    assert second.key.startswith("statement:01-ai:2024-05#") and second.claims == (revenue,)


@pytest.mark.parametrize(
    ("pairs", "settled"),
    [
        # A part in the happening beats a title, a title beats the generic roles.
        (
            [("kai-fu-lee", "subject"), ("kai-fu-lee", "founder"), ("01-ai", "party")],
            (("kai-fu-lee", "founder"), ("01-ai", "party")),
        ),
        (
            [("huang-wenhao", "subject"), ("huang-wenhao", "former head of pre-training")],
            (("huang-wenhao", "former head of pre-training"),),
        ),
        (
            [("01-ai", "subject"), ("01-ai", "target"), ("alibaba-cloud", "mentioned")],
            (("01-ai", "target"), ("alibaba-cloud", "mentioned")),
        ),
        (
            [("alibaba", "investor"), ("alibaba", "lead investor"), ("alibaba", "party")],
            (("alibaba", "lead investor"),),
        ),
        # Two titles: the first given stays.
        ([("kai-fu-lee", "ceo"), ("kai-fu-lee", "chairman")], (("kai-fu-lee", "ceo"),)),
        ([], ()),
    ],
)
def test_each_actor_keeps_its_strongest_role(pairs, settled):
    assert strongest_roles(pairs) == settled


@pytest.fixture(scope="module")
def demo(matcher):
    manifest = load_manifest(ARTICLES / "sources.json")
    return {
        path.name[:3]: extract_article(read_article(path, manifest=manifest), matcher=matcher)
        for path in sorted(ARTICLES.glob("*.txt"))
    }


def test_people_with_their_own_departure_are_not_co_actors_of_another(demo):
    claims = {c.key: c for c in settle_actors(demo["001"].claims)}
    movers = {"huang-wenhao", "cao-dapeng", "pan-xin"}
    for mover in movers:
        slugs = [slug for slug, _ in claims[f"personnel:{mover}"].actors]
        assert slugs[0] == mover
        assert not (set(slugs) - {mover}) & movers
        assert "01-ai" in slugs


@pytest.mark.parametrize(
    ("text", "together"),
    [
        ("2024年，黄文灏、曹大鹏离开零一万物。", False),
        ("2024年，黃文灝、曹大鵬先後離開零一萬物。", False),
        ("In 2024, Huang Wenhao and Cao Dapeng left 01.AI.", False),
        ("2024年，黄文灏与曹大鹏一同离开零一万物。", True),
        ("2024年，黃文灝與曹大鵬一起離開零一萬物。", True),
        ("In 2024, Huang Wenhao and Cao Dapeng left 01.AI together.", True),
    ],
)
def test_people_leaving_in_one_sentence_are_co_actors_only_if_they_left_together(
    tmp_path, matcher, text, together
):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2025-01-07\n---\n{text}\n", encoding="utf-8")
    claims = settle_actors(extract_article(read_article(path), matcher=matcher).claims)
    moves = {c.key: {slug for slug, _ in c.actors} for c in claims}
    assert "01-ai" in moves["personnel:huang-wenhao"] and "01-ai" in moves["personnel:cao-dapeng"]
    assert ("cao-dapeng" in moves["personnel:huang-wenhao"]) is together
    assert ("huang-wenhao" in moves["personnel:cao-dapeng"]) is together


def test_a_product_someone_joins_is_no_employer(demo):
    (move,) = [c for c in demo["000"].claims if c.key == "personnel:huang-wenhao"]
    roles = dict(move.actors)
    assert roles["doubao"] == "new team"
    assert "new employer" not in roles.values()
    assert move.headline.endswith("for Doubao")


def test_roles_come_from_the_clause_that_states_them(demo):
    # 003 calls Kai-Fu Lee an investor and former executive elsewhere; the clause of his
    # remark gives him no title.
    (remark,) = [c for c in demo["003"].claims if c.key == "statement:kai-fu-lee:2024"]
    assert dict(remark.actors)["kai-fu-lee"] == "subject"
    # 002 names Alibaba Cloud the lead of the 2023 round in the clause itself.
    (round_,) = [c for c in demo["002"].claims if c.key == "funding:01-ai:2023"]
    assert dict(round_.actors)["alibaba-cloud"] == "lead investor"


def test_the_demo_articles_give_one_draft_per_happening(demo):
    claims = [claim for name in sorted(demo) for claim in settle_actors(demo[name].claims)]
    drafts = {draft.key: draft for draft in group_claims(claims)}
    quotes = {key: " ".join(c.quote for c in draft.claims) for key, draft in drafts.items()}
    # The price war and the overseas revenue forecast are two statements.
    price_war = drafts["statement:01-ai:2024-05"]
    assert "价格战" in quotes[price_war.key] and "營收" not in quotes[price_war.key]
    (revenue,) = [key for key, text in quotes.items() if "營收" in text]
    assert revenue != price_war.key and revenue.startswith("statement:01-ai:2024-05")
    # The undated unicorn valuation is the dated 2023 round.
    round_ = drafts["funding:01-ai:2023"]
    assert any(c.date is None and "估值10亿美元" in c.quote for c in round_.claims)
    assert not [key for key in drafts if key.startswith("funding:01-ai:") and key != round_.key]
    # Yi-Large, May 2024: one release from two articles in two scripts.
    (release,) = [d for d in drafts.values() if d.key.startswith("model_release:yi-large")]
    assert len({c.quote[:4] for c in release.claims}) == 2
    # One link per actor in every draft.
    for draft in drafts.values():
        slugs = [slug for slug, _ in draft.actors]
        assert len(slugs) == len(set(slugs)), draft.key


@pytest.mark.parametrize(
    ("text", "wanted", "present", "absent"),
    [
        # A company named as a yardstick is no party to what is said.
        ("2024年5月,李开复表示想打造AGI时代的微软。", "statement", "kai-fu-lee", "microsoft"),
        ("2024年5月，李開復表示要成為中國的OpenAI。", "statement", "kai-fu-lee", "openai"),
        (
            "In May 2024, Kai-Fu Lee said he wanted to build the Microsoft of the AGI era.",
            "statement",
            "kai-fu-lee",
            "microsoft",
        ),
        # "清华系" says where a company comes from: the university is no party to its news.
        (
            "5月下旬,清华系大模型公司衔远科技被曝换帅,创始人周伯文将离开公司。",
            "rumor",
            "zhou-bowen",
            "tsinghua-university",
        ),
    ],
)
def test_a_name_used_as_a_yardstick_or_an_affiliation_is_no_party(
    claim_of, text, wanted, present, absent
):
    found = claim_of(text, "2024-06-30", wanted)

    slugs = {slug for slug, _role in found.actors}
    assert present in slugs
    assert absent not in slugs


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("founding:ling-yi-wan-wu", "founding:01-ai"),
        ("financials:ling-yi-wan-wu:2024", "financials:01-ai:2024"),
        # Partners stay sorted; the object is renamed too; a split's words stay.
        ("partnership:a-li-yun+ling-yi-wan-wu:lab", "partnership:01-ai+a-li-yun:lab"),
        ("controversy:meta:ling-yi-wan-wu", "controversy:meta:01-ai"),
        (
            "statement:ling-yi-wan-wu:2024-05#says-ling-yi-wan-wu",
            "statement:01-ai:2024-05#says-ling-yi-wan-wu",
        ),
        # Two partners that are one actor make one principal; other slugs are left alone.
        ("partnership:01-ai+ling-yi-wan-wu", "partnership:01-ai"),
        ("founding:ling-yi", "founding:ling-yi"),
    ],
)
def test_rename_in_key(key, expected):
    assert rename_in_key(key, {"ling-yi-wan-wu": "01-ai"}) == expected
