"""Page models hold no route methods that only pass the request on to a view, and each page class
routes one way: by route methods with bodies, or by ``subpage_urls``.

A page whose routes would only forward inherits ``portal.core.pages.SubpageViewsMixin`` instead
and names the list of URL patterns in its app's ``urls.py`` (see docs/architecture.md, "Routes").
The scan reads the source, so it covers every page class, including those outside models.py.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["portal", "home", "stories", "literacy", "forums", "newsletters", "feedback"]
ROUTE_DECORATORS = {"path", "re_path", "route"}


def is_route(function):
    for decorator in function.decorator_list:
        call = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = call.attr if isinstance(call, ast.Attribute) else getattr(call, "id", None)
        if name in ROUTE_DECORATORS:
            return True
    return False


def only_returns_a_call(function):
    """True if the body, leaving out a docstring and imports, is one ``return <call>``."""
    body = [
        statement
        for statement in function.body
        if not isinstance(statement, (ast.Import, ast.ImportFrom))
        and not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
    ]
    return len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Call)


def forwarders(source):
    """``Class.method`` for every route method in this source that only returns a call."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            found.extend(
                f"{node.name}.{item.name}"
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                and is_route(item)
                and only_returns_a_call(item)
            )
    return found


def mixed_classes(source):
    """Every class in this source that names ``subpage_urls`` and also has route methods."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            names_urls = any(
                isinstance(item, ast.Assign)
                and any(
                    isinstance(target, ast.Name) and target.id == "subpage_urls" for target in item.targets
                )
                for item in node.body
            )
            has_routes = any(
                isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and is_route(item)
                for item in node.body
            )
            if names_urls and has_routes:
                found.append(node.name)
    return found


def project_sources():
    for package in PACKAGES:
        for file in sorted((ROOT / package).rglob("*.py")):
            parts = file.relative_to(ROOT).parts
            if "migrations" not in parts and "tests" not in parts:
                yield file


def test_the_scans_find_forwarders_and_classes_that_route_both_ways():
    source = '''
class EventPage(RoutablePageMixin, Page):
    @path("past/", name="past")
    def past(self, request):
        """Past events."""
        from . import views

        return views.past(self, request)

    @route(r"^$")
    def index(self, request):
        events = self.events()
        return self.render(request, context_overrides={"events": events})
'''
    assert forwarders(source) == ["EventPage.past"]
    assert mixed_classes(source) == []
    assert mixed_classes(
        source.replace("    @path(", '    subpage_urls = "events.urls.event_urls"\n\n    @path(')
    ) == ["EventPage"]


def test_no_page_model_has_a_route_method_that_only_returns_a_call():
    files = list(project_sources())
    assert any(file.name == "models.py" for file in files)
    found = [f"{file.relative_to(ROOT)}: {name}" for file in files for name in forwarders(file.read_text())]
    assert not found, (
        "Route methods that only return a call: list these addresses in the app's urls.py and "
        "let the page inherit SubpageViewsMixin (portal.core.pages) instead:\n" + "\n".join(found)
    )


def test_a_page_class_uses_one_way_of_routing():
    found = [
        f"{file.relative_to(ROOT)}: {name}"
        for file in project_sources()
        for name in mixed_classes(file.read_text())
    ]
    assert not found, "Classes with both subpage_urls and route methods: choose one.\n" + "\n".join(found)


def imports_of_views(source, package):
    """Every import of ``package``'s views in this source, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            relative_views = node.level and (
                node.module == "views" or (node.module is None and any(a.name == "views" for a in node.names))
            )
            absolute_views = node.module in (f"{package}.views", package) and (
                node.module.endswith(".views") or any(alias.name == "views" for alias in node.names)
            )
            if relative_views or absolute_views:
                found.append(node.lineno)
        elif isinstance(node, ast.Import) and any(a.name == f"{package}.views" for a in node.names):
            found.append(node.lineno)
    return found


def test_the_views_scan_finds_imports_at_the_top_and_inside_functions():
    source = (
        "from . import views\nfrom .views import lesson\n\ndef serve():\n    from events.views import past\n"
    )
    assert imports_of_views(source, "events") == [1, 2, 5]
    assert imports_of_views("from .forms import EventForm\nfrom portal.core import views\n", "events") == []


def test_no_models_module_imports_its_apps_views():
    """Views import models; models importing views back is the circle routes used to make."""
    found = []
    for file in project_sources():
        if file.name in ("models.py", "pages.py"):
            package = ".".join(file.relative_to(ROOT).parent.parts)
            found += [
                f"{file.relative_to(ROOT)}:{line}" for line in imports_of_views(file.read_text(), package)
            ]
    assert not found, "Models that import their app's views:\n" + "\n".join(found)
