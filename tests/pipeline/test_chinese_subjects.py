"""Who a Chinese claim is about, in both scripts: the body, person or group that leads a
dated clause, read with no gazetteer from invented sentences."""

import pytest


def _led_by(claims, name: str, start: str) -> bool:
    return any(main == name and begun == start for main, begun, _quote in claims)


# A public body named by its ending (a bureau, an office, an observatory) opens a dated
# clause whatever verb follows the date.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("劳工处当晚发出声明，提醒雇主注意休息。", "劳工处", "2025-03-15"),
        ("勞工處當晚發出聲明，提醒僱主注意休息。", "勞工處", "2025-03-15"),
        ("消防处昨日出动三辆消防车扑灭山火。", "消防处", "2025-03-14"),
        ("消防處昨日出動三輛消防車撲滅山火。", "消防處", "2025-03-14"),
        ("气象台昨日发布暴雨红色预警。", "气象台", "2025-03-14"),
        ("氣象台昨日發布暴雨紅色預警。", "氣象台", "2025-03-14"),
    ],
)
def test_a_body_named_by_its_ending_leads_its_dated_clause(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A post written between a body and a person ("气象台台长何家明") leaves the person as the
# one who acts, not one long name of a company.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("气象台台长何家明上周三在电台节目中表示，今年雨量偏多。", "何家明", "2025-03-05"),
        ("氣象台台長何家明上週三在電台節目中表示，今年雨量偏多。", "何家明", "2025-03-05"),
        ("消防处处长梁伟成昨日到场视察，并表示火势已受控。", "梁伟成", "2025-03-14"),
        ("消防處處長梁偉成昨日到場視察，並表示火勢已受控。", "梁偉成", "2025-03-14"),
        ("渔农署署长黄文昨日宣布暂停捕捞。", "黄文", "2025-03-14"),
    ],
)
def test_a_person_after_a_post_is_the_one_who_acts(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A person the news names by surname, 姓 and a role, perhaps counted and described first.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("李姓司机昨日被警方拘捕。", "李姓司机", "2025-03-14"),
        ("黃姓女子前日報警求助。", "黃姓女子", "2025-03-13"),
        ("一名陈姓男工于本周二中暑不治。", "陈姓男工", "2025-03-11"),
        ("一名在货柜码头工作的陈姓男工于本周二中暑不治。", "陈姓男工", "2025-03-11"),
        ("一名在貨櫃碼頭工作的陳姓男工於本週二中暑不治。", "陳姓男工", "2025-03-11"),
        ("一名在农场打工的王姓青年昨日坠河身亡。", "王姓青年", "2025-03-14"),
    ],
)
def test_a_surname_and_a_role_name_a_person(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# People of a kind act together as a group, counted by batch or listed by their places.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("当天上午，最后一批200多名盐工领到了安置补偿金。", "盐工", "2025-03-15"),
        ("當天上午，最後一批200多名鹽工領到了安置補償金。", "鹽工", "2025-03-15"),
        ("昨日，首批30名学生返回校园。", "学生", "2025-03-14"),
        ("上月下旬，云林、嘉义果农发现大批果实掉落。", "云林、嘉义果农", "2025-02-21"),
        ("上月下旬，雲林、嘉義果農發現大批果實掉落。", "雲林、嘉義果農", "2025-02-21"),
    ],
)
def test_a_group_of_people_leads_its_dated_clause(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# "该公司" right after a clause that ends on a company (one it founds) stands for that one,
# not for the company the paragraph was about.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "2月下旬，长江集团与市城投公司签署合作协议，双方共同出资组建江滩公园运营公司。"
            "该公司上月已完成工商注册。",
            "江滩公园运营公司",
            "2025-02-01",
        ),
        (
            "2月下旬，長江集團與市城投公司簽署合作協議，雙方共同出資組建江灘公園運營公司。"
            "該公司上月已完成工商登記。",
            "江灘公園運營公司",
            "2025-02-01",
        ),
        (
            "去年5月，青山矿业设立青山新材料有限公司。该公司今年1月正式投产。",
            "青山新材料有限公司",
            "2025-01-01",
        ),
    ],
)
def test_the_company_stands_for_the_one_ending_the_clause_before(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A short name after the full one is the same actor, even with a verb of telling glued
# between it and the date.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("星河乳业去年9月挂牌。上周三，星河公布2024年营收为6.8亿元。", "星河乳业", "2024-01-01"),
        ("星河乳業去年9月掛牌。上週三，星河公布2024年營收為6.8億元。", "星河乳業", "2024-01-01"),
        ("远帆航运去年4月上市。远帆宣布2024年净利润增长两成。", "远帆航运", "2024-01-01"),
    ],
)
def test_a_short_name_telling_a_figure_is_the_full_names_actor(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A kind of body written before its quoted name ("环保团体「…」") leaves the name as the
# clause's subject.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("动物保护团体「绿色海岸联盟」昨日在市府前举牌抗议。", "绿色海岸联盟", "2025-03-14"),
        ("動物保護團體「綠色海岸聯盟」昨日在市府前舉牌抗議。", "綠色海岸聯盟", "2025-03-14"),
        ("登山團體「山友互助協會」前日發起淨山活動。", "山友互助協會", "2025-03-13"),
    ],
)
def test_a_quoted_name_after_its_kind_leads_the_clause(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A place (a cemetery, a park, a reservoir) named after the city and the district it lies
# in is the subject, named with its innermost place; the city and the district are not.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("台中市北屯區第五公墓遷葬作業昨日正式展開。", "北屯區第五公墓", "2025-03-14"),
        ("江北市南湖区第二公墓1980年代停止新葬。", "南湖区第二公墓", "1980-01-01"),
        ("广东省清远市英德县青龙水库上月完成加固。", "英德县青龙水库", "2025-02-01"),
        ("昨日，江北市南湖区青湖公园关闭整修。", "南湖区青湖公园", "2025-03-14"),
    ],
)
def test_a_place_named_after_its_city_and_district_leads(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A ministry named by its ending, a centre LAC cuts short and a national laboratory are
# discovered whole; "实验室" stands for the laboratory named before, not for the ministry.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("卫生部昨日发出通告，要求医院加强防控。", "卫生部", "2025-03-14"),
        ("衛生部昨日發出通告，要求醫院加強防控。", "衛生部", "2025-03-14"),
        (
            "渔业部1月12日通报，南湾一处渔场出现大量死鱼。当晚样本被送往国家水产病害实验室。"
            "次日，实验室确诊为病毒感染。",
            "国家水产病害实验室",
            "2025-01-13",
        ),
        (
            "農業部1月12日通報，南灣一處漁場出現大量死魚。當晚樣本被送往國家水產病害實驗室。"
            "次日，實驗室確診為病毒感染。",
            "國家水產病害實驗室",
            "2025-01-13",
        ),
    ],
)
def test_a_ministry_and_a_national_laboratory_are_read_whole(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A place-named plant or school goes by its name without the place once named; a clause
# about "the project" after it is the plant's, not the builder's named after 由.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "3月2日，南屿岛污水处理厂正式投入运行。处理厂由蓝海环保集团投资建设，总投资2亿元。"
            "项目于2023年5月开工。",
            "南屿岛污水处理厂",
            "2023-05-01",
        ),
        (
            "3月2日，南嶼島污水處理廠正式投入運行。處理廠由藍海環保集團投資建設，總投資2億元。"
            "項目於2023年5月開工。",
            "南嶼島污水處理廠",
            "2023-05-01",
        ),
        ("1月，北港污水处理厂完成扩建。该厂上月因设备故障停运。", "北港污水处理厂", "2025-02-01"),
        ("1月，北港污水處理廠完成擴建。該廠上月因設備故障停運。", "北港污水處理廠", "2025-02-01"),
    ],
)
def test_a_place_named_plant_goes_by_its_kind_alone(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


# A body named by its ending after the date leads whatever verb it takes; a company's
# short name before a clause that holds 因…部分 does not become a "body", and a river the
# article keeps writing of is no short name of a company named after it.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("3月5日，省生态环境厅派出督察组进驻该公司。", "省生态环境厅", "2025-03-05"),
        ("3月5日，省生態環境廳派出督察組進駐該公司。", "省生態環境廳", "2025-03-05"),
        (
            "青柚科技去年推出X8手机。上个月，青柚因部分X8手机电池鼓包召回约1.2万台。",
            "青柚科技",
            "2025-02-01",
        ),
    ],
)
def test_a_body_after_the_date_leads_and_a_clause_is_no_body(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


def test_a_river_is_no_short_name_of_the_company_named_after_it(main_actors):
    text = "清江纸业上月被罚款。今年2月，清江下游的村民发现河水发黑。清江两岸多处出现死鱼。"
    claims = main_actors(text)
    assert not any(quote.startswith("今年2月") and main == "清江纸业" for main, _s, quote in claims)


# A farmers' association named after its township, then "农会" and "该农会" for it.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "云林县西螺镇农会总干事林志成指出，农会2月底已完成仓库检修。"
            "该农会去年与超商合作推出米饭便当。",
            "西螺镇农会",
            "2025-02-21",
        ),
        (
            "雲林縣西螺鎮農會總幹事林志成指出，農會2月底已完成倉庫檢修。"
            "該農會去年與超商合作推出米飯便當。",
            "西螺鎮農會",
            "2024-01-01",
        ),
    ],
)
def test_a_farmers_association_and_its_kind_noun(main_actors, text, name, start):
    claims = main_actors(text)
    # Its county may be read as part of its name ("云林县西螺镇农会").
    assert any(main.endswith(name) and begun == start for main, begun, _q in claims), claims


# A district whose station records a reading leads its clause, also after a bracketed
# byline ("【本报讯】").
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("沙田昨日下午錄得36.1度。", "沙田", "2025-03-14"),
        ("屯门昨日录得全港最高气温35度。", "屯门", "2025-03-14"),
        ("【本報訊】觀塘昨日（14日）下午錄得37.2度，創下該站紀錄。", "觀塘", "2025-03-14"),
    ],
)
def test_a_place_recording_a_reading_leads(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


def test_a_number_cut_from_its_ordinal_is_no_short_name(extraction_of):
    text = "江北市南湖区第二公墓昨日展开迁葬作业。第二公墓1980年代停止新葬。"
    names = {alias for entry in extraction_of(text).discovered for alias in entry.aliases}
    assert "二公墓" not in names, names


# Some of a group told with 有 ("有蜂农发现…", "另有市民投诉…") or a group described with
# 的 ("多个村庄的村民") act as that group.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("有蜂农上月发现蜂箱内大量蜜蜂死亡。", "蜂农", "2025-02-01"),
        ("有蜂農上月發現蜂箱內大量蜜蜂死亡。", "蜂農", "2025-02-01"),
        ("有市民昨日投诉公园噪音。", "市民", "2025-03-14"),
        ("另有市民昨日投訴公園噪音。", "市民", "2025-03-14"),
        ("有渔民上周在海湾发现大量死鱼。", "渔民", "2025-03-03"),
        ("有家長上週三到學校抗議。", "家長", "2025-03-05"),
        ("上月，有菜农在田里发现大批害虫。", "菜农", "2025-02-01"),
        ("多个村庄的村民上月联名上书县政府。", "村民", "2025-02-01"),
        ("多個村莊的村民上月聯名上書縣政府。", "村民", "2025-02-01"),
        ("附近工厂的工人昨日罢工。", "工人", "2025-03-14"),
    ],
)
def test_some_of_a_group_or_a_described_group_leads(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


@pytest.mark.parametrize(
    "text",
    [
        "去年有逾万名游客到访青山公园。",
        "今年已有500名村民搬迁。",
        "有市民担心明年再度加价。",
        "有家长表示将于下月到学校抗议。",
        "該廠的工人人數去年減少兩成。",
    ],
)
def test_a_count_a_worry_or_a_plan_of_a_group_is_no_claim(main_actors, text):
    assert main_actors(text) == []


def test_a_named_bodys_people_described_with_de_are_no_group_of_their_own(main_actors):
    claims = main_actors("青山集团的员工上月罢工。")
    assert not any(main == "员工" for main, _start, _quote in claims), claims


# A short name for a body of a kind named before in full: a city's or a county's
# government, the police, a plant, an office, a centre.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("青州市政府上月公布停车收费标准。市府昨日宣布暂停实施。", "青州市政府", "2025-03-14"),
        ("青州市政府上月公布停車收費標準。市府昨日宣布暫停實施。", "青州市政府", "2025-03-14"),
        ("南岭县政府去年启动道路改造。县府上周五公布验收结果。", "南岭县政府", "2025-03-07"),
        ("南嶺縣政府去年啟動道路改造。縣府上週五公佈驗收結果。", "南嶺縣政府", "2025-03-07"),
        ("青州市政府上月公布停车收费标准。市政府昨日宣布暂停实施。", "青州市政府", "2025-03-14"),
        ("江城警察局昨日拘捕兩名男子。警方今日公布案情。", "江城警察局", "2025-03-15"),
        ("海湾造纸厂上月发生火灾。厂方本周一与工会达成协议。", "海湾造纸厂", "2025-03-10"),
        ("青山海事處上月收到報告。該處前日發出航行警告。", "青山海事處", "2025-03-13"),
        ("南湖水质监测中心上月发现异常。该中心昨日公布结果。", "南湖水质监测中心", "2025-03-14"),
    ],
)
def test_a_short_name_stands_for_the_body_of_its_kind_named_before(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims


def test_a_short_name_with_no_body_of_its_kind_before_stays_its_own(main_actors):
    claims = main_actors("青州大学上月举办运动会。市府昨日宣布暂停实施。")
    assert _led_by(claims, "市府", "2025-03-14"), claims


# A kind noun standing for the body named before, with its date after it and a later date
# in its clause ("馆方昨日宣布下周…"): the date is no part of a name.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("江城历史博物馆上月闭馆维修。馆方昨日宣布下周重开。", "江城历史博物馆", "2025-03-14"),
        ("江城歷史博物館上月閉館維修。館方昨日宣佈下週重開。", "江城歷史博物館", "2025-03-14"),
        ("东华动物园上月关闭熊馆。园方昨日表示下月重开。", "东华动物园", "2025-03-14"),
    ],
)
def test_a_date_is_no_part_of_the_name_before_it(main_actors, text, name, start):
    claims = main_actors(text)
    assert _led_by(claims, name, start), claims
