"""Forms for the e-modules outside the learner's answers (those are read by literacy/scoring.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

PREREQUISITE_LOOP = _("These prerequisites make a loop: a module would have to be taken before itself.")


class ModulePageForm(WagtailAdminPageForm):
    """Refuses prerequisites that lead back to the module being edited.

    The chosen prerequisites reach the page only when the form saves, after validation, so the
    check runs here on the form's values (ModulePage.clean checks the page's own values).
    """

    def clean(self):
        cleaned_data = super().clean()
        prerequisites = cleaned_data.get("prerequisites")
        if (
            self.instance.pk
            and prerequisites is not None
            and self.instance.prerequisite_cycle([module.pk for module in prerequisites])
        ):
            self.add_error("prerequisites", PREREQUISITE_LOOP)
        return cleaned_data
