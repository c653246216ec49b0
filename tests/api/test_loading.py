"""Articles in through the API with no broker: `POST /api/sources/`, `GET /api/jobs/{id}/`
and `POST /api/extract/`. Jobs run in the request's process once its transaction commits."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from rest_framework.test import APIClient

from timeline.jobs import run_job
from timeline.models import Actor, Claim, Event, Job, JobState, Source
from timeline.pipeline.reading import MAX_ARTICLE_BYTES

pytestmark = pytest.mark.django_db

ARTICLE = (
    "On 13 May 2024, 01.AI released Yi-Large, its largest model. "
    "In March 2023, Kai-Fu Lee founded 01.AI in Beijing.\n"
)
FRONT_MATTER_ARTICLE = (
    "---\ntitle: Yi-Large arrives\npublisher: Wire\npublished: 2024-05-20\n---\n"
    "Last week 01.AI released Yi-Large, its largest model.\n"
)


@pytest.fixture(autouse=True)
def gazetteer(db):
    call_command("loaddata", "actors", verbosity=0)


@pytest.fixture
def feeder(db) -> User:
    """A pipeline's account: may add sources, nothing else."""
    user = User.objects.create_user("feeder")
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    return user


@pytest.fixture
def feeder_client(feeder) -> APIClient:
    client = APIClient()
    client.force_authenticate(feeder)
    return client


def post_article(client, capture, data, **kwargs):
    with capture(execute=True):
        return client.post("/api/sources/", data, **kwargs)


def test_a_posted_article_is_loaded_by_its_job(feeder_client, django_capture_on_commit_callbacks):
    response = post_article(
        feeder_client,
        django_capture_on_commit_callbacks,
        {"text": ARTICLE, "title": "01.AI at a glance", "published": "2024-06-01"},
        format="json",
    )

    assert response.status_code == 202, response.content
    assert response["Location"].endswith(f"/api/jobs/{response.json()['id']}/")
    followed = feeder_client.get(response["Location"])
    assert followed.status_code == 200
    job = followed.json()
    # No broker: the job ran in this process once the request's transaction committed.
    assert job["state"] == "done"
    source = Source.objects.get(pk=job["source"])
    assert source.title == "01.AI at a glance"
    assert source.published.isoformat() == "2024-06-01"
    assert job["report"]["status"] == "loaded"
    assert job["report"]["source_id"] == source.pk
    assert job["report"]["claims_found"] == 2 == source.claims.count()
    assert job["report"]["lines"][0].startswith(f"job {job['id']}: loaded: 2 claims (2 new")
    headlines = set(Event.objects.values_list("headline", flat=True))
    assert {"01.AI releases Yi-Large", "Kai-Fu Lee founds 01.AI"} <= headlines


def test_the_same_text_again_answers_with_the_existing_source(
    feeder_client, django_capture_on_commit_callbacks
):
    first = post_article(
        feeder_client, django_capture_on_commit_callbacks, {"text": ARTICLE}, format="json"
    )
    again = post_article(
        feeder_client, django_capture_on_commit_callbacks, {"text": ARTICLE}, format="json"
    )

    assert first.status_code == 202
    assert again.status_code == 200
    assert again.json()["id"] == Job.objects.get(pk=first.json()["id"]).source_id
    assert again.json()["claim_count"] == 2
    assert Job.objects.count() == 1
    assert Source.objects.count() == 1


def test_a_text_sent_while_its_job_waits_answers_with_that_job(
    feeder_client, django_capture_on_commit_callbacks
):
    # The jobs' callbacks are held back, as when workers have not got to them yet.
    with django_capture_on_commit_callbacks(execute=False) as held:
        first = feeder_client.post("/api/sources/", {"text": ARTICLE}, format="json")
        second = feeder_client.post("/api/sources/", {"text": ARTICLE}, format="json")

    assert first.status_code == second.status_code == 202
    assert first.json()["state"] == "queued"
    assert second.json()["id"] == first.json()["id"]
    for callback in held:
        callback()
    assert Job.objects.get().state == JobState.DONE
    assert Source.objects.count() == 1


def test_an_uploaded_file_is_read_with_its_front_matter(
    feeder_client, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("yi-large.md", FRONT_MATTER_ARTICLE.encode("utf-8"))
    response = post_article(
        feeder_client,
        django_capture_on_commit_callbacks,
        {"file": upload, "publisher": "Wire Daily"},
        format="multipart",
    )

    assert response.status_code == 202, response.content
    job = feeder_client.get(response["Location"]).json()
    assert job["file_name"] == "yi-large.md"
    assert job["report"]["lines"][0].startswith("yi-large.md: loaded")
    source = Source.objects.get(pk=job["source"])
    assert source.title == "Yi-Large arrives"
    # A field sent beside the file wins over its front matter.
    assert source.publisher == "Wire Daily"
    assert source.published.isoformat() == "2024-05-20"
    assert source.file_name == "yi-large.md"
    (claim,) = source.claims.all()
    # "Last week" counts from the front matter's date.
    assert (claim.date_start.isoformat(), claim.anchor_basis) == ("2024-05-13", "published")


BAD_ARTICLES = [
    ({"text": "   \n"}, "json", "text", "empty"),
    ({"text": "---\ntitle: [unclosed\n---\nBody.\n"}, "json", "text", "malformed front matter"),
    ({"text": "---\ntitle: x\nBody with no closing line.\n"}, "json", "text", "no closing"),
    ({}, "json", "text", "one of them"),
    (
        {"text": ARTICLE, "file": SimpleUploadedFile("a.txt", ARTICLE.encode())},
        "multipart",
        "text",
        "one of them",
    ),
    ({"text": ARTICLE, "published": "2024-13-01"}, "json", "published", "Date"),
    ({"text": ARTICLE, "language": "fr"}, "json", "language", "valid choice"),
    ({"text": ARTICLE, "url": "ftp://example.com/a"}, "json", "url", "http"),
    ({"text": ["a list"]}, "json", "text", "Not a valid string"),
    ({"text": "\x00\x00 a NUL"}, "json", "text", "Null characters"),
    ({"text": ARTICLE, "authors": "Li Wei"}, "json", "authors", "list"),
    ({"text": ARTICLE, "authors": ["x"] * 51}, "json", "authors", "no more than 50"),
]


@pytest.mark.parametrize(("data", "kind", "parameter", "message"), BAD_ARTICLES)
def test_a_bad_article_is_a_400_naming_the_problem(feeder_client, data, kind, parameter, message):
    response = feeder_client.post("/api/sources/", data, format=kind)

    assert response.status_code == 400, response.content
    (error,) = response.json()["errors"]
    assert error["parameter"] == parameter
    assert message in error["message"]
    assert not Job.objects.exists()


BAD_FILES = [
    ("a.pdf", b"%PDF-1.4 text", "not a .txt or .md file"),
    ("a.txt", b"\x00\x01\x02\x03" * 64, "binary content"),
    ("a.txt", b"\xff\xfe\xfd" + bytes(range(128, 256)) * 8, "undecodable"),
    ("a.txt", b"x" * (MAX_ARTICLE_BYTES + 1), "too large"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_a_bad_file_is_a_400_naming_the_file(feeder_client, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = feeder_client.post("/api/sources/", {"file": upload}, format="multipart")

    assert response.status_code == 400, response.content
    (error,) = response.json()["errors"]
    assert error["parameter"] == "file"
    assert message in error["message"]


def test_a_json_body_past_the_request_limit_is_a_413_and_an_upload_takes_more(
    feeder_client, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    text = "Beijing. " * 200  # about 1,800 bytes

    response = feeder_client.post("/api/sources/", {"text": text}, format="json")
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "too_large"
    upload = SimpleUploadedFile("long.txt", text.encode())
    response = feeder_client.post("/api/sources/", {"file": upload}, format="multipart")
    assert response.status_code in (200, 202), response.content


def test_sending_needs_the_add_source_permission(api_client, reader_client):
    assert api_client.post("/api/sources/", {"text": ARTICLE}, format="json").status_code == 401
    response = reader_client.post("/api/sources/", {"text": ARTICLE}, format="json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "permission_denied"


def test_jobs_are_shown_only_to_those_who_may_send(
    feeder_client, api_client, reader_client, django_capture_on_commit_callbacks
):
    job = post_article(
        feeder_client, django_capture_on_commit_callbacks, {"text": ARTICLE}, format="json"
    ).json()

    assert api_client.get(f"/api/jobs/{job['id']}/").status_code == 401
    assert reader_client.get(f"/api/jobs/{job['id']}/").status_code == 403
    missing = feeder_client.get(f"/api/jobs/{job['id'] + 1}/")
    assert missing.status_code == 404
    assert missing.json()["errors"][0]["code"] == "not_found"


def test_a_job_whose_article_cannot_be_loaded_is_failed_and_keeps_it(db):
    # Kept text that no longer reads as an article (front matter left open).
    kept = "---\ntitle: x\nThe body, but the front matter never closes.\n"
    job = Job.objects.create(file_name="broken.txt", content_hash="0" * 64, text=kept)

    run_job(job.pk)

    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error.startswith("broken.txt: malformed front matter")
    assert job.report["lines"][0].startswith("broken.txt: failed: malformed front matter")
    assert job.text == kept
    # A failed job frees its text: it can be sent again.
    assert Job.objects.create(content_hash="0" * 64, text="again").state == JobState.QUEUED


def test_a_finished_job_run_again_changes_nothing(
    feeder_client, django_capture_on_commit_callbacks
):
    job_id = post_article(
        feeder_client, django_capture_on_commit_callbacks, {"text": ARTICLE}, format="json"
    ).json()["id"]
    before = Job.objects.values().get(pk=job_id)

    run_job(job_id)

    assert Job.objects.values().get(pk=job_id) == before
    assert Claim.objects.count() == 2


# --- POST /api/extract/ ----------------------------------------------------------------------

CHINESE = "零一万物去年5月发布了千亿参数模型Yi-Large。\n"


def test_extract_returns_claims_and_events_and_stores_nothing(reader_client):
    counts = [model.objects.count() for model in (Source, Claim, Event, Actor, Job)]

    response = reader_client.post(
        "/api/extract/", {"text": CHINESE, "reference_date": "2025-01-08"}, format="json"
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["language"] == "zh-Hans"
    (claim,) = body["claims"]
    assert claim["quote"] == CHINESE[claim["char_start"] : claim["char_end"]]
    assert claim["date"]["text"] == "去年5月"
    assert (claim["date"]["start"], claim["date"]["end"]) == ("2024-05-01", "2024-05-31")
    assert claim["date"]["anchor"] == {"date": "2025-01-08", "basis": "published"}
    assert {(actor["slug"], actor["review"]) for actor in claim["actors"]} >= {
        ("01-ai", "curated"),
        ("yi-large", "curated"),
    }
    (event,) = body["events"]
    assert event["claims"] == [0] and claim["event"] == 0
    assert event["type"] == "model_release"
    assert event["date"]["display"] == "May 2024"
    assert [model.objects.count() for model in (Source, Claim, Event, Actor, Job)] == counts


def test_extract_lists_the_actors_it_would_discover(reader_client):
    text = "In March 2024, Zephyrine Robotics released its Orbit-7 model, the company said.\n"
    response = reader_client.post(
        "/api/extract/", {"text": text, "reference_date": "2024-06-01"}, format="json"
    )

    assert response.status_code == 200
    discovered = response.json()["actors_discovered"]
    assert any("Zephyrine" in actor["name"] for actor in discovered), discovered
    assert not Actor.objects.filter(name__contains="Zephyrine").exists()


@pytest.mark.parametrize(
    ("data", "parameter"),
    [
        ({}, "text"),
        ({"text": " \n"}, "text"),
        ({"text": CHINESE, "reference_date": "2025-02-30"}, "reference_date"),
        ({"text": CHINESE, "language": "de"}, "language"),
    ],
)
def test_extract_names_a_bad_field(reader_client, data, parameter):
    response = reader_client.post("/api/extract/", data, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == parameter


def test_extract_needs_an_account(api_client):
    response = api_client.post("/api/extract/", {"text": CHINESE}, format="json")
    assert response.status_code == 401


def test_extract_has_its_own_rate(reader_client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None, "extract": "2/minute"},
    }
    from django.core.cache import cache

    cache.clear()
    statuses = [
        reader_client.post("/api/extract/", {"text": CHINESE}, format="json").status_code
        for _ in range(3)
    ]
    # Reads are not counted against it.
    assert reader_client.get("/api/events/").status_code == 200
    cache.clear()

    assert statuses == [200, 200, 429]


def test_the_schema_describes_sending_jobs_and_extraction(api_client):
    paths = api_client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]

    assert set(paths["/api/sources/"]) >= {"get", "post"}
    assert set(paths["/api/sources/"]["post"]["responses"]) >= {"200", "202", "400", "403"}
    assert "get" in paths["/api/jobs/{id}/"]
    assert "post" in paths["/api/extract/"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_the_broker_cannot_take_fails_saying_so(feeder_client, settings):
    from tests.workers import free_port, send_to_test_queue

    # A broker address nothing answers on.
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"
    send_to_test_queue(settings.CELERY_BROKER_URL)
    response = feeder_client.post("/api/sources/", {"text": ARTICLE}, format="json")

    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["id"])
    assert job.state == JobState.FAILED
    assert job.error.startswith("the queue was unavailable, send the article again")
    assert job.text == ARTICLE
    # Failed, the text may be sent again.
    settings.CELERY_BROKER_URL = ""
    again = feeder_client.post("/api/sources/", {"text": ARTICLE}, format="json")
    assert again.status_code == 202 and again.json()["id"] != job.pk


def test_jobs_are_read_only_in_the_admin(client):
    admin = User.objects.create_superuser("boss")
    client.force_login(admin)
    job = Job.objects.create(file_name="a.txt", content_hash="1" * 64, text=ARTICLE)

    assert client.get("/admin/timeline/job/").status_code == 200
    page = client.get(f"/admin/timeline/job/{job.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert client.get("/admin/timeline/job/add/").status_code == 403
    assert client.post(f"/admin/timeline/job/{job.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Job.objects.filter(pk=job.pk).exists()
