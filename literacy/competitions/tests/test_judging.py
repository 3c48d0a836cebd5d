"""Judging in the admin: the judges' group, blind weighted scoring, conflicts, moderation and places."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse

from literacy.competitions import judging
from literacy.competitions.models import Entry, ScoreSheet
from tests.factories import StaffFactory, UserFactory
from tests.queries import queries_for
from tests.uploads import png_bytes

from .factories import CompetitionPageFactory, EntryFactory


@pytest.fixture
def closed_competition(home_page):
    """Entries closed an hour ago: judging is on."""
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return CompetitionPageFactory(
        opens_at=now - datetime.timedelta(days=20),
        closes_at=now - datetime.timedelta(hours=1),
        winners_announced_at=now + datetime.timedelta(days=20),
    )


@pytest.fixture
def entry(closed_competition):
    return EntryFactory(competition=closed_competition)


def criteria_ids(competition):
    accuracy, clarity = competition.criteria.all()
    return accuracy.pk, clarity.pk


def marks(competition, accuracy, clarity):
    accuracy_id, clarity_id = criteria_ids(competition)
    return {accuracy_id: accuracy, clarity_id: clarity}


def turned_away(response):
    """Wagtail answers a permission refusal in its admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def review_url(entry, action="review"):
    return reverse(f"competitions_entry_{action}", args=[entry.pk])


def score_post(competition, accuracy, clarity, comment=""):
    accuracy_id, clarity_id = criteria_ids(competition)
    return {f"criterion_{accuracy_id}": accuracy, f"criterion_{clarity_id}": clarity, "comment": comment}


def test_the_judges_group_may_open_the_admin_and_score_but_not_moderate(db):
    judges = Group.objects.get(name="Judges")
    codes = set(judges.permissions.values_list("content_type__app_label", "codename"))
    assert {("wagtailadmin", "access_admin"), ("competitions", "score_entry")} <= codes
    assert {code for app, code in codes if app == "competitions"} == {"score_entry"}
    assert not any(code.startswith(("add_", "change_", "delete_", "publish_")) for _, code in codes)


def test_scores_are_averaged_with_the_criteria_weights(closed_competition, entry, judge, second_judge):
    # Accuracy 10 points, weight 3; clarity 5 points, weight 1.
    judging.submit_scores(entry, judge, marks(closed_competition, 10, 0))  # (3*1 + 1*0) / 4 = 75%
    judging.submit_scores(entry, second_judge, marks(closed_competition, 5, 5))  # (3*.5 + 1*1) / 4 = 62.5%
    scored = judging.with_scores(Entry.objects.filter(pk=entry.pk), judge).get()
    assert scored.average_score == pytest.approx(68.75)
    assert scored.sheet_count == 2


def test_an_entry_nobody_scored_has_no_average(entry, judge):
    scored = judging.with_scores(Entry.objects.filter(pk=entry.pk), judge).get()
    assert (scored.average_score, scored.sheet_count, scored.scored_by_me) == (None, 0, False)


def test_a_judge_may_change_their_marks_and_the_sheet_is_replaced(closed_competition, entry, judge):
    judging.submit_scores(entry, judge, marks(closed_competition, 2, 2))
    judging.submit_scores(entry, judge, marks(closed_competition, 10, 5), "Better on a second look")
    sheet = ScoreSheet.objects.get(entry=entry)
    assert sorted(sheet.scores.values_list("points", flat=True)) == [5, 10]
    assert judging.with_scores(Entry.objects.filter(pk=entry.pk), judge).get().average_score == 100


@pytest.mark.parametrize(
    ("points", "message"),
    [((11, 0), "Accuracy: give 0 to 10 points."), ((0, -1), "Clarity: give 0 to 5 points.")],
)
def test_marks_out_of_range_are_refused(closed_competition, entry, judge, points, message):
    with pytest.raises(judging.JudgingError, match=message):
        judging.submit_scores(entry, judge, marks(closed_competition, *points))
    assert not ScoreSheet.objects.exists()


def test_every_criterion_needs_a_mark(closed_competition, entry, judge):
    accuracy_id, _ = criteria_ids(closed_competition)
    with pytest.raises(judging.JudgingError, match="every criterion"):
        judging.submit_scores(entry, judge, {accuracy_id: 5})


def test_only_judges_score(closed_competition, entry):
    with pytest.raises(judging.JudgingError, match="Only judges"):
        judging.submit_scores(entry, UserFactory(), marks(closed_competition, 1, 1))


def test_judging_waits_for_entries_to_close(home_page, judge):
    competition = CompetitionPageFactory()
    entry = EntryFactory(competition=competition, title="Early", file_kind="", link="https://example.org")
    with pytest.raises(judging.JudgingError, match="Judging starts when entries close"):
        judging.submit_scores(entry, judge, marks(competition, 1, 1))
    with time_machine.travel(competition.closes_at, tick=False):
        judging.submit_scores(entry, judge, marks(competition, 1, 1))
    assert ScoreSheet.objects.filter(entry=entry).count() == 1


def test_scores_are_frozen_once_results_are_published(closed_competition, entry, judge):
    closed_competition.results_published = True
    closed_competition.save()
    entry.competition = closed_competition
    with pytest.raises(judging.JudgingError, match="results are published"):
        judging.submit_scores(entry, judge, marks(closed_competition, 1, 1))


def test_a_judge_with_a_conflict_cannot_score_and_their_marks_go(closed_competition, entry, judge):
    judging.submit_scores(entry, judge, marks(closed_competition, 3, 3))
    judging.declare_conflict(entry, judge, "  I teach at the\nentrant's school ")
    assert entry.conflicts.get().reason == "I teach at the entrant's school"
    assert not ScoreSheet.objects.filter(entry=entry).exists()
    with pytest.raises(judging.JudgingError, match="conflict of interest"):
        judging.submit_scores(entry, judge, marks(closed_competition, 3, 3))
    with pytest.raises(judging.JudgingError, match="already declared"):
        judging.declare_conflict(entry, judge, "Again")
    with pytest.raises(judging.JudgingError, match="Say briefly why"):
        judging.declare_conflict(entry, judge, "   ")


# The admin screens


def test_judges_see_others_scores_only_after_submitting_their_own(
    client, closed_competition, entry, judge, second_judge
):
    judging.submit_scores(entry, second_judge, marks(closed_competition, 7, 4), "Clear and careful")
    client.force_login(judge)
    before = client.get(review_url(entry)).content.decode()
    assert "hidden until you have submitted your own" in before
    assert "Clear and careful" not in before
    assert second_judge.get_full_name() not in before

    listing = client.get(reverse("competitions_entry_modeladmin_index")).content.decode()
    assert "Score hidden until you score it" in listing

    response = client.post(review_url(entry, "score"), score_post(closed_competition, 10, 5))
    assert response.status_code == 302
    after = client.get(review_url(entry)).content.decode()
    assert "Clear and careful" in after
    assert second_judge.get_full_name() in after
    assert "Weighted average: <strong>" in after
    listing = client.get(reverse("competitions_entry_modeladmin_index")).content.decode()
    assert "from 2 judges" in listing


def test_a_score_form_with_bad_marks_is_shown_again_with_errors(client, closed_competition, entry, judge):
    client.force_login(judge)
    response = client.post(review_url(entry, "score"), score_post(closed_competition, 99, "abc"))
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 10." in response.content.decode()
    assert "Enter a whole number." in response.content.decode()
    assert not ScoreSheet.objects.exists()


def test_a_judge_declares_a_conflict_in_the_admin(client, closed_competition, entry, judge):
    client.force_login(judge)
    assert client.post(review_url(entry, "conflict"), {"reason": "My niece"}).status_code == 302
    page = client.get(review_url(entry)).content.decode()
    assert "You declared a conflict of interest with this entry (My niece)" in page
    assert "Submit my scores" not in page
    client.post(review_url(entry, "score"), score_post(closed_competition, 5, 5))
    assert not ScoreSheet.objects.exists()


@pytest.mark.parametrize("action", ["review", "file"])
def test_people_who_are_not_judges_or_editors_are_turned_away(client, entry, action):
    client.force_login(StaffFactory())
    assert turned_away(client.get(review_url(entry, action)))
    assert turned_away(client.get(reverse("competitions_entry_modeladmin_index")))


def test_judges_cannot_moderate_or_give_places(client, entry, judge):
    client.force_login(judge)
    assert turned_away(client.post(review_url(entry, "moderate"), {"decision": "accepted"}))
    assert turned_away(client.post(review_url(entry, "place"), {"place": "1"}))
    entry.refresh_from_db()
    assert (entry.moderation, entry.place) == ("pending", None)


def test_judges_can_open_the_entry_file(client, entry, judge):
    client.force_login(judge)
    response = client.get(review_url(entry, "file"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()


def test_editors_moderate_give_places_and_see_every_score(
    client, closed_competition, entry, judge, moderator
):
    judging.submit_scores(entry, judge, marks(closed_competition, 10, 5), "Superb")
    client.force_login(moderator)
    page = client.get(review_url(entry)).content.decode()
    assert "Superb" in page
    assert entry.email in page

    refused = client.post(review_url(entry, "place"), {"place": "1"}, follow=True)
    assert "Accept the entry for the gallery before giving it a place." in refused.content.decode()
    client.post(review_url(entry, "moderate"), {"decision": "accepted"})
    client.post(review_url(entry, "place"), {"place": "1"})
    entry.refresh_from_db()
    assert (entry.moderation, entry.place) == ("accepted", 1)

    bad = client.post(review_url(entry, "place"), {"place": "0"}, follow=True)
    assert "A place is a number from 1 to 20" in bad.content.decode()
    client.post(review_url(entry, "moderate"), {"decision": "rejected"})
    entry.refresh_from_db()
    assert (entry.moderation, entry.place) == ("rejected", None)
    junk = client.post(review_url(entry, "moderate"), {"decision": "deleted"}, follow=True)
    assert "Not a moderation decision" in junk.content.decode()


def test_the_review_actions_need_post(client, entry, moderator):
    client.force_login(moderator)
    for action in ("score", "conflict", "moderate", "place"):
        assert client.get(review_url(entry, action)).status_code == 405


def test_the_entries_list_filters_by_competition_category_moderation_and_status(
    client, closed_competition, moderator
):
    infographic, story = closed_competition.categories.all()
    EntryFactory(
        competition=closed_competition,
        title="Accepted infographic",
        category=infographic,
        moderation="accepted",
    )
    EntryFactory(competition=closed_competition, title="Pending story", category=story)
    withdrawn = EntryFactory(competition=closed_competition, title="Withdrawn one", category=story)
    withdrawn.withdrawn_at = withdrawn.created_at
    withdrawn.save()
    client.force_login(moderator)
    index = reverse("competitions_entry_modeladmin_index")

    def titles(query):
        response = client.get(f"{index}?{query}")
        assert response.status_code == 200
        return {entry.title for entry in response.context["object_list"]}

    mine = f"competition={closed_competition.pk}"
    assert titles(mine) == {"Accepted infographic", "Pending story"}
    assert titles(f"{mine}&category={story.pk}") == {"Pending story"}
    assert titles(f"{mine}&moderation=accepted") == {"Accepted infographic"}
    assert titles(f"{mine}&status=withdrawn") == {"Withdrawn one"}
    assert titles(f"{mine}&status=all") == {"Accepted infographic", "Pending story", "Withdrawn one"}


def test_the_entries_list_queries_do_not_grow_with_the_number_of_entries(
    client, closed_competition, judge, second_judge
):
    client.force_login(judge)
    url = reverse("competitions_entry_modeladmin_index") + f"?competition={closed_competition.pk}"
    first = EntryFactory(competition=closed_competition, title="First")
    judging.submit_scores(first, judge, marks(closed_competition, 5, 5))
    few = queries_for(client, url)
    for number in range(15):
        entry = EntryFactory(competition=closed_competition, title=f"Entry {number}")
        judging.submit_scores(entry, second_judge, marks(closed_competition, 5, 5))
        if number % 2:
            judging.submit_scores(entry, judge, marks(closed_competition, 1, 1))
        if number % 5 == 4:
            judging.declare_conflict(entry, judge, "Knows them")
    assert queries_for(client, url) == few
