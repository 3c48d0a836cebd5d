"""Settings for a developer's machine: `make run`."""

from .base import *  # noqa: F403
from .base import env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-secret-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
