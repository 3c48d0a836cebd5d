"""The admin's boundaries upload: data editors check a GeoJSON or TopoJSON file (a dry run that
lists every problem) and import it (``areas.boundaries``). Nothing uploaded is kept."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from datasets.area_codes import area_code_list, area_code_lists

from .boundaries import import_boundaries
from .geometry import MAX_FILE_BYTES, BoundariesInvalid
from .models import AreaLevel

IMPORT_PERMISSION = "areas.add_areaboundary"


class BoundariesForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "GeoJSON FeatureCollection or TopoJSON, longitude/latitude (WGS 84); each feature's "
            "properties: code, name, parent (empty for the top level) and level."
        ),
    )
    code_list = forms.ChoiceField(
        label=_("Area code list"), help_text=_("The areas that datasets' figures use.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code_list"].choices = [(cl.slug, cl.name) for cl in area_code_lists()]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                gettext("The file is over %(size)d MB.") % {"size": MAX_FILE_BYTES // 1024 // 1024}
            )
        return upload


def import_view(request):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    form = BoundariesForm(request.POST or None, request.FILES or None)
    summary = problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        upload.seek(0)
        dry_run = "import" not in request.POST
        try:
            summary = import_boundaries(
                upload.read(), area_code_list(form.cleaned_data["code_list"]), dry_run=dry_run
            )
        except BoundariesInvalid as invalid:
            problems = invalid.problems
        else:
            if not dry_run:
                messages.success(request, gettext("Imported %(summary)s") % {"summary": summary})
                return redirect("areas_boundaries_import")
    levels = AreaLevel.objects.annotate(areas=Count("boundaries")).order_by("depth")
    return TemplateResponse(
        request,
        "areas/admin/import.html",
        {"form": form, "summary": summary, "problems": problems, "levels": levels},
    )


def admin_urls():
    return [path("areas/boundaries/import/", import_view, name="areas_boundaries_import")]
