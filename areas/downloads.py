"""All of an area's figures as CSV or XLSX: every indicator and breakdown in the current public
versions, one row per figure, with the dataset and version to cite. Text cells go through the
one spreadsheet-safety rule (``portal.contacts.exports.spreadsheet_safe``), so nothing in a
label runs as a formula."""

import csv
import io
import tempfile

from django.http import FileResponse, HttpResponse
from openpyxl import Workbook

from datasets import figures
from portal.contacts.exports import spreadsheet_safe

HEADER = ["dataset", "version", "indicator", "indicator name", "unit", "period", "area", "area name"]
HEADER += ["breakdown", "value", "status"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rows(place, versions, indicators):
    """The download's rows (text cells spreadsheet-safe, values as numbers or empty)."""
    by_id = {indicator.pk: indicator for indicator in indicators}
    for obs in figures.area_observations(versions, [place.pk], indicators).iterator(chunk_size=2000):
        indicator = by_id[obs.indicator_id]
        dataset = indicator.dataset
        cells = [dataset.slug, versions[dataset.pk].number, indicator.code, indicator.name, indicator.unit]
        cells += [obs.period, place.code, place.label, obs.breakdown_key]
        value = None if obs.value is None else f"{obs.value.normalize():f}"
        yield [spreadsheet_safe(cell) for cell in cells] + [value, obs.status]


def as_csv(place, versions, indicators):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(place, versions, indicators):
        writer.writerow(["" if cell is None else cell for cell in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    return attach(response, place, "csv")


def as_xlsx(place, versions, indicators):
    book = Workbook(write_only=True)
    sheet = book.create_sheet(place.code[:31])  # codes hold no character a sheet name refuses
    sheet.append(HEADER)
    for row in rows(place, versions, indicators):
        value = row[-2]
        sheet.append([*row[:-2], None if value is None else float(value), row[-1]])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes (and so deletes) it
    book.save(spool)
    spool.seek(0)
    return attach(FileResponse(spool, content_type=XLSX), place, "xlsx")


def attach(response, place, extension):
    response["Content-Disposition"] = f'attachment; filename="area-{place.code}.{extension}"'
    return response
