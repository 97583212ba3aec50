"""The import rules of docs/architecture.md, checked on every module of the project.

1. An app reaches another app only through that app's public modules: `models`, `services`
   (a module or a package, or a sub-package's `services`), and — from the project level
   only — `api` (routers) and `demo` (an app's or a sub-package's). Benchmarks (`bench/`)
   time apps' engines directly (search, analysis, ingest), so they may import any module but
   views and private names.
   Tests may also use another app's `tests` support (factories, fixtures, permission rules).
   `core` (with `core.lib`) and `taxonomy` are the base layers, open to every app.
2. Nobody imports a name beginning with `_` from another app.
3. Nothing but a view imports a view module (`views.py`, `views_*.py`, `views/`).
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PROJECT_LEVEL = {"groundswell", "bench"}
BASE_LAYERS = {"core", "taxonomy"}
PUBLIC_MODULES = {"models", "services"}
PROJECT_ONLY_MODULES = {"api", "demo"}


def project_packages() -> set[str]:
    return {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if not path.parent.name.startswith(".")
    }


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "node_modules", "var"} or "migrations" in parts:
            continue
        yield path


def imports_of(path: Path):
    """(imported module, imported names) for every import in the file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [alias.name for alias in node.names]


def is_view_module(dotted: str) -> bool:
    return any(part == "views" or part.startswith("views_") for part in dotted.split("."))


def is_test_module(parts: tuple[str, ...]) -> bool:
    return "tests" in parts or parts[-1] == "conftest.py"


def module_name(path: Path) -> tuple[str, ...]:
    return path.relative_to(ROOT).with_suffix("").parts


def violations():
    packages = project_packages()
    for path in python_files():
        parts = module_name(path)
        own = parts[0]
        for module, names in imports_of(path):
            target = module.split(".")
            app = target[0]
            if app not in packages:
                continue
            where = f"{'/'.join(parts)}.py imports {module}"
            if app != own:
                for name in names:
                    if name.startswith("_"):
                        yield f"{where}.{name}: a private name of another app"
                if is_view_module(module) and not is_view_module(".".join(parts)):
                    yield f"{where}: a view module"
            if own in PROJECT_LEVEL and app in PROJECT_LEVEL:
                continue
            if app == own or app in BASE_LAYERS:
                if (
                    app == own
                    and is_view_module(module)
                    and not (
                        is_view_module(".".join(parts))
                        or is_test_module(parts)
                        or parts[-1] == "urls"
                        or parts[-1].startswith("urls")
                    )
                ):
                    yield f"{where}: a view module from domain code"
                continue
            if own == "bench":
                continue  # benchmarks time engines directly; views and `_names` checked above
            public = target[1] if len(target) > 1 else None
            if len(target) > 2 and target[2] in {"services", "demo"}:
                # a sub-package's services (consultations.evidence.services) or, from the
                # project level, its demo (comms.updates.demo)
                public = target[2]
            if public is None and names:
                # `from influence import services`
                public_names = set(names)
                allowed = PUBLIC_MODULES | (PROJECT_ONLY_MODULES if own in PROJECT_LEVEL else set())
                if is_test_module(parts):
                    allowed = allowed | {"tests", "demo"}
                if not public_names <= allowed:
                    yield f"{where} ({', '.join(sorted(public_names - allowed))}): not public"
                continue
            allowed = PUBLIC_MODULES | (PROJECT_ONLY_MODULES if own in PROJECT_LEVEL else set())
            if is_test_module(parts) or own == "bench":
                allowed = allowed | {"tests", "demo"}
            if public not in allowed:
                yield f"{where}: not one of {app}'s public modules"


def test_apps_import_each_other_only_through_public_modules():
    found = sorted(set(violations()))
    assert not found, "Import rules broken (see docs/architecture.md):\n" + "\n".join(found)
