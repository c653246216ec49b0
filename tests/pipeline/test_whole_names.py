"""Chinese names of bodies and things read whole, with no gazetteer: two fields joined inside
one body's name ("環境及生態局"), a 总署 or a branch after its body, the unit named after
"X轄下的", a thing's proper part and its noun head written again; and the bodies, common
words and lists that must not become one name. The sentences are written for these tests,
in both scripts and in Hong Kong, Taiwan and mainland styles."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.chinese_tagger import chinese_words, simplified_script
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article
from timeline.pipeline.whole_names import whole_bodies

EMPTY = ActorMatcher([])
PUBLISHED = "2025-06-20"


def _read(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: {PUBLISHED}\n---\n{text}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=EMPTY)
    names = {entry.slug: entry.name for entry in extraction.discovered}
    claims = [
        (
            [names.get(slug, slug) for slug, *_rest in claim.actors],
            str(claim.date.start) if claim.date else None,
            claim.quote,
        )
        for claim in extraction.claims
    ]
    return claims, set(names.values())


# (text, the claim's main actor, its start date, a fragment of its quote)
TOLD = [
    # Two fields joined by 及/和 inside one body's name.
    ("環境及生態局昨日（19日）宣布撤回條例草案。", "環境及生態局", "2025-06-19", "宣布撤回"),
    ("運輸及物流局上週五與巴士公司達成協議。", "運輸及物流局", "2025-06-13", "達成協議"),
    ("渔政及海洋事务局上周五在外海扣押两艘渔船。", "渔政及海洋事务局", "2025-06-13", "扣押"),
    ("康樂及體育事務署昨日（19日）宣布延長泳季。", "康樂及體育事務署", "2025-06-19", "延長泳季"),
    ("海事及港口局上周三向船东发出警告。", "海事及港口局", "2025-06-11", "发出警告"),
    ("文化和旅游局6月10日发布通知。", "文化和旅游局", "2025-06-10", "发布通知"),
    # A committee of a council: one name over the council's 会.
    ("市议会财政委员会上月否决预算案。", "市议会财政委员会", "2025-05-01", "否决"),
    # A body's branch after the body and the branch's place: the branch acts.
    (
        "水土保持局台南分局昨天在山區勘查崩塌地。",
        "水土保持局台南分局",
        "2025-06-19",
        "勘查崩塌地",
    ),
    # A numbered unit after its body, or under it.
    ("公路总局第三工程处昨日封闭山区道路。", "公路总局第三工程处", "2025-06-19", "封闭"),
    (
        "江北垦区金穗粮业下属的第三烘干厂周二深夜发生火灾。",
        "第三烘干厂",
        "2025-06-17",
        "发生火灾",
    ),
    ("临海集团旗下的第二造船厂昨日交付新船。", "第二造船厂", "2025-06-19", "交付新船"),
    # The unit under a body is what a later clause of its sentence tells of.
    (
        "社會福利署轄下的長洲安老院，自6月2日起暫停接收新住客。",
        "長洲安老院",
        "2025-06-02",
        "暫停接收",
    ),
    (
        "漁農及自然護理署轄下的北潭涌郊野公園，自6月9日起關閉燒烤場。",
        "北潭涌郊野公園",
        "2025-06-09",
        "關閉燒烤場",
    ),
]


@pytest.mark.parametrize(("text", "actor", "start", "fragment"), TOLD)
def test_a_name_read_whole_is_the_claims_main_actor(tmp_path, text, actor, start, fragment):
    claims, _names = _read(tmp_path, text)

    assert any(
        actors and actors[0] == actor and date == start and fragment in quote
        for actors, date, quote in claims
    ), claims


# (text, a name that must not be discovered)
NOT_ONE_NAME = [
    # Two bodies, each named in full, joined by 及/和: two names, not one.
    ("消防处及水务署昨日联合演习。", "消防处及水务署"),
    ("台南市政府和水利署昨日联合宣布停水。", "台南市政府和水利署"),
    # A body's name cut short at 及 is no name of its own.
    ("康樂及體育事務署昨日（19日）宣布延長泳季。", "康樂"),
    ("康樂及體育事務署昨日（19日）宣布延長泳季。", "體育事務署"),
    ("水土保持局台南分局昨天在山區勘查崩塌地。", "水土保持"),
    # A date's end and a verb of undergoing are not the start of a body's name.
    ("新藥已於6月10日獲衛福部食藥署核准上市。", "日獲衛福部食藥署"),
    # A place's name opening a dated clause with its noun is read whole, not cut.
    ("台北房价去年上涨一成。", "北房价"),
    # A company's share price is no thing of its own.
    ("汉江纸业股价本周一跌停。", "汉江纸业股价"),
    # A place and where about it: the place is the subject, not a thing named after it.
    ("台东外海昨日发生地震。台东外海上月也曾发生地震。", "台东外海"),
]


@pytest.mark.parametrize(("text", "name"), NOT_ONE_NAME)
def test_what_is_not_one_name_is_not_discovered(tmp_path, text, name):
    _claims, names = _read(tmp_path, text)

    assert name not in names


# Common words ending in a body's ending, lists and a person's act: no claim at all.
SILENT = [
    "这场比赛的结局昨日揭晓。",
    "他昨日在餐厅用餐时晕倒。",
    "两国去年签署协议。",
    "批评房屋署的议员昨日召开记者会。",
]


@pytest.mark.parametrize("text", SILENT)
def test_common_words_ending_like_a_body_give_no_claim(tmp_path, text):
    claims, _names = _read(tmp_path, text)

    assert claims == []


# (simplified text, the bodies' names read whole in it)
BODIES = [
    ("食物及卫生局昨日公布新规例", ["食物及卫生局"]),
    ("民政事务总署辖下的牌照事务处于上月底发信", ["民政事务总署", "牌照事务处"]),
    ("森林保育处投山分处上周六查获红桧", ["森林保育处投山分处"]),
    ("市民到海关总署请愿", ["海关总署"]),
    ("社会福利署前日派员巡查", ["社会福利署"]),
    ("消防处和水务署联合演习", ["消防处", "水务署"]),
    # "处理", "处以", "深处", "局面", "部署", "局长": words and posts, not bodies.
    ("警方正在处理此事", []),
    ("该局今年3月对两家工厂处以罚款", []),
    ("山林深处发现遗骸", []),
    ("市政府部署防汛", []),
    ("这一局面短期难以改变", []),
]


@pytest.mark.parametrize(("text", "names"), BODIES)
def test_bodies_are_read_back_over_their_nouns(text, names):
    simple = simplified_script(text)
    found = [
        simple[start:end]
        for start, end in whole_bodies(simple, [(0, len(simple))], lambda s: chinese_words(s))
    ]

    assert found == names


def test_a_body_and_its_branch_are_two_actors(tmp_path):
    claims, _names = _read(
        tmp_path, "水土保持局台南分局昨天在山區勘查崩塌地。水土保持局週二宣布加裝雨量計。"
    )

    assert [actors[0] for actors, _date, _quote in claims] == [
        "水土保持局台南分局",
        "水土保持局",
    ]
