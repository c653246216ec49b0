"""Who moves in a Chinese clause that has a subject of its own: the people it names, not the
person who led the clause before ("X表示，两名医生已于5月离职"). The sentences are written for
these tests, in both scripts."""

import pytest


@pytest.mark.parametrize(
    ("text", "quote_part", "speaker"),
    [
        (
            "柳河镇卫生院本月3日暂停夜间急诊。该院院长周立平次日表示，两名医生已于5月离职。",
            "两名医生",
            "周立平",
        ),
        ("陈建华上周表示，三名教练已于上月离队。", "三名教练", "陈建华"),
        ("青山中学校长吴敏昨日透露，两名老师已于4月辞职。", "两名老师", "吴敏"),
        ("馬偉倫昨日表示，兩名副校長已於上月離職。", "兩名副校長", "馬偉倫"),
    ],
)
def test_a_move_told_of_others_is_not_the_speakers(main_actors, text, quote_part, speaker):
    claims = main_actors(text)
    assert not any(
        main == speaker and quote_part in quote and "表示" not in quote and "透露" not in quote
        for main, _start, quote in claims
    ), claims


# A clause that opens on its date, with no subject of its own, is still the move of the
# person who led the sentence.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("刘振国于2019年加入宝川钢铁，2023年3月出任首席执行官。", "刘振国", "2023-03-01"),
        ("张伟去年5月加入蓝海科技，同年8月出任总裁。", "张伟", "2024-08-01"),
        ("王志强本周一宣布，他已于去年底卸任董事长。", "王志强", "2024-09-01"),
    ],
)
def test_a_move_with_no_subject_of_its_own_is_the_leaders(main_actors, text, name, start):
    claims = main_actors(text, "2025-06-20")
    assert any(main == name and begun == start for main, begun, _quote in claims), claims


# A clause opening on a noun phrase of its own, which no name covers, is that phrase's: the
# subject of the sentence before (here one read the same way) does not stand in for it.
@pytest.mark.parametrize(
    ("text", "name", "start", "before"),
    [
        (
            "一头亚洲象上周六闯入勐腊县一处村庄。当地林业站次日派出无人机追踪。",
            "当地林业站",
            "2025-06-15",
            "亚洲象",
        ),
        (
            "一艘渔船上周五在近海失联。当地海事站次日派出搜救船。",
            "当地海事站",
            "2025-06-14",
            "渔船",
        ),
        (
            "一座老桥上月出现裂缝。县公路养护站本周一封闭了桥面。",
            "县公路养护站",
            "2025-06-16",
            "老桥",
        ),
        (
            "一股寒潮本周二袭击了北部山区。山区气象站当晚发布了道路结冰预警。",
            "山区气象站",
            "2025-06-17",
            "寒潮",
        ),
        (
            "北坡矿井去年11月停产。当地安监部门同月吊销了矿井的许可证。",
            "当地安监部门",
            "2024-11-01",
            "北坡矿井",
        ),
        (
            "一间老茶楼上月结业。街坊联谊会本周一为茶楼举办告别活动。",
            "街坊联谊会",
            "2025-06-16",
            "老茶楼",
        ),
    ],
)
def test_a_clause_with_its_own_subject_phrase_keeps_it(main_actors, text, name, start, before):
    claims = main_actors(text, "2025-06-20")
    dated = [main for main, begun, _quote in claims if begun == start and main != before]
    assert dated == [name], claims
