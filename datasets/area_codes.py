"""The data layer's interface for the area hierarchy (``areas``): which code lists hold areas,
and writing their codes, names and parents from a boundaries import. Codes are only created or
updated, never deleted: observations point at them (PROTECT)."""

from django.db.models import Max

from .models import Code, CodeList


def area_code_lists():
    """The code lists of kind "area", by name."""
    return CodeList.objects.filter(kind=CodeList.AREA).order_by("name")


def area_code_list(slug):
    """The area code list with this slug, or None."""
    return area_code_lists().filter(slug=slug).first()


def existing_area_codes(code_list, codes):
    """{code: Code} of ``codes`` already in ``code_list`` (one query)."""
    return {found.code: found for found in Code.objects.filter(code_list=code_list, code__in=list(codes))}


def save_area_codes(code_list, areas):
    """Create or update ``areas`` (dicts with code, name, parent code; parents first) in
    ``code_list``; returns {code: Code}. A parent is looked up among the areas saved before it or
    already in the list. The caller holds the transaction and has validated the parents."""
    areas = list(areas)
    saved = existing_area_codes(code_list, [area["code"] for area in areas])
    parents = existing_area_codes(
        code_list, {area["parent"] for area in areas if area["parent"] and area["parent"] not in saved}
    )
    order = (Code.objects.filter(code_list=code_list).aggregate(last=Max("order"))["last"] or 0) + 1
    changed = []
    for area in areas:
        parent = saved.get(area["parent"]) or parents.get(area["parent"]) if area["parent"] else None
        code = saved.get(area["code"])
        if code is None:
            saved[area["code"]] = Code.objects.create(
                code_list=code_list, code=area["code"], label=area["name"], parent=parent, order=order
            )
            order += 1
        elif (code.label, code.parent_id) != (area["name"], parent.pk if parent else None):
            code.label, code.parent = area["name"], parent
            changed.append(code)
    Code.objects.bulk_update(changed, ["label", "parent"])
    return saved


def area_hierarchy(code_list):
    """(code, name, parent code or "") of every area of ``code_list``, in the list's order."""
    return list(
        Code.objects.filter(code_list=code_list)
        .order_by("order", "code")
        .values_list("code", "label", "parent__code")
        .iterator()
    )
