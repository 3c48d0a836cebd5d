"""A dataset's public page exists only once a version is published."""

import pytest

from datasets.importing import import_observations
from datasets.tests.conftest import as_file

ROWS = "indicator,period,area,value\nPOP,2024,NAT,10\n"


@pytest.mark.parametrize("publish", [False, True])
def test_a_dataset_page_appears_with_its_first_published_version(client, dataset, publish):
    import_observations(dataset, as_file(ROWS), publish=publish)
    response = client.get(dataset.get_absolute_url())
    assert response.status_code == (200 if publish else 404)
    assert (b"Population" in response.content) is publish


def test_an_unknown_dataset_is_not_found(client, db):
    assert client.get("/en/data/nope/").status_code == 404


def test_hostile_text_in_a_dataset_is_escaped(client, dataset):
    dataset.summary = "<script>alert(1)</script>"
    dataset.save()
    import_observations(dataset, as_file(ROWS), publish=True)
    content = client.get(dataset.get_absolute_url()).content
    assert b"<script>alert(1)" not in content
    assert b"&lt;script&gt;alert(1)" in content
