"""Settings read from the environment: production values pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k9Vx2-uQ7mZr8Lp4sWd1Hn6Ty0Ec3Bf5Gj9Ka2Mq7Rw4Xz8Nv1Pt6Ys3Ud0Ih5Oe",
    "DJANGO_ALLOWED_HOSTS": "timeline.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_debug_off_without_a_secret_key_is_refused():
    result = manage("check", DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="timeline.example.org")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_is_named():
    result = manage("check", DJANGO_DEBUG="maybe")

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false, not 'maybe'" in result.stderr


def test_settings_behind_a_tls_proxy_pass_the_deployment_checks():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        DJANGO_SECURE_PROXY_SSL_HEADER="true",
        DJANGO_SECURE_SSL_REDIRECT="false",
    )

    assert result.returncode == 0, result.stderr + result.stdout


def test_request_rates_come_from_the_environment():
    result = manage(
        "shell",
        "-c",
        "from rest_framework.settings import api_settings as s; "
        "print(s.DEFAULT_THROTTLE_RATES, s.NUM_PROXIES)",
        DJANGO_THROTTLE_ANON="7/hour",
        DJANGO_THROTTLE_USER="off",
        DJANGO_THROTTLE_EXTRACT="3/minute",
        DJANGO_NUM_PROXIES="1",
    )

    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip().splitlines()[-1]
        == "{'anon': '7/hour', 'user': None, 'extract': '3/minute'} 1"
    )


def test_a_malformed_rate_is_named():
    result = manage("check", DJANGO_THROTTLE_ANON="lots")

    assert result.returncode != 0
    assert "DJANGO_THROTTLE_ANON must be a rate such as 120/minute" in result.stderr


def test_the_cache_is_in_memory_or_in_redis_when_redis_url_is_set():
    show = (
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.CACHES['default'].get('LOCATION'))"
    )
    local = manage("shell", "-c", show)
    shared = manage("shell", "-c", show, REDIS_URL="redis://cache.internal:6379/2")

    assert local.returncode == 0, local.stderr
    assert local.stdout.split()[-2:] == ["django.core.cache.backends.locmem.LocMemCache", "None"]
    assert shared.returncode == 0, shared.stderr
    assert shared.stdout.split()[-2:] == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6379/2",
    ]
