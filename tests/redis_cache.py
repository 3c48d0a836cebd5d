"""A Redis cache whose clear() forgets only its own keys.

Django's RedisCache.clear() flushes the whole Redis database. The test suite runs in two
processes sharing one Redis, and each clears the cache around every test; flushing would wipe the
other process's rate-limit counters and cached fragments in the middle of its test.
"""

from django.core.cache.backends.redis import RedisCache


class OwnKeysRedisCache(RedisCache):
    def clear(self):
        client = self._cache.get_client(write=True)
        pattern = f"{self.key_prefix}:*"
        for keys in _batches(client.scan_iter(match=pattern, count=1000), 1000):
            client.delete(*keys)
        return True


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
