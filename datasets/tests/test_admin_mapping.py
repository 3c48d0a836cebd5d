"""The admin import screen's column mapping (the admin's ``import_dataset --map``): the editor
chooses the file's column for each field from its header row, previews, then imports; bad
choices and files without a header are named on the form; a background job carries the choices."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from datasets.forms import ImportForm
from datasets.models import DatasetVersion, ImportJob, Observation
from tests.factories import StaffFactory

ODD = "Region,Year,What,Sex,Age band,Figure\nNAT,2024,POP,F,_T,10\nR1,2024,POP,F,_T,4\n"
CHOSEN = {
    "map_indicator": "What",
    "map_period": "Year",
    "map_area": "Region",
    "map_value": "Figure",
    "map_status": "",
    "map_sex": "Sex",
    "map_age": "Age band",
}


@pytest.fixture
def editor(client, db):
    client.force_login(StaffFactory(groups=["Data editors"]))
    return client


def send(client, dataset, content, button="preview", **fields):
    upload = SimpleUploadedFile("odd.csv", content.encode(), content_type="text/csv")
    url = reverse("datasets_dataset_import", args=[dataset.pk])
    return client.post(url, {"file": upload, "format": "tidy", button: "", **fields})


def errors(response):
    return response.context["form"].errors


def test_an_unknown_header_asks_for_the_columns_with_selects_from_the_file(editor, dataset):
    response = send(editor, dataset, ODD)
    html = response.content.decode()
    assert response.status_code == 200 and response.context["result"] is None
    for name in ("indicator", "period", "area", "value"):
        assert errors(response)[f"map_{name}"] == [f"Choose the column of the file that holds the {name}."]
    assert "map_status" not in errors(response), "the status is optional"
    assert '<option value="Age band">Age band</option>' in html
    assert "Columns of the file" in html and 'class="help-block help-critical error-summary"' in html
    assert '<a href="#id_map_area">Column for area</a>' in html
    assert not DatasetVersion.objects.exists()


def test_columns_of_the_same_name_are_chosen_for_the_editor(editor, dataset):
    text = "indicator,period,area,sex,age,value\nPOP,2024,NAT,F,_T,10\n"
    response = send(editor, dataset, text)
    assert response.context["result"].rows == 1
    form = response.context["form"]
    assert form["map_area"].value() == "area" and form["map_sex"].value() == "sex"
    assert form["map_status"].value() == ""
    assert '<option value="area" selected>area</option>' in response.content.decode()


def test_preview_then_import_with_the_chosen_columns(editor, dataset):
    preview = send(editor, dataset, ODD, **CHOSEN)
    html = preview.content.decode()
    assert preview.context["result"].rows == 2 and not DatasetVersion.objects.exists()
    assert "“Region” as area" in html and "“Figure” as value" in html
    done = send(editor, dataset, ODD, "import", **CHOSEN)
    assert done.status_code == 302
    found = set(Observation.objects.values_list("area__code", "value", "breakdown_key"))
    assert {(area, int(value), key) for area, value, key in found} == {
        ("NAT", 10, "age=_T;sex=F"),
        ("R1", 4, "age=_T;sex=F"),
    }


def test_a_column_named_like_a_field_given_another_column_is_left_out(editor, dataset):
    text = "indicator,period,area,Region,value\nPOP,2024,R2,NAT,10\n"
    chosen = {**CHOSEN, "map_indicator": "indicator", "map_period": "period", "map_value": "value"}
    chosen |= {"map_area": "Region", "map_sex": "", "map_age": ""}
    send(editor, dataset, text, "import", **chosen)
    assert list(Observation.objects.values_list("area__code", flat=True)) == ["NAT"]


def test_the_same_column_twice_is_named(editor, dataset):
    response = send(editor, dataset, ODD, **{**CHOSEN, "map_area": "What"})
    assert errors(response)["map_area"] == [
        "The column “What” is already chosen for indicator: choose another."
    ]
    assert response.context["result"] is None


def test_a_posted_column_the_file_does_not_have_is_refused(editor, dataset):
    hostile = "<script>alert(1)</script>"
    response = send(editor, dataset, ODD, "import", **{**CHOSEN, "map_value": hostile})
    assert errors(response)["map_value"] == [
        f"The file has no column “{hostile}”: choose one of its columns."
    ]
    assert hostile not in response.content.decode()
    assert not DatasetVersion.objects.exists()


def test_a_required_field_left_empty_is_named(editor, dataset):
    response = send(editor, dataset, ODD, **{**CHOSEN, "map_period": ""})
    assert list(errors(response)) == ["map_period"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "The submitted file is empty."),
        ("\n\n", "the file is empty: it needs a header row of column names"),
        ("POP,2024,NAT,10\n", "the first row holds numbers, not column names"),
        ("indicator,,value\n", "line 1, column B: the column has no name"),
        ("Year,Year,value\n", "line 1, column B: the column 'Year' appears twice"),
        ("indicator;period;area;value\n", "the columns are separated by semicolons"),
        (
            "indicator,\x00period,area,value\n",
            "line 1, column B: the column's name holds a control character",
        ),
    ],
)
def test_a_file_without_a_usable_header_is_named(editor, dataset, content, message):
    response = send(editor, dataset, content, "import", **CHOSEN)
    [error] = errors(response)["file"]
    assert message in error and (error.startswith("The file cannot be read: ") or not content)
    assert not response.context["form"].mapping_fields
    assert not DatasetVersion.objects.exists()


def test_the_mapping_step_is_only_for_data_editors(client, dataset):
    client.force_login(StaffFactory(permissions=["datasets.view_dataset"]))
    response = send(client, dataset, ODD, "import", **CHOSEN)
    assert response.status_code == 302 and not DatasetVersion.objects.exists()


def test_the_form_without_a_file_keeps_no_choices(dataset):
    form = ImportForm({"format": "tidy", **CHOSEN}, {}, dataset=dataset)
    assert not form.is_valid() and "file" in form.errors and not form.mapping_fields


def test_a_background_job_carries_the_mapping(
    editor, dataset, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.DATASETS_BACKGROUND_IMPORT_BYTES = 10
    settings.DATASETS_IMPORT_DIR = str(tmp_path / "imports")
    with django_capture_on_commit_callbacks(execute=True):
        response = send(editor, dataset, ODD, "import", **CHOSEN)
    job = ImportJob.objects.get()
    assert response.url == reverse("datasets_import_job", args=[job.pk])
    assert job.mapping == {
        "What": "indicator",
        "Year": "period",
        "Region": "area",
        "Figure": "value",
        "Sex": "sex",
        "Age band": "age",
    }
    assert (job.status, job.rows_done) == ("done", 2)
    assert DatasetVersion.objects.get().row_count == 2
