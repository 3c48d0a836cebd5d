"""Demo content for the ambassadors programme: its page and one campaign toolkit (posts, and an
image of the demo's own with its alt text when the library has one). No demo ambassadors: they
would be people's details. Made only when missing: running the loader twice changes nothing."""

from wagtail.images import get_image_model
from wagtail.models import Page

from .models import AmbassadorProgrammePage, CampaignToolkitPage

INTRO = (
    "Teachers, journalists, students and creators: share our figures with the people who follow "
    "you, with your own links and ready-made material, and see how many people you reach."
)
POSTS = [
    ("post", {"channel": "Short post", "text": "Census week starts Monday: count yourself in."}),
    ("post", {"channel": "Class", "text": "Ask your class how many people live in our town, then check."}),
]


def load_ambassadors_demo(home, created):
    if AmbassadorProgrammePage.objects.exists() or home.get_children().filter(slug="ambassadors").exists():
        return
    programme = AmbassadorProgrammePage(title="Become an ambassador", slug="ambassadors", intro=INTRO)
    Page.objects.get(pk=home.pk).add_child(instance=programme)
    programme.save_revision().publish()
    image = get_image_model().objects.order_by("pk").first()
    images = [("image", {"image": image, "alt_text": image.title})] if image is not None else []
    toolkit = CampaignToolkitPage(
        title="Census week toolkit",
        slug="census-week",
        intro="Everything you need to share census week.",
        posts=POSTS,
        images=images,
    )
    programme.add_child(instance=toolkit)
    toolkit.save_revision().publish()
    created += ["ambassadors", "toolkit census-week"]
