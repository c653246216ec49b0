"""API test fixtures: clients for each kind of user, and a small deterministic corpus."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient

from tests.api.factories import make_actor, make_claim, make_event, make_source
from timeline.models import Actor, Event, Source

FIXED_TIME = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

JIEMIAN_TEXT = (
    "零一萬物的故事。去年5月,在零一萬物發佈千億參數模型Yi-Large時,李開復表示將持續投入。"
    "2025年伊始,公司宣佈與阿里雲成立產業大模型聯合實驗室。"
)
WIRE_TEXT = (
    "On Oct. 16, 2024, 01.AI released Yi-Lightning. "
    "The company was founded in March 2023 by Kai-Fu Lee. "
    "In the fourth quarter of 2024 it reorganized its pre-training team."
)


@dataclass
class Corpus:
    jiemian: Source
    wire: Source
    zero_one: Actor
    kai_fu_lee: Actor
    alibaba: Actor
    founding: Event
    yi_large: Event
    yi_lightning: Event
    restructuring: Event
    lab: Event
    statement: Event
    rumor: Event
    rejected: Event


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The users made here never log in with their password: hash it cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("editor", password="unused-in-tests")
    user.groups.add(Group.objects.get(name="editor"))
    return user


@pytest.fixture
def reader(db) -> User:
    """Signed in, but without any model permission."""
    return User.objects.create_user("reader", password="unused-in-tests")


@pytest.fixture
def editor_client(editor) -> APIClient:
    client = APIClient()
    client.force_authenticate(editor)
    return client


@pytest.fixture
def reader_client(reader) -> APIClient:
    client = APIClient()
    client.force_authenticate(reader)
    return client


@pytest.fixture
def corpus(db) -> Corpus:
    jiemian = make_source(
        title="零一万物的转折",
        text=JIEMIAN_TEXT,
        publisher="界面新闻 Jiemian",
        language="zh-Hant",
        published=date(2025, 1, 1),
        published_precision="month",
        published_inferred=True,
    )
    wire = make_source(
        title="01.AI at a glance",
        text=WIRE_TEXT,
        publisher="Wire",
        url="https://example.com/01-ai",
        published=date(2024, 11, 10),
    )
    zero_one = make_actor("01-ai", "01.AI", aliases=["零一万物", "01万物"])
    kai_fu_lee = make_actor("kai-fu-lee", "Kai-Fu Lee", "person", aliases=["李开复"])
    alibaba = make_actor("alibaba", "Alibaba", aliases=["阿里巴巴"])

    founding = make_event(
        "01.AI is founded",
        type="founding",
        start=date(2023, 3, 1),
        end=date(2023, 3, 31),
        precision="month",
        edtf="2023-03",
        display="March 2023",
        actors=[(zero_one, "company"), (kai_fu_lee, "founder")],
    )
    make_claim(
        founding,
        wire,
        "The company was founded in March 2023 by Kai-Fu Lee.",
        date_text="March 2023",
        start=date(2023, 3, 1),
        end=date(2023, 3, 31),
        precision="month",
        edtf="2023-03",
    )
    yi_large = make_event(
        "01.AI releases Yi-Large",
        type="model_release",
        summary="A model with a hundred billion parameters.",
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
        edtf="2024-05",
        display="May 2024",
        actors=[(zero_one, "developer")],
    )
    make_claim(
        yi_large,
        jiemian,
        "去年5月,在零一萬物發佈千億參數模型Yi-Large時",
        date_text="去年5月",
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
        edtf="2024-05",
        anchor_date="2025-01",
        anchor_basis="inferred",
    )
    yi_lightning = make_event(
        "01.AI releases Yi-Lightning",
        type="model_release",
        start=date(2024, 10, 16),
        edtf="2024-10-16",
        display="16 October 2024",
        actors=[(zero_one, "developer")],
    )
    make_claim(
        yi_lightning,
        wire,
        "On Oct. 16, 2024, 01.AI released Yi-Lightning.",
        date_text="Oct. 16, 2024",
        start=date(2024, 10, 16),
        edtf="2024-10-16",
    )
    restructuring = make_event(
        "01.AI reorganizes its pre-training team",
        type="restructuring",
        start=date(2024, 10, 1),
        end=date(2024, 12, 31),
        precision="quarter",
        edtf="2024-24",
        display="Q4 2024",
        actors=[(zero_one, "")],
    )
    make_claim(
        restructuring,
        wire,
        "In the fourth quarter of 2024 it reorganized its pre-training team.",
        date_text="the fourth quarter of 2024",
        start=date(2024, 10, 1),
        end=date(2024, 12, 31),
        precision="quarter",
        edtf="2024-24",
    )
    lab = make_event(
        "Alibaba Cloud and 01.AI set up a joint lab",
        type="partnership",
        start=date(2024, 12, 1),
        end=date(2025, 1, 31),
        precision="interval",
        edtf="2024-12/2025-01",
        display="December 2024 – January 2025",
        actors=[(zero_one, "partner"), (alibaba, "partner")],
    )
    make_claim(
        lab,
        jiemian,
        "2025年伊始,公司宣佈與阿里雲成立產業大模型聯合實驗室",
        date_text="2025年伊始",
        start=date(2025, 1, 1),
        end=date(2025, 1, 31),
        precision="month",
        edtf="2025-01",
    )
    statement = make_event(
        "Kai-Fu Lee promises continued investment",
        type="statement",
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
        precision="year",
        edtf="2024",
        display="2024",
        status="disputed",
        actors=[(kai_fu_lee, "speaker")],
    )
    rumor = make_event("A rumored sale of 01.AI", type="rumor", actors=[(zero_one, "target")])
    rejected = make_event(
        "A misread event",
        type="other",
        start=date(2024, 6, 3),
        display="3 June 2024",
        review="rejected",
        actors=[(zero_one, "")],
    )
    Event.objects.update(updated_at=FIXED_TIME)
    return Corpus(
        jiemian=jiemian,
        wire=wire,
        zero_one=zero_one,
        kai_fu_lee=kai_fu_lee,
        alibaba=alibaba,
        founding=founding,
        yi_large=yi_large,
        yi_lightning=yi_lightning,
        restructuring=restructuring,
        lab=lab,
        statement=statement,
        rumor=rumor,
        rejected=rejected,
    )
