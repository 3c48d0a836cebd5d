from forums.tests.conftest import forum, index, make_member, moderator, topic  # noqa: F401  (shared fixtures)
