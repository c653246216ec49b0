"""Names the word for their part introduces, with no gazetteer: a company after the part it
plays ("承建方|华建路桥", "營辦商|海峰…"), a person after a role or an occupation ("店主|陈国荣");
and the part, the role and the common nouns after them that must stay no name. The sentences
are written for these tests, in both scripts and in Hong Kong, Taiwan and mainland styles."""

import pytest

from timeline.pipeline.chinese_tagger import _simplified, _words_of_name
from timeline.pipeline.role_names import names_after_parts, person_after_role

# (text, the claim's main actor, its start date, a fragment of its quote)
TOLD = [
    # A company after the part it plays: the tagger runs the part into the name or cuts it.
    ("承建方华建路桥上月完成主体施工。", "华建路桥", "2025-05-01", "完成主体施工"),
    ("營辦商金輪小巴有限公司去年11月申請加價。", "金輪小巴有限公司", "2024-11-01", "申請加價"),
    ("项目开发商远洋置地昨日宣布暂停销售。", "远洋置地", "2025-06-19", "暂停销售"),
    ("運營方青城巴士昨日調整兩條路線。", "青城巴士", "2025-06-19", "調整兩條路線"),
    ("供應商金利食品上週五停止向學校供餐。", "金利食品", "2025-06-13", "停止向學校供餐"),
    ("管理方鸿运物业同日上调了摊位租金。", "鸿运物业", "2025-06-20", "上调了摊位租金"),
    ("承辦商華音娛樂昨（19）日取消週末演出。", "華音娛樂", "2025-06-19", "取消週末演出"),
    # A person after a role or an occupation, which a rule ran into the name.
    ("店主陈国荣昨日宣布结业。", "陈国荣", "2025-06-19", "宣布结业"),
    ("第三代傳人陳國榮昨日宣布店舖結業。", "陳國榮", "2025-06-19", "宣布店舖結業"),
    ("老板娘林美玉上周五宣布关店。", "林美玉", "2025-06-13", "宣布关店"),
    ("的士司機黃志強昨日拾獲一個錢包。", "黃志強", "2025-06-19", "拾獲一個錢包"),
    # An age before 的, then the occupation: the person is the subject, the age describes.
    ("62岁的养蜂人刘德顺上周三在镇政府门口拉起横幅。", "刘德顺", "2025-06-11", "拉起横幅"),
    ("58歲的的士司機黃志強前日拾獲一個錢包。", "黃志強", "2025-06-18", "拾獲一個錢包"),
    ("現年45歲的船長林阿水上週五在外海獲救。", "林阿水", "2025-06-13", "獲救"),
    ("資深車長鄭志明上月獲頒服務獎。", "鄭志明", "2025-05-01", "獲頒服務獎"),
    ("省级非遗传承人李秀英去年获评全国劳动模范。", "李秀英", "2024-01-01", "获评"),
    # A name with no surname (Mongolian, Uyghur) after an occupation is a person's.
    ("52岁的牧民巴特尔11月29日在雪中走失。", "巴特尔", "2024-11-29", "走失"),
    ("護林員阿卜杜拉上週五在山區發現一頭受傷的雪豹。", "阿卜杜拉", "2025-06-13", "發現"),
]


# An age told in the predicate, or a word the tagger takes for a person's name with no role
# before it, still gives nothing.
SILENT = [
    "刘德顺上周三迎来62岁的生日。",
    "大熊猫“圆仔”昨日在动物园迎来十岁生日。",
    "巴特尔今年52岁，是嘎查里最年长的牧民。",
]


@pytest.mark.parametrize("text", SILENT)
def test_an_age_told_as_the_news_gives_no_claim(main_actors, text):
    assert main_actors(text, "2025-06-20") == []


@pytest.mark.parametrize(("text", "actor", "start", "fragment"), TOLD)
def test_a_name_after_its_part_or_role_is_the_claims_main_actor(
    main_actors, text, actor, start, fragment
):
    claims = main_actors(text, "2025-06-20")
    assert any(
        name == actor and date == start and fragment in quote for name, date, quote in claims
    ), claims


# (text, the one name the parts reader finds after a part's word, or None)
AFTER_PARTS = [
    ("承建方华建路桥上月完成主体施工。", "华建路桥"),
    ("營辦商金輪小巴有限公司去年申請加價。", "金輪小巴有限公司"),
    ("发展商新辉地产昨日撤回申请。", "新辉地产"),
    # The part alone, before a verb or a time: it refers back, it names no one new.
    ("承建方表示，工程上月完工。", None),
    ("主辦方昨日宣布取消活動。", None),
    ("管理方已于昨日道歉。", None),
    # People or a common noun after the part are no company's name.
    ("承建方单位负责人昨日表示。", None),
    ("運營方員工昨日罷工。", None),
    ("承建方公司昨日回应。", None),
]


@pytest.mark.parametrize(("text", "expected"), AFTER_PARTS)
def test_the_name_after_a_part_is_read_up_to_its_verb_or_time(text, expected):
    simple = _simplified(text)
    spans = names_after_parts(simple, [(0, len(simple))], _words_of_name)
    found = [text[start:end] for start, end in spans]
    assert found == ([expected] if expected else []), found


# (run read as one name, the person's name at its end, or None)
ROLES = [
    ("店主陈国荣", "陈国荣"),
    ("第三代传人陈国荣", "陈国荣"),
    ("的士司机黄志强", "黄志强"),
    ("养蜂人刘德顺", "刘德顺"),
    # A company's name, a person's name alone, a place before a person: no role to cut.
    ("华建路桥", None),
    ("陈国荣", None),
    ("宝川钢铁", None),
]


@pytest.mark.parametrize(("run", "person"), ROLES)
def test_a_role_before_a_persons_name_is_cut_off(run, person):
    at = person_after_role(run, _words_of_name)
    assert (run[at:] if at is not None else None) == person
