from django import template
from django.urls import reverse

from portal.core.translations import in_language

from ..forms import SignupForm
from ..models import NewsletterIndexPage, NewsletterList

register = template.Library()


@register.simple_tag
def footer_signup_form(current_page=None):
    """The footer's short sign-up: the lists offered there, the email and the consent.

    None on the newsletter page itself (its own form is there) and when no list is offered in
    the footer. Inputs carry no ids, so that they never clash with a form on the page. No CSRF
    token either: the footer is on cached pages (see views.footer_signup).
    """
    if isinstance(current_page, NewsletterIndexPage):
        return {}
    index = in_language(NewsletterIndexPage.objects.live()).only("pk", "url_path", "consent_text").first()
    if index is None:
        return {}
    form = SignupForm(consent_wording=index.consent_text, short=True, auto_id=False)
    lists = list(NewsletterList.objects.filter(active=True, offered_in_footer=True))
    form.fields["lists"].initial = [newsletter_list.pk for newsletter_list in lists]
    if not lists:
        return {}
    return {"form": form, "lists": lists, "action": reverse("newsletters:footer_signup")}
