"""Asking the page cache, from a test client, whether a view came from it."""


def hit(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.get("X-Cache")


def cached(client, url):
    """Fill the cache with this address and check that the next view comes from it."""
    hit(client, url)
    assert hit(client, url) == "HIT", url


def fresh(client, url):
    """The page as it is now, asserting that it was rendered again (purged), not served stale."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Cache") == "MISS", url
    return response.content.decode()
