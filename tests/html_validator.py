"""The Nu HTML Checker (vnu, the W3C's validator), run locally on pages the tests fetched.

``make test`` installs it from npm (package vnu-jar) into .tools/; it needs Java."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

VNU_JAR = Path(
    os.environ.get(
        "PORTAL_VNU_JAR", Path(settings.BASE_DIR) / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"
    )
)


def validate(pages):
    """Error messages ("path:line: message") for {path: html bytes}; empty when all are valid."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        raise RuntimeError(f"The Nu HTML Checker needs Java and {VNU_JAR}: run `make test` to install them.")
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for number, (path, html) in enumerate(pages.items()):
            file = Path(folder) / f"{number:04d}.html"
            file.write_bytes(html)
            names[file.as_uri()] = path
        result = subprocess.run(
            [
                java,
                "-jar",
                str(VNU_JAR),
                "--errors-only",
                "--format",
                "json",
                "--exit-zero-always",
                *map(str, sorted(Path(folder).iterdir())),
            ],
            capture_output=True,
            check=True,
            text=True,
        )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{names.get(message.get('url'))}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message.get("type") == "error"
    ]
