"""Recording correction and revision notices: when a version that changes published figures
becomes public, what the notice holds, what the editor must say at import, and the registry of
pages that quote each indicator."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from datasets.corrections import page_indicators, record_notice
from datasets.importing import ImportFailed, import_observations
from datasets.models import FigureUsage, RevisionNotice
from datasets.signals import publish_version
from datasets.tests.conftest import as_file
from datasets.tests.corrections_helpers import FIRST, REASON, SECOND, first_version, second_version
from datasets.tests.factories import DatasetFactory, IndicatorFactory
from tests.factories import UserFactory


@pytest.fixture
def pop(dataset):
    return dataset.indicators.get(code="POP")


def test_a_correction_records_what_changed_why_when_and_by_whom(
    dataset, pop, django_capture_on_commit_callbacks
):
    first = first_version(dataset)
    editor = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        second = second_version(dataset, user=editor)
    notice = RevisionNotice.objects.get()
    assert (notice.dataset, notice.version, notice.previous) == (dataset, second, first)
    assert notice.kind == "correction" and notice.get_kind_display() == "Correction"
    assert notice.reason == REASON and notice.made_by == editor
    assert notice.published_at == second.published_at
    assert (notice.changed, notice.removed, notice.added) == (1, 1, 1)
    assert notice.changed_examples() == ["POP 2024 NAT 1030 (P) → 1045 (A)"]
    assert notice.removed_examples() == ["POP 2024 R1 420 (A)"]
    assert list(notice.indicators.all()) == [pop], "births did not change"
    assert str(notice) == "Correction: Population version 2"


def test_a_routine_revision_is_recorded_as_such(dataset, django_capture_on_commit_callbacks):
    first_version(dataset)
    with django_capture_on_commit_callbacks(execute=True):
        second_version(dataset, kind="revision", reason="Provisional 2024 figures replaced by final ones.")
    notice = RevisionNotice.objects.get()
    assert notice.get_kind_display() == "Routine revision"
    assert notice.kind_help == "provisional figures were updated as scheduled"


def test_no_notice_for_a_first_version_or_a_version_that_only_adds_figures(
    dataset, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first_version(dataset)
        import_observations(dataset, as_file(FIRST + "POP,2025,NAT,1050,P\n"), publish=True)
    assert not RevisionNotice.objects.exists()


def test_the_notice_compares_with_the_version_the_public_saw_not_an_unpublished_one(
    dataset, django_capture_on_commit_callbacks
):
    first = first_version(dataset)
    # An embargoed version 2 that changes 2024 …
    draft = import_observations(
        dataset,
        as_file(FIRST.replace("1030,P", "1999,")),
        revision_kind="correction",
        reason="draft",
    ).version
    assert draft.published_at is None
    # … then version 3 that is the same as version 2 except 2024, compared with version 1.
    with django_capture_on_commit_callbacks(execute=True):
        third = second_version(dataset)
    notice = RevisionNotice.objects.get()
    assert notice.version == third and notice.previous == first


def test_recording_twice_keeps_one_notice(dataset):
    first = first_version(dataset)
    second = second_version(dataset, publish=False)
    publish_version(second)
    assert record_notice(second, first) == record_notice(second, first)
    assert RevisionNotice.objects.count() == 1
    assert record_notice(second, None) is None
    assert record_notice(second, second) is None


def test_a_release_run_publishes_the_notice_at_its_minute(dataset, django_capture_on_commit_callbacks):
    first = first_version(dataset)
    first.published_at = timezone.now() - timedelta(days=30)
    first.save()
    second = second_version(dataset, publish=False)
    assert not RevisionNotice.objects.exists(), "nothing before the version is public"
    at = timezone.now().replace(microsecond=0) - timedelta(seconds=30)
    with django_capture_on_commit_callbacks(execute=True):
        publish_version(second, at=at)
    assert RevisionNotice.objects.get().published_at == at


# What the editor must say at import


def test_an_import_that_changes_published_figures_needs_a_kind_and_a_reason(dataset):
    first_version(dataset)
    for kind, reason in (("", ""), ("correction", ""), ("", REASON), ("correction", "   ")):
        with pytest.raises(ImportFailed) as failed:
            import_observations(dataset, as_file(SECOND), revision_kind=kind, reason=reason)
        assert failed.value.lines() == [
            "This file changes or removes 2 published figures: say whether it is a correction (an error "
            "fixed) or a routine revision (scheduled update), and why. The reason is shown in the public "
            "notice."
        ]
    assert dataset.versions.count() == 1, "nothing was written"


def test_a_dry_run_reports_the_published_figures_it_would_change(dataset):
    first_version(dataset)
    result = import_observations(dataset, as_file(SECOND), dry_run=True)
    assert result.revises_published == 2 and result.version is None
    assert dataset.versions.count() == 1


def test_changing_an_embargoed_version_needs_no_reason(dataset):
    first_version(dataset, publish=False)
    version = import_observations(dataset, as_file(SECOND)).version
    assert version.revision_kind == "" and version.revision_reason == ""


def test_kind_and_reason_are_kept_on_the_version_until_it_is_public(dataset):
    first_version(dataset)
    second = second_version(dataset, publish=False, reason=f"  {REASON}  ")
    assert (second.revision_kind, second.revision_reason) == ("correction", REASON)
    assert not RevisionNotice.objects.exists()


@pytest.mark.parametrize(
    ("kind", "reason", "message"),
    [
        ("mistake", REASON, "Unknown kind of revision 'mistake': use correction or revision."),
        ("<script>", REASON, "Unknown kind of revision '<script>': use correction or revision."),
        ("correction", "x" * 1001, "The reason is 1001 characters long (at most 1000)."),
        ("correction", "bad\x00reason", "The reason contains a NUL character."),
    ],
)
def test_a_bad_kind_or_reason_is_refused(dataset, kind, reason, message):
    first_version(dataset)
    with pytest.raises(ImportFailed) as failed:
        import_observations(dataset, as_file(SECOND), revision_kind=kind, reason=reason)
    assert failed.value.lines() == [message]
    assert dataset.versions.count() == 1


def test_the_command_takes_a_kind_and_a_reason(dataset, tmp_path, capsys):
    first_version(dataset)
    path = tmp_path / "second.csv"
    path.write_text(SECOND)
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_dataset", str(path), dataset="population", publish=True)
    assert "changes or removes 2 published figures" in capsys.readouterr().err
    call_command("import_dataset", str(path), dataset="population", dry_run=True)
    assert "changes or removes 2 published figures" in capsys.readouterr().out
    call_command(
        "import_dataset",
        str(path),
        "--dataset=population",
        "--revision-kind=revision",
        f"--reason={REASON}",
    )
    assert "A routine revision notice will be published with this version." in capsys.readouterr().out
    assert dataset.latest_version().revision_kind == "revision"
    with pytest.raises(CommandError):
        call_command("import_dataset", str(path), "--dataset=population", "--revision-kind=oops")


# The admin's import screen


def test_the_admin_preview_warns_and_the_import_needs_the_reason(superuser_client, dataset):
    first_version(dataset)
    url = f"/admin/datasets/dataset/{dataset.pk}/import/"

    def post(**fields):
        return superuser_client.post(
            url, {"file": as_file(SECOND), "format": "tidy", "note": "", **fields}, format="multipart"
        )

    preview = post(preview="1").content.decode()
    assert "changes or removes 2 published figures" in preview
    assert dataset.versions.count() == 1
    refused = post(**{"import": "1"}).content.decode()
    assert "nothing was written" in refused and dataset.versions.count() == 1
    assert post(**{"import": "1", "revision_kind": "evil"}).status_code == 200
    assert dataset.versions.count() == 1
    done = post(**{"import": "1", "revision_kind": "correction", "reason": "<b>typo</b> fixed"})
    assert done.status_code == 302
    assert dataset.latest_version().revision_reason == "<b>typo</b> fixed"


# The registry of pages that quote an indicator


def chart_body(indicator):
    from datasets.tests.test_blocks import chart_value, figure_value

    return [("data_chart", chart_value(indicator)), ("data_key_figure", figure_value(indicator))]


def test_publishing_a_page_records_the_indicators_it_shows(home_page, dataset, pop):
    from home.tests.factories import StandardPageFactory

    births = dataset.indicators.get(code="BIRTHS")
    page = StandardPageFactory(parent=home_page, body=chart_body(pop))
    assert set(FigureUsage.objects.filter(page=page).values_list("indicator", flat=True)) == {pop.pk}
    assert page_indicators(page) == {pop.pk}
    page.body = [("data_key_figure", chart_body(births)[1][1])]
    page.save_revision().publish()
    assert list(FigureUsage.objects.filter(page=page).values_list("indicator", flat=True)) == [births.pk]
    page.unpublish()
    assert not FigureUsage.objects.filter(page=page).exists()


def test_a_draft_records_nothing_and_a_deleted_page_leaves_nothing(home_page, dataset, pop):
    from home.tests.factories import StandardPageFactory

    draft = StandardPageFactory(parent=home_page, title="Draft", body=chart_body(pop), live=False)
    assert not FigureUsage.objects.filter(page=draft).exists()
    page = StandardPageFactory(parent=home_page, title="Live", body=chart_body(pop))
    page.delete()
    assert not FigureUsage.objects.exists()


def test_the_command_rebuilds_the_registry(home_page, dataset, pop, capsys):
    from home.tests.factories import StandardPageFactory

    other = IndicatorFactory(dataset=DatasetFactory(area_code_list=dataset.area_code_list))
    page = StandardPageFactory(parent=home_page, body=chart_body(pop))
    FigureUsage.objects.all().delete()
    FigureUsage.objects.create(page=home_page, indicator=other)  # stale: the home page shows none
    home_page.unpublish()
    call_command("record_figure_usage")
    assert list(FigureUsage.objects.values_list("page", "indicator")) == [(page.pk, pop.pk)]
    assert "Recorded 1 uses of indicators on live pages." in capsys.readouterr().out
