"""Sections that other apps offer an issue through hooks (newsletters.sections)."""

from unittest import mock

from wagtail import hooks

from newsletters import sections


def test_a_section_no_app_offers_is_empty():
    with mock.patch.object(sections.hooks, "get_hooks", return_value=[]) as get_hooks:
        assert sections.latest_stories(3) == []
        assert sections.upcoming_training(3) == []
    assert [call.args[0] for call in get_hooks.call_args_list] == [
        sections.LATEST_STORIES,
        sections.UPCOMING_TRAINING,
    ]


def test_the_first_registered_provider_answers_with_the_arguments_given():
    calls = []

    def first(limit, now=None):
        calls.append((limit, now))
        return iter([("session", "Tuesday")])

    def second(limit, now=None):
        raise AssertionError("only the first provider is asked")

    with (
        hooks.register_temporarily(sections.UPCOMING_TRAINING, second, order=-1),
        hooks.register_temporarily(sections.UPCOMING_TRAINING, first, order=-2),
    ):
        assert sections.upcoming_training(2, now="now") == [("session", "Tuesday")]
    assert calls == [(2, "now")]
