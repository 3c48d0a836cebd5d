"""Data migrations that change how a page field is stored must change its revisions too.

Wagtail keeps every draft and published version of a page as JSON in its revisions; a value
left in the old form there comes back the day an editor opens, compares or reverts to that
revision.
"""


def rewrite_revisions(apps, app_label, model_name, change):
    """Call ``change(content)`` on the content of every revision of one page model, saving
    the revisions whose content it changed (it returns True for those)."""
    Revision = apps.get_model("wagtailcore", "Revision")
    revisions = Revision.objects.filter(content_type__app_label=app_label, content_type__model=model_name)
    for revision in revisions.only("pk", "content").iterator(chunk_size=500):
        if change(revision.content):
            revision.save(update_fields=["content"])
