"""Settings are read in a fresh interpreter, exactly as a server would start."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = secrets.token_urlsafe(50)
SHOW = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({name: str(getattr(settings, name)) for name in %r}))"
)


def load(module, names, **env):
    clean = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    result = subprocess.run(
        [sys.executable, "-c", SHOW % (names,)],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result


def values(module, names, **env):
    result = load(module, names, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_refuses_to_start_without_secret_key():
    result = load("portal.settings.production", ["DEBUG"], SECRET_KEY="", ALLOWED_HOSTS="portal.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = load("portal.settings.production", ["DEBUG"], SECRET_KEY="short", ALLOWED_HOSTS="portal.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load("portal.settings.production", ["DEBUG"], SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_reads_everything_from_the_environment():
    got = values(
        "portal.settings.production",
        [
            "DEBUG",
            "ALLOWED_HOSTS",
            "CSRF_TRUSTED_ORIGINS",
            "EMAIL_BACKEND",
            "EMAIL_HOST",
            "EMAIL_PORT",
            "SECURE_HSTS_SECONDS",
            "SESSION_COOKIE_SECURE",
            "DATABASES",
            "CACHES",
            "SESSION_ENGINE",
            "TASKS",
        ],
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="portal.example, www.portal.example",
        CSRF_TRUSTED_ORIGINS="https://portal.example",
        EMAIL_HOST="smtp.portal.example",
        EMAIL_PORT="587",
        DATABASE_URL="postgres://portal@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/0",
        TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
    )
    assert got["DEBUG"] == "False"
    assert got["ALLOWED_HOSTS"] == "['portal.example', 'www.portal.example']"
    assert got["CSRF_TRUSTED_ORIGINS"] == "['https://portal.example']"
    assert got["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (got["EMAIL_HOST"], got["EMAIL_PORT"]) == ("smtp.portal.example", "587")
    assert int(got["SECURE_HSTS_SECONDS"]) >= 31_536_000
    assert got["SESSION_COOKIE_SECURE"] == "True"
    assert "'ENGINE': 'django.db.backends.postgresql'" in got["DATABASES"]
    assert "'HOST': 'db.internal'" in got["DATABASES"]
    assert "django.core.cache.backends.redis.RedisCache" in got["CACHES"]
    assert "redis://cache.internal:6379/0" in got["CACHES"]
    assert got["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert "DummyBackend" in got["TASKS"]


def test_embedded_defaults_need_nothing_installed():
    got = values(
        "portal.settings.dev", ["DATABASES", "CACHES", "EMAIL_BACKEND", "TASKS", "STORAGES", "DEBUG"]
    )
    assert "django.db.backends.sqlite3" in got["DATABASES"]
    assert "LocMemCache" in got["CACHES"]
    assert got["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert "ImmediateBackend" in got["TASKS"]
    assert "FileSystemStorage" in got["STORAGES"]
    assert got["DEBUG"] == "True"


def test_tests_keep_email_in_memory():
    assert values("portal.settings.test", ["EMAIL_BACKEND"])["EMAIL_BACKEND"].endswith("locmem.EmailBackend")


def test_media_goes_to_s3_compatible_storage_when_a_bucket_is_named():
    got = values(
        "portal.settings.dev",
        ["STORAGES"],
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://objects.example",
    )
    assert "storages.backends.s3.S3Storage" in got["STORAGES"]
    assert "'bucket_name': 'portal-media'" in got["STORAGES"]
    assert "https://objects.example" in got["STORAGES"]


@pytest.mark.parametrize(("name", "value"), [("DEBUG", "maybe"), ("EMAIL_PORT", "twenty-five")])
def test_malformed_environment_values_fail_loudly(name, value):
    result = load("portal.settings.dev", ["DEBUG"], **{name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_production_passes_the_deploy_checklist():
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="portal.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
