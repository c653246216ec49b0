"""The second dated clause of a Chinese sentence that leaves its subject unsaid is claimed
for the sentence's subject, when it opens on an adverb before its date ("，曾在2012年…",
"，也于去年…") or puts a preposition's object before its verb ("，同年6月向市商务局提交了
报告"); and "称号" is no saying. The sentences are written for these tests, with invented
subjects, in both Chinese scripts."""

import pytest


@pytest.mark.parametrize(
    ("text", "actor", "start", "quoted"),
    [
        (
            "青松渡轮公司于1998年成立，曾在2015年获评全省十佳企业。",
            "青松渡轮公司",
            "2015-01-01",
            "获评全省十佳企业",
        ),
        (
            "青松渡轮公司于1998年成立，曾在2015年获得全省十佳企业称号。",
            "青松渡轮公司",
            "2015-01-01",
            "称号",
        ),
        ("北灣碼頭於1990年啟用，曾在2012年接待逾百萬旅客。", "北灣碼頭", "2012-01-01", "接待"),
        (
            "北岸渔民互助会于2010年成立，也于去年向县政府递交了请愿书。",
            "北岸渔民互助会",
            "2024-01-01",
            "递交了请愿书",
        ),
        (
            "去年5月，青禾乳业董事会决定关闭城东工厂，同年6月向市商务局提交了报告。",
            "青禾乳业董事会",
            "2024-06-01",
            "提交了报告",
        ),
        (
            "松濤巴士公司於2008年成立，去年3月向運輸署申請新路線。",
            "松濤巴士公司",
            "2024-03-01",
            "申請新路線",
        ),
    ],
)
def test_the_second_clause_is_claimed_for_the_sentence_subject(
    main_actors, text, actor, start, quoted
):
    claims = main_actors(text, "2025-06-20")
    assert len(claims) == 2
    name, date, quote = claims[1]
    assert (name, date) == (actor, start)
    assert quoted in quote
    assert quoted not in claims[0][2]


def test_a_name_heading_the_second_clause_is_its_own_subject(main_actors):
    claims = main_actors("青禾乳业于2010年成立，去年3月北湾物流在城东开设了新仓库。", "2025-06-20")
    assert [(name, date) for name, date, _quote in claims] == [
        ("青禾乳业", "2010-01-01"),
        ("北湾物流", "2024-03-01"),
    ]
