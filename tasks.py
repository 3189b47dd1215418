"""Invoke tasks for building, previewing, testing and publishing the digest (Pelican quickstart style)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from invoke import task
from pelican import main as pelican_main
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

PROJECT_DIR = Path(__file__).resolve().parent
SETTINGS_FILE_BASE = PROJECT_DIR / "pelicanconf.py"
SETTINGS_FILE_PUBLISH = PROJECT_DIR / "publishconf.py"
# Setting this to the public address (https://USER.github.io/REPO) makes `invoke build` use publishconf.py.
SITEURL_VARIABLE = "NEWS_DIGEST_SITEURL"
# What `invoke livereload` watches, relative to the project: a change rebuilds the site and reloads the page.
LIVERELOAD_WATCHED = ("content", "theme", "plugins", "pelicanconf.py")
# Folders of the project's own files: the output folder may be none of them, nor hold or sit inside one.
PROJECT_SOURCES = (".git", ".github", ".venv", ".ci", "benchmarks", "content", "plugins", "scripts", "tests", "theme")


def _settings(settings_file: Path) -> dict:
    settings = dict(DEFAULT_CONFIG)
    settings.update(get_settings_from_file(str(settings_file)))
    return settings


CONFIG = {
    "settings_base": str(SETTINGS_FILE_BASE),
    "settings_publish": str(SETTINGS_FILE_PUBLISH),
    "deploy_path": _settings(SETTINGS_FILE_BASE)["OUTPUT_PATH"],
    "github_pages_branch": "gh-pages",
    "github_pages_remote": "origin",
    "commit_message": "Publish the digest",
    "host": "127.0.0.1",
    "port": 8000,
}


def pelican_run(arguments: str) -> None:
    """Run Pelican in this process with the given command-line arguments."""
    pelican_main(shlex.split(arguments))


def build_settings_file(environ: Mapping[str, str] = os.environ) -> Path:
    """publishconf.py when NEWS_DIGEST_SITEURL gives a public address (GitHub Pages, CI), pelicanconf.py otherwise."""
    return SETTINGS_FILE_PUBLISH if environ.get(SITEURL_VARIABLE, "").strip() else SETTINGS_FILE_BASE


def publish_command(output: Path, branch: str, message: str, remote: str | None) -> list[str]:
    """The ghp-import command that commits `output` and a `.nojekyll` to `branch`, then pushes it to `remote`.

    No push when `remote` is None. It works on the git repository of the current folder.
    """
    command = [sys.executable, "-m", "ghp_import", "-n", "-b", branch, "-m", message]
    if remote is not None:
        command += ["-p", "-r", remote]
    return [*command, str(output)]


def _output_dir() -> Path:
    """The output folder, refusing anything a clean could regret: it must be strictly inside the project (links
    followed), and neither hold nor sit inside the project's own sources."""
    output = (PROJECT_DIR / CONFIG["deploy_path"]).resolve()
    if output == PROJECT_DIR or PROJECT_DIR not in output.parents:
        sys.exit(f"refusing to touch {output}: OUTPUT_PATH must be a folder inside {PROJECT_DIR}")
    for name in PROJECT_SOURCES:
        kept = (PROJECT_DIR / name).resolve()
        if output == kept or kept.is_relative_to(output) or output.is_relative_to(kept):
            sys.exit(f"refusing to touch {output}: OUTPUT_PATH must be a folder of its own, not part of {kept}")
    return output


def _deletes_output(settings_file: Path) -> bool:
    """Whether Pelican empties the output folder before building with these settings (publishconf.py does)."""
    return bool(_settings(settings_file).get("DELETE_OUTPUT_DIRECTORY"))


@task
def clean(c):
    """Remove the generated site (only ever the output folder: see `_output_dir`)."""
    output = _output_dir()
    if output.exists():
        shutil.rmtree(output)


@task
def build(c, fatal=False):
    """Build the site from content/ (--fatal: any warning fails the build).

    With the development settings, or with publishconf.py when NEWS_DIGEST_SITEURL is set (the Pages workflow).
    """
    settings_file = build_settings_file()
    if _deletes_output(settings_file):
        _output_dir()  # Pelican empties it: the same check as `invoke clean` first
    pelican_run(f"-s {shlex.quote(str(settings_file))}" + (" --fatal warnings" if fatal else ""))


@task
def rebuild(c):
    """Clean, then build (with the same settings as `invoke build`)."""
    clean(c)  # not `pelican -d`: Pelican only refuses an output folder that holds the content
    build(c)


@task
def regenerate(c):
    """Rebuild automatically whenever content, theme or settings change."""
    pelican_run(f"-r -s {CONFIG['settings_base']}")


@task
def serve(c, port=None):
    """Serve the built site at http://127.0.0.1:PORT/ (default 8000)."""
    pelican_run(f"-l -s {CONFIG['settings_base']} -b {CONFIG['host']} -p {port or CONFIG['port']}")


@task
def livereload(c, port=None):
    """Build, serve at http://127.0.0.1:PORT/ (default 8000), and rebuild and reload the page on every change.

    Watches content/, theme/, plugins/ and pelicanconf.py. Each rebuild runs Pelican in a new process, so
    changes to the plugin's code take effect too; a failed rebuild is reported and the server keeps going.
    """
    from livereload import Server  # only this task needs it

    def rebuild_site() -> None:
        """Build in a new Python process (fresh plugin code); report a failure and keep serving."""
        completed = subprocess.run([sys.executable, "-m", "pelican", "-s", CONFIG["settings_base"]],
                                   cwd=PROJECT_DIR, check=False)
        if completed.returncode:
            print(f"livereload: the build failed (exit {completed.returncode}); fix it and save again",
                  file=sys.stderr)

    rebuild_site()
    server = Server()
    for watched in LIVERELOAD_WATCHED:
        server.watch(str(PROJECT_DIR / watched), rebuild_site)
    server.serve(host=CONFIG["host"], port=int(port or CONFIG["port"]), root=str(_output_dir()))


@task
def reserve(c, port=None):
    """Build, then serve."""
    build(c)
    serve(c, port)


@task
def preview(c):
    """Build with the publishing settings (publishconf.py), which empty the output folder first."""
    _output_dir()
    pelican_run(f"-s {CONFIG['settings_publish']}")


@task
def gh_pages(c, push=True):
    """Build with the publishing settings and commit the output to the gh-pages branch (and push it)."""
    preview(c)
    c.run(shlex.join(publish_command(_output_dir(), CONFIG["github_pages_branch"], CONFIG["commit_message"],
                                     CONFIG["github_pages_remote"] if push else None)))


@task
def translations(c):
    """Extract interface strings into the template and update every language's catalogue."""
    pybabel = f"{sys.executable} -m babel.messages.frontend"
    c.run(f"{pybabel} extract -F babel.cfg --no-location --sort-output --omit-header "
          "-o theme/translations/messages.pot .")
    c.run(f"{pybabel} update --no-wrap --ignore-obsolete -i theme/translations/messages.pot -d theme/translations")


@task
def test(c, quick=False):
    """Run the test suite; --quick leaves out the slow browser tests."""
    c.run(f"{sys.executable} -m pytest" + (' -m "not slow"' if quick else ""), pty=False)


@task
def evaluate(c, corpus="tests/corpus/dev", errors=False):
    """Score actor extraction (precision, recall, F1) and cross-language linking against a gold corpus."""
    c.run(f"{sys.executable} -m news_digest.pipeline.evaluation {shlex.quote(corpus)}" + (" --errors" if errors else ""),
          env={"PYTHONPATH": str(PROJECT_DIR / "plugins")})


@task(iterable=["n", "scenario"])
def bench(c, n=None, repeat=1, scenario=None):
    """Compare build time and memory with stock Pelican on N synthetic articles (default 1000).

    -n and --scenario can be repeated (default: every scenario); see benchmarks/README.md.
    """
    arguments = [f"--n={size}" for size in n or ["1000"]] + [f"--repeat={repeat}"]
    arguments += [f"--scenario={name}" for name in scenario or []]
    c.run(shlex.join([sys.executable, str(PROJECT_DIR / "benchmarks" / "run.py"), *arguments]))
