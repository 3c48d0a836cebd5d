"""Run the production stack as a small cluster on this machine (two app servers and a worker on
one PostgreSQL database and one Redis) and check through HTTP that they behave as one site, the
way a load balancer would spread visitors over them. Used by CI; needs PostgreSQL and Redis.

    .venv/bin/python deploy/check_cluster.py [--redis-url redis://localhost:6379/14]
"""

import argparse
import gzip
import re
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request

from stack import NoRedirect, Stack, browser

SITE_HOST = "127.0.0.1:8301"


def fetch(opener, url, data=None, headers=None):
    """As through a load balancer: every server gets the site's one host name."""
    request = urllib.request.Request(url, data=data, headers={"Host": SITE_HOST, **(headers or {})})
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def check(condition, message):
    if not condition:
        raise SystemExit(f"FAILED: {message}")
    print(f"ok  {message}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--redis-url", default="redis://localhost:6379/14")
    args = parser.parse_args()
    with Stack("portal_cluster_check", redis_url=args.redis_url) as stack:
        stack.prepare(f"http://{SITE_HOST}")
        email, password = "cluster-check@portal.example", secrets.token_urlsafe(16)
        stack.manage("shell", "-c", CREATE_ADMIN.format(email=email, password=password))
        servers = [stack.start_app_server(port, WEB_CONCURRENCY="2") for port in (8301, 8302)]
        stack.start_worker()
        check_cluster(stack, *servers, email, password)
    print("The cluster behaves as one site.")


CREATE_ADMIN = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
user = get_user_model().objects.create_superuser("{email}", "{password}")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
"""
REPUBLISH_HOME = "from home.models import HomePage; HomePage.objects.first().save_revision().publish()"


def check_cluster(stack, server_a, server_b, email, password):
    anonymous = urllib.request.build_opener(NoRedirect())
    for server in (server_a, server_b):
        status, _, _ = fetch(anonymous, server + "/healthz/")
        check(status == 200, f"{server}/healthz/ answers 200 (database and cache reachable)")

    status, headers, body = fetch(anonymous, server_a + "/en/")
    check(status == 200 and headers["X-Cache"] == "MISS", "the home page renders on server A and is cached")
    check("Content-Security-Policy" in headers, "it carries the Content-Security-Policy")
    status, headers, _ = fetch(anonymous, server_b + "/en/")
    check(headers["X-Cache"] == "HIT", "server B serves it from the cache the servers share (Redis)")

    stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', body)
    check(stylesheet is not None, "the stylesheet has a hashed name (collectstatic's manifest)")
    status, headers, content = fetch(
        anonymous, server_b + stylesheet.group(1).decode(), headers={"Accept-Encoding": "gzip"}
    )
    check(status == 200 and headers["Content-Encoding"] == "gzip", "WhiteNoise serves it compressed")
    check("immutable" in headers["Cache-Control"], "and cacheable for ever (immutable)")
    check(b"--" in gzip.decompress(content), "the compressed stylesheet is the real stylesheet")

    member = browser()
    status, _, login_page = fetch(member, server_a + "/en/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1).decode()
    form = urllib.parse.urlencode(
        {"login": email, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    status, _, _ = fetch(
        member, server_a + "/en/accounts/login/", data=form, headers={"Referer": server_a + "/en/"}
    )
    check(status == 302, "signing in on server A succeeds")
    status, headers, _ = fetch(member, server_b + "/admin/")
    check(status == 200, "the session is valid on server B (sessions in the shared cache and database)")
    status, headers, _ = fetch(member, server_b + "/en/")
    check(headers.get("X-Cache") is None, "a signed-in visitor is never served from the shared cache")

    # Publishing purges through a background task: the worker takes it from Redis.
    stack.manage("shell", "-c", REPUBLISH_HOME)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        _, headers, _ = fetch(anonymous, server_b + "/en/")
        if headers["X-Cache"] == "MISS":
            break
        time.sleep(0.5)
    check(headers["X-Cache"] == "MISS", "publishing purged the page on every server, through the worker")


if __name__ == "__main__":
    main()
