"""Page API benchmark (not a test): `GET /api/v3/pages/{id}/` of stories beside a whitenoise static file and
`/api/v3/search/`, from the same gunicorn in one run, with 1 and several concurrent clients.

    python bench/page_api_bench.py                       # a fresh demo database (migrate + seed_demo)
    python bench/page_api_bench.py --duration 20 --clients 1,4,16
    python bench/page_api_bench.py --database-url postgres://thidua:thidua@127.0.0.1:5433/thidua_bench

The portal runs as in `bench/serve_bench.py` (whose helpers this uses): `collectstatic`, gunicorn
(`cms.wsgi:application`, 2 workers × 4 threads, `cms.settings.production`), no Varnish: every answer
is made by Django. Debian's `wrk` (`apt-get install wrk`) loads each target with one keep-alive
connection per client and `Accept-Encoding: gzip`; the story target goes round the detail URLs of
up to `--pages` public stories (one Lua request list per wrk thread), so no single page is measured.
Results: requests per second, p50 and p95 per target and client count (wrk's histogram), and the
ratios story ÷ static file, story ÷ search, and story ÷ Plone 6's REST API as measured in issue #13
(81 req/s, p50 12.1 ms on the same texts: a reference, not measured here).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from serve_bench import (
    SEARCH,
    WRK_REPORT,
    get,
    machine,
    manage,
    portal_env,
    run_wrk,
    start_gunicorn,
    static_path,
)

STORY_LIST = "/api/v3/pages/?type=exemplar_pages.ExemplarStoryPage&limit=20&offset={offset}"
PLONE = {"rps": 81.0, "p50_ms": 12.1}  # Plone 6 REST API on the same texts (issue #13), for reference
ROUND_ROBIN = """
local paths = {%s}
local next_path = 0
request = function()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path])
end
"""


def story_paths(origin: str, limit: int) -> list[str]:
    """Detail URLs of public stories, as the API lists them to an anonymous reader."""
    paths: list[str] = []
    while len(paths) < limit:
        status, _headers, body = get(origin, STORY_LIST.format(offset=len(paths)))
        if status != 200:
            sys.exit(f"story list: {status} {body[:500]!r}")
        items = json.loads(body)["items"]
        paths += [f"/api/v3/pages/{item['id']}/" for item in items]
        if not items:
            break
    if not paths:
        sys.exit("no public story to read")
    return paths[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (default 10)")
    parser.add_argument("--clients", default="1,8", help="concurrent clients, comma-separated (default 1,8)")
    parser.add_argument("--pages", type=int, default=50, help="stories the detail target goes round (default 50)")
    parser.add_argument("--database-url", default="", help="an existing migrated and seeded database")
    parser.add_argument("--elasticsearch-url", default="", help="search on Elasticsearch (default: the database)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    clients = [int(value) for value in args.clients.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="thidua-page-api-bench-"))
    env = portal_env(args, workdir)
    gunicorn = None
    try:
        if not args.database_url:
            print("migrate + seed_demo …", file=sys.stderr)
            seed_env = portal_env(args, workdir, settings="cms.settings.dev")
            manage(seed_env, "migrate", "--no-input")
            manage(seed_env, "seed_demo")
        manage(env, "collectstatic", "--no-input")
        gunicorn, origin = start_gunicorn(env, workdir)
        stories = story_paths(origin, args.pages)
        report_script = workdir / "report.lua"
        report_script.write_text(WRK_REPORT)
        stories_script = workdir / "stories.lua"
        stories_script.write_text(ROUND_ROBIN % ", ".join(json.dumps(path) for path in stories) + WRK_REPORT)
        targets = [
            ("story, pages API detail", stories, stories_script),
            ("search API", [SEARCH], report_script),
            ("static file, whitenoise", [static_path(workdir)], report_script),
        ]
        sizes = {}
        for name, paths, _script in targets:  # warm up every worker, and check what is measured
            for path in paths * 2:
                status, headers, body = get(origin, path)
                if status != 200:
                    sys.exit(f"{name} {path}: {status} {body[:500]!r}")
            sizes[name] = len(body)
        load_before = os.getloadavg()
        results: dict[tuple[str, int], dict] = {}
        for count in clients:
            for name, paths, script in targets:
                results[name, count] = report = run_wrk(origin + paths[0], count, args.duration, script)
                print(
                    f"{name:26} {count:3} clients: {report['rps']:9.0f} req/s  p50 {report['p50_us'] / 1000:7.2f} ms"
                    f"  p95 {report['p95_us'] / 1000:7.2f} ms  errors {report['errors']} non-2xx {report['non_2xx']}",
                    file=sys.stderr,
                )
        print_markdown(args, targets, clients, results, sizes, len(stories), load_before)
    finally:
        if gunicorn and gunicorn.poll() is None:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if args.keep:
            print(f"work directory kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def print_markdown(args, targets, clients, results, sizes, story_count, load_before) -> None:
    info = machine()
    load_after = os.getloadavg()
    print(
        f"Run {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']},"
    )
    print(
        f"wrk {args.duration} s per row; {story_count} stories read in turn; load average before"
        f" {load_before[0]:.2f}, after {load_after[0]:.2f}.\n"
    )
    header = " | ".join(f"{count} client{'s' if count > 1 else ''}: req/s · p50 · p95 (ms)" for count in clients)
    print(f"| target | kB per answer | {header} |")
    print("|---|---|" + "---|" * len(clients))
    for name, *_rest in targets:
        cells = [f"{sizes[name] / 1024:.1f}"]  # the body as received with gzip asked (whitenoise compresses)
        for count in clients:
            report = results[name, count]
            errors = report["errors"] + report["non_2xx"]
            cells.append(
                f"{report['rps']:,.0f} · {report['p50_us'] / 1000:.2f} · {report['p95_us'] / 1000:.2f}"
                + (f" ({errors} errors)" if errors else "")
            )
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    for count in clients:
        story = results["story, pages API detail", count]
        search = results["search API", count]
        static = results["static file, whitenoise", count]
        print(
            f"- {count} client(s): story ÷ static file = {story['rps'] / static['rps']:.1%},"
            f" story ÷ search = {story['rps'] / search['rps']:.2f}×,"
            f" story ÷ Plone 6 REST API (issue #13: {PLONE['rps']:.0f} req/s, p50 {PLONE['p50_ms']} ms)"
            f" = {story['rps'] / PLONE['rps']:.2f}× req/s, p50 {story['p50_us'] / 1000:.2f} vs {PLONE['p50_ms']} ms"
        )


if __name__ == "__main__":
    main()
