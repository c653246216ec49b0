"""Guards read a clause with its names blanked: a cue word that belongs to a name ("促进会",
"福利會", "Will Okafor", "原定下月启用的码头") is no forecast, plan or hedge, and the
clause is told; a cue word of the clause's own still silences it. Also the leaks of the main
path a guard must close: a judgement on a dated act, a plan in the period the article is
written in, a plan joined to a past happening. The sentences are written for these tests,
with invented subjects, in English and both Chinese scripts."""

import pytest

from timeline.pipeline.guards import forecasts, unnamed_text

PUBLISHED = "2025-06-20"


@pytest.mark.parametrize(
    ("folded", "looks_ahead"),
    [
        # A 会 ending a body's name, before a past time: no "will".
        ("西湾街坊会昨日向区议会递交请愿信", False),
        ("北岸商户会去年在镇上举办了年货节", False),
        ("南岭茶农联合会于上月与茶企签约", False),
        # A plan or forecast that only describes a noun.
        ("原定下月开幕的音乐节昨日宣布取消", False),
        ("原计划年底完工的隧道上月贯通", False),
        ("在即将关闭的门店举办告别活动", False),
        # A gathering.
        ("青禾乳业上月召开说明会", False),
        # The clause's own "will", plan or schedule.
        ("价格会继续上涨", True),
        ("他们会在下月开业", True),
        ("演出原定周五举行", True),
        ("集团计划出售酒店", True),
        ("这家工厂会在明年投产", True),
    ],
)
def test_a_cue_word_inside_a_name_is_no_forecast(folded, looks_ahead):
    assert forecasts(unnamed_text(folded)) is looks_ahead


def test_the_given_spans_are_blanked_keeping_the_length():
    folded = "will okafor opened a bakery in march"
    blanked = unnamed_text(folded, [(0, 11)])
    assert len(blanked) == len(folded)
    assert not forecasts(blanked)
    assert forecasts(folded)


@pytest.mark.parametrize(
    ("text", "actor", "start"),
    [
        # Member bodies by their ending, and a bare 会 before a past time.
        ("北岸渔民互助会上月向渔护署递交了请愿信。", "北岸渔民互助会", "2025-05-01"),
        ("清溪长者福利會上週在屯門開設了第二間飯堂。", "清溪长者福利會", "2025-06-09"),
        ("南岭茶农联合会去年8月与茶企签订了收购协议。", "南岭茶农联合会", "2024-08-01"),
        ("东山中学校友会去年捐建了一座图书馆。", "东山中学校友会", "2024-01-01"),
        ("青山县养蜂促进会去年5月向县政府递交了请愿书。", "青山县养蜂促进会", "2024-05-01"),
        ("西湾街坊會昨日向區議會遞交請願信。", "西湾街坊會", "2025-06-19"),
        ("北岸商户会去年在镇上举办了年货节。", "北岸商户会", "2024-01-01"),
        ("青山體育會於上月舉辦了渡海泳。", "青山體育會", "2025-05-01"),
        ("新界東社團聯會昨日發起聯署。", "新界東社團聯會", "2025-06-19"),
        ("北区律师公会上月发表声明，反对修例。", "北区律师公会", "2025-05-01"),
        ("北岸妇女会去年举办了义卖。", "北岸妇女会", "2024-01-01"),
        # A cue word inside a noun: a reserve (准备金), a school's name (希望小学).
        ("南湾银行上月下调了存款准备金率。", "南湾银行", "2025-05-01"),
        ("青山希望小学去年获捐一座图书馆。", "青山希望小学", "2024-01-01"),
        # A date after a title is no person's name: the body is the actor.
        ("青山體育會教練上月帶隊出賽。", "青山體育會", "2025-05-01"),
        # A plan that only describes the subject, its date before the subject's name.
        ("原定于下月启用的东湖码头上周提前启用。", "东湖码头", "2025-06-09"),
        ("原定今年年底完工的北环隧道上月已全线贯通。", "北环隧道", "2025-05-01"),
        # English names holding "Will", "Plan", "Hope".
        ("Will Okafor opened a bakery on Dock Street in March.", "Will Okafor", "2025-03-01"),
        ("The Plan B Theatre Company staged its first show last week.", None, "2025-06-09"),
        ("Hope Lindqvist took over the ferry company in January.", "Hope Lindqvist", "2025-01-01"),
    ],
)
def test_a_dated_happening_of_a_name_holding_a_cue_word_is_claimed(main_actors, text, actor, start):
    claims = main_actors(text, PUBLISHED)
    assert len(claims) == 1
    name, date, _quote = claims[0]
    assert date == start
    if actor is not None:
        assert name == actor
    else:
        assert name is not None


@pytest.mark.parametrize(
    "text",
    [
        # The clause's own forecast, beside a name with a cue word.
        "东山中学校友会明年将捐建一座图书馆。",
        "清溪长者福利會預計下月開設第二間飯堂。",
        "Will Okafor will open a bakery next year.",
        # A judgement on a dated act.
        "事实证明，青禾乳业上月做出的决定是正确的决定。",
        "回头看，松涛巴士去年3月作出的调整确实是对的。",
        "事實證明，北灣渡輪上週作出的調整是對的調整。",
        "The decision the Kelmford council took in May proved right.",
        "In hindsight, the move Harlow Buses made last year turned out to be the right one.",
        # A plan in the period the article is written in (published mid-month).
        "白石渔业合作社本月将启用新码头。",
        "白石渔业合作社本周将新码头交付使用。",
        "松濤巴士公司本月將開通兩條新路線。",
        "Kelmford Council will open its new dock this month.",
    ],
)
def test_forecasts_judgements_and_plans_of_the_running_period_give_no_claim(extraction_of, text):
    assert [claim.quote for claim in extraction_of(text, PUBLISHED).claims] == []


@pytest.mark.parametrize(
    "text",
    [
        "白石渔业合作社本月已启用新码头。",
        "白石渔业合作社今年3月将总部迁往城东。",
    ],
)
def test_a_done_act_of_the_running_period_and_a_disposal_stay_claimed(extraction_of, text):
    assert len(extraction_of(text, PUBLISHED).claims) == 1


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("北湾物流于去年5月开业，并计划明年扩建。", "北湾物流于去年5月开业", "计划"),
        ("南岭茶农联合会于去年5月成立，并计划明年扩大规模。", "去年5月成立", "计划"),
        ("清溪巴士公司去年3月開通了新線，並打算明年增加班次。", "去年3月開通了新線", "打算"),
        (
            "Harlow Buses cut ten routes in March and plans to restore two next year.",
            "cut ten",
            None,
        ),
        (
            "Kelmford Council closed the old library in April but hopes to reopen it in 2027.",
            "closed the old library in April",
            None,
        ),
    ],
)
def test_a_plan_joined_to_a_past_happening_leaves_the_happening_claimed(
    extraction_of, text, kept, dropped
):
    claims = extraction_of(text, PUBLISHED).claims
    assert len(claims) == 1
    assert kept in claims[0].quote
    if dropped is not None:
        assert dropped not in claims[0].quote


@pytest.mark.parametrize(
    ("text", "actor", "start"),
    [
        # Talks held or broken off are a meeting, not "in talks".
        ("青禾医院与护士工会昨日傍晚重启谈判，但未达成协议。", "青禾医院", "2025-06-19"),
        ("北湾码头工会与资方上周展开谈判。", "北湾码头工会", "2025-06-09"),
        ("北湾码头工会与资方上周谈判破裂。", "北湾码头工会", "2025-06-09"),
        # 将 after a past date, a noun after it: the object before the verb, no "will".
        ("南湾县公安局昨日将两名嫌疑人刑事拘留。", "南湾县公安局", "2025-06-19"),
        (
            "8月5日下午，临川县一间化工厂发生爆炸。临川县消防救援大队当晚10时许将明火扑灭。",
            "临川县消防救援大队",
            "2024-08-05",
        ),
        ("The Bank of Marlow cut its growth forecast in March.", "Bank of Marlow", "2025-03-01"),
        (
            "Negotiations between Harlow Buses and the union collapsed in March.",
            "Harlow Buses",
            "2025-03-01",
        ),
        (
            "Harlow Buses broke off negotiations with the union last week.",
            "Harlow Buses",
            "2025-06-09",
        ),
        # A comment after the happening that guesses is no hedge on the happening.
        (
            "Harlow Buses closed its Dock Street depot in March, a move it believes will"
            " save money.",
            "Harlow Buses",
            "2025-03-01",
        ),
        # An age in words dates nothing; the person's later dated clause is theirs.
        ("退休教师林阿婆今年七十九岁，上月因跌倒入院。", "林阿婆", "2025-05-01"),
        ("退休法官周明今年七十岁，去年出版了回忆录。", "周明", "2024-01-01"),
    ],
)
def test_a_guard_word_used_otherwise_leaves_the_happening_claimed(main_actors, text, actor, start):
    claims = main_actors(text, PUBLISHED)
    assert (claims[-1][0], claims[-1][1]) == (actor, start)


@pytest.mark.parametrize(
    "text",
    [
        "青禾乳业与北湾物流正在洽谈合并。",
        "Harlow Buses is negotiating with the union.",
        "Harlow Buses may close its Dock Street depot in March, a move it believes will help.",
        "The Bank of Marlow forecasts slower growth next year.",
        "北岸渔业公司董事长林海今年六十二岁。",
        "北灣巴士董事長陳立今年五十八歲。",
        "青禾乳业今年将总部迁往深圳。",
    ],
)
def test_talks_under_way_ages_and_plans_of_the_year_stay_silent(extraction_of, text):
    assert extraction_of(text, PUBLISHED).claims == ()
