"""The public side of a competition: its page, entering, one's own entries, and the gallery.

CompetitionPage's addresses (``competition_urls`` in urls.py) come here; each function takes
the page first. An entrant sees only their own entries; the public sees only accepted entries,
under the names their entrants chose, and their files are served through gallery_file, which
checks that the entry is accepted before sending a byte.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from portal.core.private import private
from portal.core.ratelimit import limit_or_429

from . import entries
from .forms import EntryForm
from .models import Entry

ENTRIES_PER_GALLERY_PAGE = 24
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}


def subpage_url(competition, name, *args):
    return competition.url + competition.reverse_subpage(name, args=args)


def winners(competition):
    if not competition.results_published:
        return Entry.objects.none()
    return (
        gallery_entries(competition)
        .filter(place__isnull=False)
        .select_related("category")
        .order_by("place", "pk")
    )


def gallery_entries(competition):
    return Entry.objects.filter(
        competition=competition, moderation=Entry.Moderation.ACCEPTED, withdrawn_at__isnull=True
    )


def entering_status(competition, user):
    """What stands between this visitor and the entry form: "" when nothing does."""
    if not user.is_authenticated:
        return "sign_in"
    if not entries.has_verified_email(user):
        return "verify_email"
    if entries.entries_left(competition, user) <= 0:
        return "limit_reached"
    return ""


def competition_context(competition, request):
    user = request.user
    closed = entries.closed_reason(competition)
    own = (
        entries.active_entries(competition, user).select_related("category").order_by("created_at")
        if user.is_authenticated
        else Entry.objects.none()
    )
    return {
        "closed_reason": closed,
        "is_open": not closed,
        "entering_status": "" if closed else entering_status(competition, user),
        "own_entries": own,
        "categories": competition.categories.all(),
        "criteria": competition.criteria.all(),
        "winners": winners(competition),
        "has_gallery": gallery_entries(competition).exists(),
        "login_url": redirect_to_login(subpage_url(competition, "enter"))["Location"],
    }


def competition_page(competition, request):
    response = competition.render(request, context_overrides=competition_context(competition, request))
    if request.user.is_authenticated:
        private(response)
    return response


def _render_form(competition, request, form, *, entry=None, status=200):
    response = competition.render(
        request,
        template="competitions/entry_form.html",
        context_overrides={
            "form": form,
            "entry": entry,
            "closed_reason": entries.closed_reason(competition),
            "entering_status": "" if entry else entering_status(competition, request.user),
        },
    )
    response.status_code = status
    return private(response)


def enter(competition, request):
    """GET the form; POST it to submit an entry. Signed-in people with a verified email only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method != "POST":
        form = EntryForm(competition=competition, consent_wording=competition.consent_text)
        return _render_form(competition, request, form)
    limited = limit_or_429(request, "competition_entry")
    if limited:
        return limited
    form = EntryForm(
        request.POST, request.FILES, competition=competition, consent_wording=competition.consent_text
    )
    if form.is_valid():
        try:
            entry = entries.submit(
                competition,
                request.user,
                details=form.entry_details(),
                checked_file=form.checked_file,
                upload=form.cleaned_data.get("file"),
                consent_wording=form.consent_wording,
                source=request.build_absolute_uri(competition.url),
            )
        except entries.EntriesClosed:
            return _render_form(competition, request, form, status=409)
        except entries.EntryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, gettext("Thank you: we have received your entry and emailed you a confirmation.")
            )
            return HttpResponseRedirect(subpage_url(competition, "entry", entry.pk))
    return _render_form(competition, request, form, status=400 if form.errors else 200)


def _own_entry_or_404(competition, request, entry_id):
    if not request.user.is_authenticated:
        raise Http404
    entry = (
        Entry.objects.select_related("category", "competition")
        .filter(pk=entry_id, competition=competition, user=request.user)
        .first()
    )
    if entry is None:
        raise Http404
    entry.competition = competition
    return entry


def own_entry(competition, request, entry_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    entry = _own_entry_or_404(competition, request, entry_id)
    response = competition.render(
        request,
        template="competitions/entry_detail.html",
        context_overrides={"entry": entry, "closed_reason": entries.closed_reason(competition)},
    )
    return private(response)


def edit(competition, request, entry_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    entry = _own_entry_or_404(competition, request, entry_id)
    if entry.is_withdrawn:
        return HttpResponseRedirect(subpage_url(competition, "entry", entry.pk))
    initial = {
        field: getattr(entry, field)
        for field in (
            "title",
            "description",
            "team_members",
            "organisation",
            "display_name",
            "user_group",
            "link",
        )
    }
    initial["category"] = entry.category_id
    if request.method != "POST":
        return _render_form(
            competition,
            request,
            EntryForm(competition=competition, existing=entry, initial=initial),
            entry=entry,
        )
    limited = limit_or_429(request, "competition_entry")
    if limited:
        return limited
    form = EntryForm(request.POST, request.FILES, competition=competition, existing=entry, initial=initial)
    if form.is_valid():
        try:
            entries.edit(
                entry,
                details=form.entry_details(),
                checked_file=form.checked_file,
                upload=form.cleaned_data.get("file"),
            )
        except entries.EntriesClosed:
            return _render_form(competition, request, form, entry=entry, status=409)
        except entries.EntryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, gettext("Your entry has been updated. We have emailed you a copy."))
            return HttpResponseRedirect(subpage_url(competition, "entry", entry.pk))
        entry.refresh_from_db()
    return _render_form(competition, request, form, entry=entry, status=400 if form.errors else 200)


def withdraw(competition, request, entry_id):
    """GET asks to confirm; POST (with CSRF) withdraws, until entries close."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    entry = _own_entry_or_404(competition, request, entry_id)
    closed = entries.closed_reason(competition)
    if request.method == "POST" and not closed:
        try:
            entries.withdraw(entry)
        except entries.EntriesClosed:
            pass
        else:
            messages.success(request, gettext("Your entry has been withdrawn and its file deleted."))
            return HttpResponseRedirect(competition.url)
    response = competition.render(
        request,
        template="competitions/withdraw.html",
        context_overrides={"entry": entry, "closed_reason": entries.closed_reason(competition)},
    )
    if request.method == "POST":  # too late: the page says so
        response.status_code = 409
    return private(response)


def serve_entry_file(entry, *, public):
    """The file itself: images inline, PDFs as downloads, never sniffed into anything else."""
    if not entry.file:
        raise Http404
    try:
        handle = entry.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    extension = {"pdf": "pdf", "png": "png", "jpeg": "jpg"}[entry.file_kind]
    response = FileResponse(
        handle,
        content_type=CONTENT_TYPES[entry.file_kind],
        as_attachment=not entry.is_image,
        filename=f"entry-{entry.pk}.{extension}",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        private(response)
    return response


def own_file(competition, request, entry_id):
    return serve_entry_file(_own_entry_or_404(competition, request, entry_id), public=False)


def gallery_file(competition, request, entry_id):
    entry = gallery_entries(competition).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return serve_entry_file(entry, public=True)


def gallery(competition, request):
    """Accepted entries (winners first once results are out), paginated; entrants' chosen names only."""
    shown = gallery_entries(competition).select_related("category")
    category = request.GET.get("category", "")
    categories = competition.categories.all()
    if category.isdigit() and any(str(c.pk) == category for c in categories):
        shown = shown.filter(category_id=category)
    else:
        category = ""
    if competition.results_published:
        shown = shown.order_by(F("place").asc(nulls_last=True), "-created_at", "pk")
    else:
        shown = shown.order_by("-created_at", "pk")
    page_obj = Paginator(shown, ENTRIES_PER_GALLERY_PAGE).get_page(request.GET.get("page"))
    return competition.render(
        request,
        template="competitions/gallery.html",
        context_overrides={
            "entries": page_obj,
            "categories": categories,
            "category_options": [(str(c.pk), c.name) for c in categories],
            "category": category,
            "filter_query": f"category={category}" if category else "",
        },
    )
