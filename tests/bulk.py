"""Content in bulk, for the tests that count a page's queries with 10 and with 1,000 items.

Publishing a page through Wagtail (treebeard, a revision, signals) takes tens of milliseconds;
a thousand of them would take minutes on every run. Copies of one published page are inserted
directly instead: one save_base() each, which writes the page's rows and sends post_save, so the
search index still knows them. They have no revisions and no entries in the reference index.
"""

import uuid
from copy import deepcopy

from django.db.models import F
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update


def add_live_copies(page, count, start=1):
    """`count` live copies of `page` after its last sibling, titled and slugged "<page's> <n>",
    n counting from `start`. Child relations (tags, inline panels) are not copied."""
    original = page.specific_class.objects.get(pk=page.pk)
    parent = original.get_parent()
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :])
    copies = []
    for number in range(start, start + count):
        copy = deepcopy(original)
        copy.pk = copy.id = None
        copy._state.adding = True
        copy.title = copy.draft_title = f"{original.title} {number}"
        copy.slug = f"{original.slug}-{number}"
        copy.url_path = f"{parent.url_path}{copy.slug}/"
        step += 1
        copy.path = Page._get_path(parent.path, parent.depth + 1, step)
        copy.depth, copy.numchild = parent.depth + 1, 0
        copy.translation_key = uuid.uuid4()
        copy.latest_revision = copy.live_revision = None
        with disable_reference_index_auto_update():
            copy.save_base()
        copies.append(copy)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    return copies


def add_row_copies(row, count, start=0, **vary):
    """`count` copies of a stored row, inserted in one statement. `vary` gives, per field, a
    function of the copy's number, counting from `start` (for fields that must differ); unique
    fields with a default (tokens) get a fresh one."""
    model = type(row)
    fresh = [f for f in model._meta.concrete_fields if f.unique and not f.primary_key and f.has_default()]
    copies = []
    for number in range(start, start + count):
        copy = deepcopy(row)
        copy.pk = None
        copy._state.adding = True
        for field in fresh:
            setattr(copy, field.attname, field.get_default())
        for name, value_for in vary.items():
            setattr(copy, name, value_for(number))
        copies.append(copy)
    return model.objects.bulk_create(copies)


def grow_rows(example, queryset, total, **vary):
    """Rows like `example` in `queryset`, `total` in all."""
    present = queryset.count()
    add_row_copies(example, max(total - present, 0), start=present, **vary)


def grow_pages(example, total):
    """Live pages of example's type beside it, `total` in all; returns the ones added."""
    present = type(example).objects.live().sibling_of(example).count()
    return add_live_copies(example, max(total - present, 0), start=present)
