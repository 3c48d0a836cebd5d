"""Helpers the apps' demo loaders share."""

from wagtail.models import Page

from home.models import StandardPage


def ensure_section_index(home, index_model, created, *, slug, title, **fields):
    """The app's index page at /<slug>/, made only when there is none of its type.

    It takes the place of the section's placeholder (a plain page at that slug with no children,
    keeping its place in the menu), or is new if there is no page there. Any other page at that
    slug is left alone, and then there is no index: the caller gets None.
    """
    index = index_model.objects.first()
    if index is not None:
        return index
    placeholder = home.get_children().filter(slug=slug).first()
    left_sibling = None
    if placeholder is not None:
        if placeholder.specific_class is not StandardPage or placeholder.get_children_count():
            return None
        left_sibling = placeholder.get_prev_sibling()
        placeholder.delete()
    home = Page.objects.get(pk=home.pk)
    index = index_model(title=title, slug=slug, show_in_menus=True, **fields)
    home.add_child(instance=index)
    index.save_revision().publish()
    if left_sibling is not None:
        index.move(Page.objects.get(pk=left_sibling.pk), pos="right")
    elif placeholder is not None:
        index.move(home, pos="first-child")
    created.append(f"{slug} ({index_model._meta.verbose_name})")
    return index_model.objects.get(pk=index.pk)
