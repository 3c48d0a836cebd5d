"""Run nginx with Portal's HTTP cache (deploy/nginx/) in front of an app on this machine: for the
tests that check the cache against the real thing and for the load benchmark. The cache rules are
the production files, included as they are; only the addresses and folders are local.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

CONFIG = """
{user}
worker_processes {workers};
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include {deploy}/nginx/portal-cache-maps.conf;
    proxy_cache_path {run}/cache levels=1:2 keys_zone=portal:10m max_size=200m inactive=10m use_temp_path=off;
    upstream portal_app {{ server {upstream}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        location /static/ {{ alias {static}/; }}
        location / {{
            proxy_pass http://portal_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            include {deploy}/nginx/portal-cache.conf;
        }}
    }}
}}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalNginx:
    """nginx on a free local port proxying to ``upstream`` (host:port) through the HTTP cache, and
    serving ``static_root`` under /static/ itself. A context manager: stops and cleans up on exit."""

    def __init__(self, upstream, static_root=None, workers=1):
        self.run_dir = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
        self.static_root = Path(static_root) if static_root else self.run_dir / "static"
        self.static_root.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        (self.run_dir / "nginx.conf").write_text(
            CONFIG.format(
                # As root, nginx would hand its workers to an unprivileged user that cannot
                # write this folder; as anyone else it runs as that user anyway.
                user="user root;" if os.geteuid() == 0 else "",
                workers=workers,
                run=self.run_dir,
                deploy=HERE,
                upstream=upstream,
                port=self.port,
                static=self.static_root,
            )
        )
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.run_dir), "-c", str(self.run_dir / "nginx.conf"), "-e", "stderr"],
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 10
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx did not start: {self.process.stderr.read()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.run_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
