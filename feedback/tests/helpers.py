import datetime

from django.utils import timezone

from portal.contacts.forms import wording_fingerprint


def request_form_data(request_page, **changes):
    data = {
        "what": "Unemployment rate by district and sex, quarterly, 2020 to 2024.",
        "purpose": "research",
        "purpose_detail": "A paper on regional labour markets.",
        "deadline": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "name": "Rosa Quant",
        "email": "Rosa.Quant@Research.example ",
        "organisation": "National University",
        "user_group": "researchers",
        "consent": "on",
        "consent_version": wording_fingerprint(request_page.consent_text),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
