"""Articles in through the API: sending one (`POST /api/sources/`), following its job
(`GET /api/jobs/{id}/`), and trying the extractor on a text (`POST /api/extract/`).

The HTTP side only: reading, queueing and loading are `timeline.jobs`, the dry extraction
`timeline.preview`.
"""

from pathlib import Path

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import ErrorSerializer, InvalidParameter, ParameterError
from api.throttling import AnonymousThrottle, SignedInThrottle
from timeline.jobs import Submission, read_sent_article, submit_article
from timeline.models import Job, Language
from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.reading import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES
from timeline.preview import preview_extraction

SUBMIT_PERMISSION = "timeline.add_source"
LIMIT = f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB"
TEXT_ACCEPTED = (
    f"an article of at most {LIMIT} with some text besides any front matter; YAML front "
    "matter between --- lines, as load_articles reads it"
)


class ArticleSubmissionSerializer(serializers.Serializer):
    """One article: its `text`, or an uploaded `.txt`/`.md` `file`, and what is known of it.

    The fields given win over the file's front matter, as a manifest entry does for
    `load_articles`; what neither gives is read from the text.
    """

    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="The article, with any front matter."
    )
    file = serializers.FileField(
        required=False, help_text=f"The article as a `.txt` or `.md` file of at most {LIMIT}."
    )
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    publisher = serializers.CharField(required=False, allow_blank=True, max_length=200)
    authors = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, max_length=50
    )
    url = serializers.URLField(required=False, allow_blank=True, max_length=1000)
    published = serializers.DateField(
        required=False, allow_null=True, help_text="YYYY-MM-DD; else read from the text."
    )
    language = serializers.ChoiceField(
        choices=Language.choices, required=False, allow_blank=True, help_text="Else detected."
    )

    def validate_url(self, value):
        if value and not value.startswith(("http://", "https://")):
            raise serializers.ValidationError("Enter an http:// or https:// URL.")
        return value

    def validate(self, data):
        if ("text" in data) == ("file" in data):
            raise serializers.ValidationError(
                {"text": "Send the article as `text` (JSON) or as an uploaded `file`, one of them."}
            )
        upload = data.get("file")
        if upload is not None and not upload.name.lower().endswith(ARTICLE_SUFFIXES):
            raise serializers.ValidationError(
                {"file": f"{upload.name!r} is not a .txt or .md file."}
            )
        return data


class JobReportSerializer(serializers.Serializer):
    """What loading the article did: `load_articles`'s report of the file."""

    status = serializers.CharField(
        help_text="`loaded` (something changed), `unchanged` (all there already) or `failed`."
    )
    lines = serializers.ListField(
        child=serializers.CharField(), help_text="The lines load_articles prints for the file."
    )
    source_id = serializers.IntegerField(allow_null=True)
    claims_found = serializers.IntegerField()
    claims_created = serializers.IntegerField()
    claims_updated = serializers.IntegerField()
    events_created = serializers.IntegerField()
    events_merged = serializers.IntegerField()
    events_unchanged = serializers.IntegerField()
    skipped = serializers.DictField(
        child=serializers.IntegerField(), help_text="Lines skipped as noise, by reason."
    )
    warnings = serializers.ListField(child=serializers.CharField())
    undated = serializers.ListField(
        child=serializers.CharField(), help_text="Quotes of the claims that need a date."
    )
    candidates = serializers.ListField(
        child=serializers.CharField(), help_text="Names not in the gazetteer."
    )
    actors_discovered = serializers.ListField(child=serializers.CharField())


class JobSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="job-detail")
    source = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="The loaded source's id, once done."
    )
    report = JobReportSerializer(allow_null=True, help_text="Once the job has run.")

    class Meta:
        model = Job
        fields = [
            "id",
            "url",
            "state",
            "file_name",
            "content_hash",
            "source",
            "report",
            "error",
            "attempts",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields


def submit(request) -> Submission:
    """Read and queue the article a request sends; a 400 naming the field if unreadable."""
    incoming = ArticleSubmissionSerializer(data=request.data)
    incoming.is_valid(raise_exception=True)
    data = incoming.validated_data
    upload = data.get("file")
    if upload is not None:
        field, name = "file", Path(upload.name).name[:255]
        if upload.size > MAX_ARTICLE_BYTES:
            raise InvalidParameter(
                [ParameterError(field, f"too large: {upload.size} bytes", TEXT_ACCEPTED)]
            )
        content = upload.read()
    else:
        field, name = "text", ""
        content = data["text"].encode("utf-8")
    try:
        article = read_sent_article(
            content,
            name or "text",
            title=data.get("title"),
            publisher=data.get("publisher"),
            authors=tuple(data.get("authors") or ()),
            url=data.get("url"),
            published=data.get("published"),
            language=data.get("language"),
        )
    except ArticleError as error:
        raise InvalidParameter([ParameterError(field, error.reason, TEXT_ACCEPTED)]) from None
    return submit_article(article, file_name=name, user=request.user)


class SubmitPermission(permissions.BasePermission):
    """Signed in, and allowed to add sources (or, for reading jobs, to view them)."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return user.has_perm(SUBMIT_PERMISSION) or user.has_perm("timeline.view_job")


@extend_schema(
    summary="A loading job",
    description="The state of an article sent with `POST /api/sources/`: `queued`, `running`, "
    "`done` or `failed`. Once it has run, `report` holds what `load_articles` prints for the "
    "file and `source` the id of the source it loaded (or found already loaded); a failed "
    "job says why in `error`. Readable by users who may add sources.",
    responses={
        200: JobSerializer,
        401: OpenApiResponse(ErrorSerializer, description="Not authenticated."),
        403: OpenApiResponse(ErrorSerializer, description="Missing timeline.add_source."),
        404: OpenApiResponse(ErrorSerializer, description="No such job."),
    },
)
class JobViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = Job.objects.defer("text").select_related("source")
    serializer_class = JobSerializer
    permission_classes = [SubmitPermission]
    lookup_value_regex = r"[0-9]+"


class ExtractThrottle(SignedInThrottle):
    """`POST /api/extract/` runs the whole extractor: its own rate (`extract`) per user."""

    scope = "extract"


class ExtractRequestSerializer(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, help_text="The article to read.")
    reference_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="YYYY-MM-DD that relative dates (去年5月, last May) count from; else the "
        "date the text gives or places itself at.",
    )
    language = serializers.ChoiceField(
        choices=Language.choices, required=False, allow_blank=True, help_text="Else detected."
    )


class ExtractView(APIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [AnonymousThrottle, SignedInThrottle, ExtractThrottle]

    @extend_schema(
        summary="What the extractor would make of a text, storing nothing",
        description="Reads `text` as `load_articles` reads a file (same limits and front "
        "matter) and returns its `claims` (quote and offsets into `text`, date with its "
        "anchor, actors with `review` `curated` or `discovered`, and the index of their "
        "`event`), the `events` they would form within this text (not matched against "
        "stored events), the actors it would discover, its warnings and the lines skipped "
        "as noise. Nothing is written. Signed-in users only, at the `extract` rate.",
        request=ExtractRequestSerializer,
        responses={
            200: inline_serializer(
                "Extraction",
                {
                    "language": serializers.CharField(),
                    "reference_date": serializers.DictField(allow_null=True),
                    "claims": serializers.ListField(child=serializers.DictField()),
                    "events": serializers.ListField(child=serializers.DictField()),
                    "actors_discovered": serializers.ListField(child=serializers.DictField()),
                    "warnings": serializers.ListField(child=serializers.CharField()),
                    "lines_skipped": serializers.DictField(child=serializers.IntegerField()),
                },
            ),
            400: OpenApiResponse(ErrorSerializer, description="A field is invalid."),
            401: OpenApiResponse(ErrorSerializer, description="Not authenticated."),
            429: OpenApiResponse(ErrorSerializer, description="Over the `extract` rate."),
        },
    )
    def post(self, request):
        incoming = ExtractRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            result = preview_extraction(
                data["text"],
                reference_date=data.get("reference_date"),
                language=data.get("language") or None,
            )
        except ArticleError as error:
            raise InvalidParameter([ParameterError("text", error.reason, TEXT_ACCEPTED)]) from None
        return Response(result)


def job_response(job: Job, request) -> Response:
    """202 with the job and where to follow it."""
    body = JobSerializer(job, context={"request": request}).data
    return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})
