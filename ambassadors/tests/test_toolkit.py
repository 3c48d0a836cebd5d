"""A campaign toolkit: its posts and images with alt text on the page, alt text required, and
the pack (zip) built from what is published."""

import io
import zipfile

import pytest
import wagtail_factories
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from ambassadors.models import CampaignToolkitPage
from ambassadors.tests.factories import CampaignToolkitPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit(programme, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = wagtail_factories.ImageFactory(title="Census week poster")
    page = CampaignToolkitPageFactory(parent=programme)
    page.posts = [
        ("post", {"channel": "Short post", "text": "Census week starts Monday: count yourself in!"}),
        ("post", {"channel": "", "text": "Ask your class: how many people live in our town?"}),
    ]
    page.images = [("image", {"image": image, "alt_text": "A poster: 'Everyone counts' over a map."})]
    page.save_revision().publish()
    return CampaignToolkitPage.objects.get(pk=page.pk)


def test_the_toolkit_shows_posts_images_with_alt_text_and_the_pack(client, toolkit):
    html = client.get(toolkit.url).content.decode()
    assert "Census week starts Monday" in html
    assert 'alt="A poster: &#x27;Everyone counts&#x27; over a map."' in html
    assert toolkit.pack_url() in html


def test_the_pack_holds_posts_images_and_their_alt_text(client, toolkit):
    response = client.get(toolkit.pack_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert f'filename="{toolkit.slug}-pack.zip"' in response["Content-Disposition"]
    pack = zipfile.ZipFile(io.BytesIO(response.content))
    names = pack.namelist()
    assert "posts.txt" in names and "alt-text.txt" in names
    [image_name] = [name for name in names if name.startswith("images/")]
    assert image_name.startswith("images/01-census-week-poster.")
    assert "Census week starts Monday" in pack.read("posts.txt").decode()
    assert "Post 1 (Short post)" in pack.read("posts.txt").decode()
    assert "Everyone counts" in pack.read("alt-text.txt").decode()
    assert pack.read(image_name)[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"GIF8")


def test_an_image_without_alt_text_cannot_be_saved(toolkit):
    block = CampaignToolkitPage._meta.get_field("images").stream_block
    value = block.to_python([{"type": "image", "value": {"image": None, "alt_text": ""}}])
    with pytest.raises((StreamBlockValidationError, StructBlockValidationError)):
        block.clean(value)


def test_an_empty_toolkit_still_gives_a_pack(client, programme):
    page = CampaignToolkitPageFactory(parent=programme)
    pack = zipfile.ZipFile(io.BytesIO(client.get(page.pack_url()).content))
    assert sorted(pack.namelist()) == ["alt-text.txt", "posts.txt"]
