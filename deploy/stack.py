"""Start the production stack on this machine, for the cluster check and the load benchmark:
a database of its own on the local PostgreSQL, the local Redis, app servers (gunicorn with the
production settings) and RQ workers, all with the environment a deployment would give them.
"""

import http.cookiejar
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES = "postgres://postgres@localhost:5432"


class Stack:
    def __init__(self, name, *, redis_url, hosts=("127.0.0.1", "localhost"), **environment):
        self.database = name
        self.processes = []
        self.static_root = Path(tempfile.mkdtemp(prefix=f"{name}-static-"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DATABASE_URL": f"{POSTGRES}/{name}",
            "REDIS_URL": redis_url,
            "TASKS_BACKEND": "django_tasks_rq.RQBackend",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": ",".join(hosts),
            "STATIC_ROOT": str(self.static_root),
            # Plain HTTP on this machine: no HTTPS redirect, Secure cookies or HSTS.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "GUNICORN_ACCESS_LOG": "",
            **environment,
        }

    def manage(self, *args, env=None, capture=False):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            check=True,
            capture_output=capture,
            text=True,
        )
        return result.stdout

    def prepare(self, site_url):
        """A new database with the demo content, an empty Redis database and the static files."""
        self.drop_database()
        subprocess.run(["createdb", "-h", "localhost", "-U", "postgres", self.database], check=True)
        subprocess.run([sys.executable, "-c", FLUSH_REDIS], env=self.env, check=True)
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        # In-process tasks while building the demo: queued ones would wait for pages that the
        # same transaction goes on to replace.
        immediate = {"TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        self.manage("load_demo", "--site-url", site_url, env=immediate, capture=True)

    def start_app_server(self, port, **environment):
        self.start(
            [BIN / "gunicorn", "-c", "deploy/gunicorn.conf.py", "portal.wsgi"],
            GUNICORN_BIND=f"127.0.0.1:{port}",
            **environment,
        )
        wait_until_healthy(f"http://127.0.0.1:{port}/healthz/")
        return f"http://127.0.0.1:{port}"

    def start_worker(self):
        self.start(
            [sys.executable, "manage.py", "rqworker", "default", "--job-class", "django_tasks_rq.backend.Job"]
        )

    def start(self, command, **environment):
        process = subprocess.Popen(command, cwd=ROOT, env={**self.env, **environment})
        self.processes.append(process)
        return process

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=30)
        self.processes = []

    def drop_database(self):
        subprocess.run(
            ["dropdb", "-h", "localhost", "-U", "postgres", "--if-exists", self.database], check=True
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()
        self.drop_database()
        shutil.rmtree(self.static_root, ignore_errors=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are answers to check, not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


def browser(session_key=None):
    """An HTTP client with its own cookies (signed in when given a session key), not following redirects."""
    jar = http.cookiejar.CookieJar()
    if session_key:
        jar.set_cookie(
            http.cookiejar.Cookie(
                0,
                "sessionid",
                session_key,
                None,
                False,
                "127.0.0.1",
                False,
                False,
                "/",
                True,
                False,
                None,
                False,
                None,
                None,
                {},
            )
        )
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


FLUSH_REDIS = "import os, redis; redis.from_url(os.environ['REDIS_URL']).flushdb()"


def wait_until_healthy(url, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)
