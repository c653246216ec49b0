"""Settings, read from the environment with safe local defaults.

DATABASE_URL (with DATABASE_REPLICA_URLS and DATABASE_POOL), DJANGO_SECRET_KEY, DJANGO_DEBUG,
DJANGO_ALLOWED_HOSTS and a few deployment switches; without them the project runs locally on
a SQLite file with DEBUG on.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_rate(name: str, default: str) -> str | None:
    """A request rate as DRF reads it (`120/minute`, `10/s`, …), or None for `off`."""
    value = os.environ.get(name) or default
    if value.lower() == "off":
        return None
    if not re.fullmatch(r"[0-9]+/(s|sec|second|m|min|minute|h|hour|d|day)", value):
        raise ImproperlyConfigured(
            f"{name} must be a rate such as 120/minute (per second, minute, hour or day) "
            f"or off, not {value!r}"
        )
    return value


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    # Local development only: a per-checkout key that never leaves this machine.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
    "timeline",
    "api",
    "pages",
]

MIDDLEWARE = [
    # First: the session and the user are read where the rest of the request reads.
    "timeline.middleware.ReadYourWritesMiddleware",
    # An anonymous JSON GET of the events page, answered without the rest (api/fast_reads.py).
    "api.fast_reads.EventPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "timeline.middleware.DropNulCookiesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's MessageMiddleware, its storage made only for a request that uses messages.
    "timeline.middleware.LazyMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "timeline.middleware.CSPMiddleware",
    "api.middleware.APIErrorMiddleware",
    # Last, as django-axes asks: it turns a locked-out admin login into its 429 page.
    "axes.middleware.AxesMiddleware",
    # Records the signed-in editor as the author of each history row written during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
]

if not DEBUG:
    # Deployed: static files come from STATIC_ROOT through WhiteNoise. Locally runserver
    # serves them straight from the apps.
    security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
    MIDDLEWARE.insert(security + 1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "timeline" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database(url: str | None, pool: bool) -> dict:
    """One DATABASES entry from a URL (None: DATABASE_URL, else the local SQLite file).

    With `pool`, PostgreSQL connections come from a psycopg pool per worker process
    (Django's `pool` option): a request borrows one and gives it back, instead of opening
    its own (several milliseconds) or keeping one per thread for CONN_MAX_AGE. The pool
    replaces persistent connections, which Django refuses alongside it."""
    conn_max_age = 0 if pool else int(os.environ.get("DJANGO_CONN_MAX_AGE", "0"))
    if url is None:
        config = dj_database_url.config(
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=conn_max_age
        )
    else:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if pool:
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise ImproperlyConfigured(
                f"DATABASE_POOL needs PostgreSQL; {config['ENGINE']} has no connection pool"
            )
        config.setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "2")),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "8")),
            # Seconds a request waits for a free connection before it fails (as a 503).
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
        }
    return config


DATABASE_POOL = env_bool("DATABASE_POOL", False)
DATABASES = {"default": database(None, DATABASE_POOL)}

# Read replicas (timeline/replicas.py routes to them): `replica1`, `replica2`, … in the
# order of DATABASE_REPLICA_URLS. In tests they mirror the primary, whose test database they
# could neither create nor write; tests/test_replicas.py points one at a real replica.
DATABASE_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", ""), start=1):
    alias = f"replica{number}"
    DATABASES[alias] = {**database(url, DATABASE_POOL), "TEST": {"MIRROR": "default"}}
    DATABASE_REPLICAS.append(alias)
DATABASE_ROUTERS = ["timeline.replicas.ReplicaRouter"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. With a worker loading articles beside the web
    # process, a transaction that began reading and then writes would fail at once with
    # "database is locked"; taking the write lock when it begins, and waiting for it up to
    # 30 s, lets the writers queue instead (Django's advice for concurrent SQLite use).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 30}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The default cache holds the throttles' counters and the API's rendered responses
# (`api.caching`): in each process's memory, or shared in Redis when REDIS_URL is set.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # A page of events is tens of kB: this bounds a worker's cache to a few MB.
            "OPTIONS": {"MAX_ENTRIES": 200},
        }
    }
# Seconds a rendered API response stays cached (0: none are). A write changes the data
# version the cache key holds, so an entry is never served after the data it shows changed;
# the time only bounds how long unused entries take room.
API_RESPONSE_CACHE_SECONDS = int(os.environ.get("DJANGO_API_RESPONSE_CACHE_SECONDS", "300"))
# `max-age` of public reads: how long a browser or proxy may reuse one without asking.
# 0, the default, has them ask every time, which a 304 answers for one small query.
API_MAX_AGE = int(os.environ.get("DJANGO_API_MAX_AGE", "0"))

# `manage.py loaddata actors` finds fixtures/actors.json.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# django-axes first: it refuses a locked-out client before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: strict whenever DEBUG is off. Deployments behind a TLS-terminating proxy set
# DJANGO_SECURE_PROXY_SSL_HEADER=true; DJANGO_SECURE_SSL_REDIRECT=false leaves redirects
# to the proxy.
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_SSL_REDIRECT:
        # The documented way to leave redirects to a TLS-terminating proxy; the check that
        # warns about it cannot see the proxy.
        SILENCED_SYSTEM_CHECKS = ["security.W008"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# CORS is off unless origins are named.
CORS_ALLOWED_ORIGINS = env_list("DJANGO_CORS_ALLOWED_ORIGINS", "")

# Token authentication comes first so that an anonymous write gets 401 with a
# `WWW-Authenticate: Token` challenge; an authenticated user lacking the permission gets 403.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "api.permissions.ModelPermissionsOrReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["api.filters.ParameterFilterBackend"],
    # JSON for clients (the first renderer answers `*/*` and no Accept at all); the
    # browsable API for a browser that asks for HTML.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "api.renderers.APIPageRenderer",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.FormatNegotiation",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Counted in the default cache (per process); a rate is N/second, minute, hour or day.
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonymousThrottle",
        "api.throttling.SignedInThrottle",
    ],
    # Clients are told apart by REMOTE_ADDR; behind N proxies, by the Nth address from the right
    # of X-Forwarded-For. Left unset, DRF would trust any X-Forwarded-For a client sends.
    "NUM_PROXIES": int(os.environ.get("DJANGO_NUM_PROXIES", "0")),
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_rate("DJANGO_THROTTLE_ANON", "120/minute"),
        "user": env_rate("DJANGO_THROTTLE_USER", "600/minute"),
        # POST /api/extract/ runs the whole extractor: its own, lower rate per user.
        "extract": env_rate("DJANGO_THROTTLE_EXTRACT", "30/minute"),
    },
}

# Background loading (timeline.jobs): with a broker, articles sent through the API load on
# Celery workers (`celery -A timeline.celery worker`); without one they load in the process
# that received them, once its transaction commits, so nothing else needs to run.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or ""
# A job's row is its result: nothing to keep in a result backend.
CELERY_TASK_IGNORE_RESULT = True
# One article at a time per worker process: an article can take seconds, and a prefetched
# message waits behind it while another worker is idle.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Seconds after which a job still queued or running is taken for abandoned (its worker died
# and retries ran out while the database was away): sending its text again then fails it and
# queues a new job, instead of answering with the dead one forever.
TIMELINE_JOB_ABANDONED_AFTER = int(os.environ.get("TIMELINE_JOB_ABANDONED_AFTER", "1800"))

# Lock-out after repeated failed logins, on the admin's login and the API's token endpoint:
# a username that fails AXES_FAILURE_LIMIT times from one address is refused (429) for the
# cool-off, even with the right password. Counted per username and address together, so one
# guesser can neither lock an editor out from elsewhere nor lock out a shared office address.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# The interactive page serves Swagger UI from drf-spectacular-sidecar's static files:
# nothing is fetched from a CDN.
SPECTACULAR_SETTINGS = {
    "TITLE": "Timeline API",
    "DESCRIPTION": "Evidence-backed timeline of events extracted from news articles.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The default enum hook, then the TimelineJS answers (api/openapi.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.openapi.document_timelinejs",
    ],
    "ENUM_NAME_OVERRIDES": {
        "PrecisionEnum": "timeline.models.Precision",
        "QualifierEnum": "timeline.models.Qualifier",
        # Events and actors both have a `review` field, with different states.
        "ReviewEnum": "timeline.models.Review",
        "ActorReviewEnum": "timeline.models.ActorReview",
    },
}

# Content-Security-Policy on every response (django-csp): scripts, styles, images and requests
# only from this origin, nothing inline. The docs page is drf-spectacular's split view, which
# loads its setup script from its own URL, with its page styles in a static file (api/).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
