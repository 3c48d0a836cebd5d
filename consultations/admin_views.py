"""The staff side of a consultation: its results (counts and shares per choice) and its free-text
answers as a formula-safe CSV or XLSX file. Only staff who may view responses see them."""

import io

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from openpyxl import Workbook

from portal.contacts.exports import safe_csv_lines, spreadsheet_safe

from .models import ConsultationPage
from .results import free_text_rows, summarise

VIEW_PERMISSION = "consultations.view_consultationresponse"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def consultation_for(request, pk):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    return get_object_or_404(ConsultationPage, pk=pk)


def results_view(request, pk):
    page = consultation_for(request, pk)
    total, results = summarise(page)
    return TemplateResponse(
        request,
        "consultations/admin/results.html",
        {
            "page": page,
            "state": page.state(),
            "total": total,
            "results": results,
            "csv_url": reverse("consultations_results_csv", args=[page.pk]),
            "xlsx_url": reverse("consultations_results_xlsx", args=[page.pk]),
            "index_url": reverse("consultations_consultationresponse_modeladmin_index"),
        },
    )


def export_view(request, pk, file_format):
    page = consultation_for(request, pk)
    filename = f"consultation-{page.slug}-{timezone.localdate():%Y-%m-%d}"
    if file_format == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Free text")
        for row in free_text_rows(page):
            sheet.append([spreadsheet_safe(cell) for cell in row])
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    else:
        response = StreamingHttpResponse(
            safe_csv_lines(free_text_rows(page)), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def admin_urls():
    return [
        path("consultations/<int:pk>/results/", results_view, name="consultations_results"),
        path(
            "consultations/<int:pk>/results.csv",
            export_view,
            {"file_format": "csv"},
            name="consultations_results_csv",
        ),
        path(
            "consultations/<int:pk>/results.xlsx",
            export_view,
            {"file_format": "xlsx"},
            name="consultations_results_xlsx",
        ),
    ]
