"""Settings for the test suite: fast hashing, email kept in memory, isolated cache keys."""

import uuid

from .base import *  # noqa: F403
from .base import CACHES, env_str

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "10.0.0.7"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
DATASETS_IMPORT_DIR = BASE_DIR / "test-artifacts" / "dataset-imports"  # noqa: F405

# Each run gets its own key prefix, so runs sharing one Redis never see each other's keys.
CACHES["default"]["KEY_PREFIX"] = f"{env_str('CACHE_KEY_PREFIX', 'portal')}-test-{uuid.uuid4().hex[:8]}"
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Test processes share one Redis: clearing must not flush the other processes' keys.
    CACHES["default"]["BACKEND"] = "tests.redis_cache.OwnKeysRedisCache"

# The page cache is off in most tests, which change content behind Wagtail's back; the cache's
# own tests turn it on (the page_cache_on fixture).
PAGE_CACHE = {**PAGE_CACHE, "SECONDS": 0, "CHROME_SECONDS": 0}  # noqa: F405
PAGE_VIEWS_FLUSH_SECONDS = 0  # every view written at once; tests that buffer set their own
