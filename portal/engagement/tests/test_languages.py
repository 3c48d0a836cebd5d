"""The engagement dashboard's filters in French and Arabic."""

import datetime

from django.utils.translation import override

from portal.engagement.views import DashboardFilterForm


def test_the_dashboard_filter_errors_in_french_and_arabic():
    data = {"group_by": "month", "start": "2026-05-01", "end": "2026-04-01"}
    with override("fr"):
        form = DashboardFilterForm(data)
        assert not form.is_valid()
        assert form.non_field_errors() == [
            "La date \u00ab Du \u00bb doit pr\u00e9c\u00e9der la date \u00ab Au \u00bb."
        ]
        assert form.fields["user_group"].label == "Groupe d\u2019utilisateurs"
    with override("ar"):
        start = datetime.date(2020, 1, 1).isoformat()
        form = DashboardFilterForm({"group_by": "week", "start": start, "end": "2026-01-01"})
        assert not form.is_valid()
        assert form.non_field_errors() == [
            "اعرضوا 104 أسبوعًا كحد أقصى في المرة الواحدة: قصّروا الفترة أو اجمعوا حسب الشهر."
        ]
