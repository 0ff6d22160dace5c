"""Search benchmark (not a test): generate N stories, index them, time `/api/v3/search/` on both backends.

    python bench/search_bench.py                 # 20 000 stories, both backends
    python bench/search_bench.py --stories 100000 --repeat 40
    python bench/search_bench.py --backends database
    python bench/search_bench.py --backends database --database-url postgres://thidua:thidua@127.0.0.1:5433/thidua_bench

It works in its own SQLite database (`--database`, default /tmp/thidua-bench.sqlite3, rebuilt
when the story count differs) or its own PostgreSQL database (`--database-url`, dropped and
created again when the story count differs) and its own Elasticsearch alias; Elasticsearch comes from
$ELASTICSEARCH_URL or `scripts/elasticsearch start`. The API is served by `bench/serve.py`
(Django's threaded server with TCP_NODELAY, one process per backend) and queried over HTTP with a
persistent connection; see BENCHMARKS.md for how each query is timed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlparse

import orjson

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SENTENCES = [
    "Hợp tác xã nông nghiệp đã chuyển đổi sang trồng cây ăn trái, nâng thu nhập của xã viên.",
    "Chi bộ ấp vận động bà con hiến đất làm đường giao thông nông thôn.",
    "Mô hình tưới tiết kiệm nước giúp nhiều hộ giảm chi phí sản xuất.",
    "Trạm y tế xã tổ chức khám bệnh miễn phí cho người cao tuổi và trẻ em.",
    "Nhà trường phát động phong trào thi đua dạy tốt, học tốt trong toàn trường.",
    "Tổ an ninh trật tự cơ sở phối hợp tuần tra, giữ gìn bình yên thôn xóm.",
    "Ứng dụng chuyển đổi số giúp người dân nộp hồ sơ hành chính trực tuyến.",
    "Gương người tốt việc tốt được biểu dương tại hội nghị điển hình tiên tiến.",
    "Phong trào chung sức xây dựng nông thôn mới lan tỏa khắp các ấp.",
    "Doanh nghiệp cơ khí nhỏ chế tạo máy phục vụ sản xuất nông nghiệp.",
    "Hội phụ nữ thành lập tổ tiết kiệm, giúp hội viên nghèo vay vốn làm ăn.",
    "Đoàn thanh niên ra quân làm sạch kênh mương và trồng cây xanh.",
    "Câu lạc bộ văn hóa văn nghệ giữ gìn làn điệu đờn ca tài tử.",
    "Quỹ khuyến học của dòng họ trao học bổng cho học sinh vượt khó.",
    "Cán bộ một cửa giải quyết thủ tục nhanh chóng, đúng hẹn.",
    "Gia đình văn hóa tiêu biểu nhiều năm liền được Ủy ban nhân dân khen thưởng.",
]
WORDS = "lúa mì cao su điều tiêu xoài bưởi bò sữa cá tôm rau sạch hữu cơ đường điện trường trạm chợ".split()
QUERIES = {
    "plain words": [{"q": "nông nghiệp"}, {"q": "xây dựng nông thôn mới"}, {"q": "gương người tốt việc tốt"}],
    "no diacritics": [{"q": "nong nghiep"}, {"q": "xay dung nong thon moi"}, {"q": "dien hinh tien tien"}],
    "facets only": [
        {"type": "exemplar", "field": "nong-nghiep"},
        {"locality": "bench-tinh-1"},
        {"year": "2023", "subject_type": "collective"},
    ],
    "deep page": [{"q": "phong trào", "page": 99, "page_size": 100}, {"page": 50, "page_size": 100}],
    # Search v2's own work: indexed words one edit away from a mistyped one, and long queries that may
    # miss a word (`xuất khẩu` is in no generated text).
    "typo, long": [
        {"q": "nông nghiệm"},
        {"q": "tiet kiem nuoc tuoi"},
        {"q": "hợp tác xã trồng cây ăn trái xuất khẩu"},
    ],
}


def database_url(args: argparse.Namespace) -> str:
    return args.database_url or f"sqlite:///{args.database}"


def fresh_database(args: argparse.Namespace) -> None:
    """Start from an empty database: delete the SQLite file, or drop and create the PostgreSQL database."""
    if not args.database_url:
        args.database.unlink(missing_ok=True)
        return
    import psycopg

    url = urlparse(args.database_url)
    name = url.path.lstrip("/")
    if name in ("thidua", "test_thidua"):
        raise SystemExit("use a database of your own, not the project's")
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()


def generate(count: int, seed: int = 4) -> None:
    """Create localities, a unit, movements and `count` live stories with bulk inserts."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Locale

    from exemplar_pages.models import Award, ExemplarStoryPage, Field, Locality, StoryAward
    from tests import factories

    call_command("migrate", verbosity=0)
    rng = random.Random(seed)
    with transaction.atomic():
        communes = []
        for p in range(1, 21):
            province = Locality.objects.create(name=f"Tỉnh Thử {p}", slug=f"bench-tinh-{p}", kind="tinh")
            for d in range(1, 7):
                district = Locality.objects.create(name=f"Huyện Thử {p}-{d}", kind="huyen", parent=province)
                communes += [Locality.objects.create(name=f"Xã Thử {p}-{d}-{c}", parent=district) for c in range(1, 9)]
        unit = factories.unit("Đơn vị thử tải")
        movements = [factories.movement(unit, f"Phong trào thi đua thử tải {m}") for m in range(1, 21)]
    fields, awards = list(Field.objects.all()), list(Award.objects.all())
    story_type = ContentType.objects.get_for_model(ExemplarStoryPage)
    locale = Locale.get_default()
    unit.refresh_from_db()
    start, now = unit.numchild, datetime.now(UTC)
    for offset in range(0, count, 5000):
        pages, rows, story_awards = [], [], []
        for index in range(offset, min(offset + 5000, count)):
            number = start + index + 1
            title = f"{rng.choice(['Ông', 'Bà', 'Tập thể', 'Hộ'])} {rng.choice(WORDS)} {rng.choice(WORDS)} số {index}"
            published = now - timedelta(minutes=index * 7)
            pages.append(
                dict(
                    path=unit.path + _base36(number),
                    depth=unit.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale_id=locale.pk,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    expired=False,
                    locked=False,
                    title=title,
                    draft_title=title,
                    slug=f"bench-{index}",
                    content_type_id=story_type.pk,
                    url_path=f"{unit.url_path}bench-{index}/",
                    show_in_menus=False,
                    seo_title="",
                    search_description="",
                )
            )
            body = [
                {"type": "paragraph", "value": f"<p>{' '.join(rng.sample(SENTENCES, 5))}</p>", "id": str(uuid.uuid4())}
            ]
            rows.append(
                (
                    rng.choice(SENTENCES) + " " + rng.choice(SENTENCES),
                    rng.choice(communes).pk,
                    rng.choice(fields).pk,
                    rng.choice(movements + [None]),
                    rng.randint(2019, 2025),
                    body,
                    title,
                )
            )
        with transaction.atomic():
            from wagtail.models import Page

            created = Page.objects.bulk_create([Page(**page) for page in pages])
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO exemplar_pages_exemplarstorypage (page_ptr_id, summary, hero_image_alt, subject_name,"
                    " subject_type, field_id, locality_id, movement_id, year, quarter, body)"
                    " VALUES (%s, %s, '', %s, %s, %s, %s, %s, %s, NULL, %s)",
                    [
                        (
                            page.pk,
                            summary,
                            title,
                            rng.choice(["individual", "collective", "household"]),
                            field,
                            locality,
                            movement.pk if movement else None,
                            year,
                            json.dumps(body),
                        )
                        for page, (summary, locality, field, movement, year, body, title) in zip(created, rows)
                    ],
                )
            story_awards = [
                StoryAward(story_id=page.pk, award=rng.choice(awards), year=2024, sort_order=0)
                for page in created
                if rng.random() < 0.5
            ]
            StoryAward.objects.bulk_create(story_awards)
        print(f"\rgenerated {min(offset + 5000, count)}/{count} stories", end="", file=sys.stderr)
    type(unit).objects.filter(pk=unit.pk).update(numchild=start + count)
    print(file=sys.stderr)


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(port: int, env: dict) -> subprocess.Popen:
    """Start Django's threaded server (`bench/serve.py`) for the API and wait until it answers."""
    command = [sys.executable, "bench/serve.py", "127.0.0.1", str(port)]
    return answering(
        subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), port
    )


def answering(process: subprocess.Popen, port: int, tries: int = 240) -> subprocess.Popen:
    """The server process once it answers a search (a minute or two at most), else stopped with an error."""
    for _ in range(tries):
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/api/v3/search/?page_size=1")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("the server did not start")


def timed(calls: dict[str, object], repeat: int) -> dict[str, list[float]]:
    """Time some calls of one query: one warm-up round each, then `repeat` rounds, alternating them.

    Alternating puts the API and the raw request it makes under the same conditions (caches, merges,
    other load) instead of timing one side after the other.
    """
    for call in calls.values():
        call()
    durations: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            durations[name].append((time.perf_counter() - started) * 1000)
    return durations


def api_call(connection: http.client.HTTPConnection, params: dict, backend: str):
    def call():
        connection.request("GET", "/api/v3/search/?" + urlencode(params))
        response = connection.getresponse()
        body = orjson.loads(response.read())  # as the client library parses Elasticsearch's answers
        assert response.status == 200 and body["backend"] == backend, body

    return call


def raw_call(params: dict):
    """The very requests the API sends to Elasticsearch for these parameters (`send`), without Django around them."""
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.query import parse_search_params

    backend = ElasticsearchBackend()
    query = parse_search_params(lambda key: [str(params[key])] if key in params else [])
    return lambda: backend.send(query)


def latencies(port: int, repeat: int, backend: str, warmup: int) -> dict[str, dict[str, list[float]]]:
    """`{"API": {kind: [ms…]}, "raw": {…}}`; raw Elasticsearch timings only for that backend.

    First `warmup` untimed rounds of the whole mix: a node or server just started (JIT, caches,
    the database snapshot) is not what a citizen meets.
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    mix = [(kind, params) for kind, queries in QUERIES.items() for params in queries]
    calls = {}
    for kind, params in mix:
        calls[kind, str(params)] = {"API": api_call(connection, params, backend)}
        if backend == "elasticsearch":
            calls[kind, str(params)]["raw"] = raw_call(params)
    found: dict[str, dict[str, list[float]]] = {"API": {}, "raw": {}, "first": {}}
    api_call(connection, {"page_size": 1}, backend)()  # the process starts, reads the database snapshot
    for (kind, _params), pair in calls.items():  # each query once, before any cache has seen it
        started = time.perf_counter()
        pair["API"]()
        found["first"].setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    for _ in range(warmup):
        for pair in calls.values():
            for call in pair.values():
                call()
    for (kind, _params), pair in calls.items():
        for name, durations in timed(pair, repeat).items():
            found[name].setdefault(kind, []).extend(durations)
    return found


def gunicorn(port: int, env: dict, workers: int) -> subprocess.Popen:
    """The production web server (`deploy/Procfile`): `workers` processes of 2 threads, waited for until it answers."""
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--threads", "2", "--no-control-socket", "--timeout", "120"]
    return answering(
        subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), port
    )


def publish_loop(seconds: float) -> None:
    """Publish one story a second for `seconds` (a new revision of a random story, its title changed), as an
    editor's publication does: Wagtail's publish, the search app's signal handlers, the index rows."""
    from exemplar_pages.models import ExemplarStoryPage

    ids = list(ExemplarStoryPage.objects.live().values_list("pk", flat=True))
    chooser, deadline, published = random.Random(7), time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        started = time.monotonic()
        story = ExemplarStoryPage.objects.get(pk=chooser.choice(ids))
        marked = story.title.endswith(" (cập nhật)")
        story.title = story.title.removesuffix(" (cập nhật)") if marked else story.title + " (cập nhật)"
        story.save_revision().publish()
        published += 1
        time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
    print(f"published {published} stories", file=sys.stderr)


def readers(port: int, seconds: float, clients: int = 4) -> list[float]:
    """Latencies (ms) of `clients` readers running the database query mix over and over for `seconds`."""
    import threading

    mix = [params for queries in QUERIES.values() for params in queries]
    found: list[float] = []
    failures: list[str] = []

    def read(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        deadline, index = time.monotonic() + seconds, offset
        while time.monotonic() < deadline:
            started = time.perf_counter()
            connection.request("GET", "/api/v3/search/?" + urlencode(mix[index % len(mix)]))
            response = connection.getresponse()
            response.read()
            found.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                failures.append(f"{response.status} for {mix[index % len(mix)]}")
            index += 1

    threads = [threading.Thread(target=read, args=(number * 3,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{len(failures)} failed searches, first: {failures[0]}")
    return found


def during_publications(env: dict, seconds: float, workers: int = 4) -> None:
    """The search p95 of 4 readers on `workers` gunicorn processes (database backend), first with nothing
    else going on, then while a story is published every second (each publication renews the index, and
    every process must then read the snapshot again)."""
    port = free_port()
    server = gunicorn(port, env, workers)
    try:
        readers(port, 10)  # every process reads its snapshot, no timing
        quiet = readers(port, seconds)
        publisher = subprocess.Popen(
            [sys.executable, __file__, "--publish-loop", str(seconds + 5), "--database-url", env["DATABASE_URL"]],
            cwd=REPO,
            env=env,
        )
        time.sleep(2)
        busy = readers(port, seconds)
        if publisher.wait(timeout=seconds + 120):
            raise SystemExit("the publisher failed")
    finally:
        server.terminate()
        server.wait(timeout=30)
    for label, values in (("quiet", quiet), ("1 publication/s", busy)):
        print(
            f"  {workers} gunicorn processes, {label:<16} {len(values):5d} searches   "
            f"p50 {statistics.median(values):7.1f} ms   p95 {percentile(values, 0.95):7.1f} ms"
        )
    print(f"  p95 ratio, publishing ÷ quiet: {percentile(busy, 0.95) / percentile(quiet, 0.95):.2f}×")


def elasticsearch_count() -> int:
    from search.backends.elasticsearch import alias_name, get_client

    try:
        return get_client().count(index=alias_name())["count"]
    except Exception:  # no index yet
        return -1


def wait_until_idle(limit: float = 120.0) -> None:
    """Wait for the node's CPU to settle (merges, warming) before timing, at most `limit` seconds."""
    from search.backends.elasticsearch import get_client

    deadline, quiet = time.monotonic() + limit, 0
    while quiet < 3 and time.monotonic() < deadline:
        stats = get_client().nodes.stats(metric="process")["nodes"]
        busy = max(node["process"]["cpu"]["percent"] for node in stats.values())
        quiet = quiet + 1 if busy <= 5 else 0
        time.sleep(1)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(round(fraction * (len(ordered) - 1))), len(ordered) - 1)]


def report(label: str, latencies: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    rows = {kind: (statistics.median(v), percentile(v, 0.95)) for kind, v in latencies.items()}
    everything = [ms for v in latencies.values() for ms in v]
    rows["all"] = (statistics.median(everything), percentile(everything, 0.95))
    for kind, (p50, p95) in rows.items():
        print(f"  {label:<30} {kind:<14} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5, help="untimed rounds of the whole query mix first")
    parser.add_argument("--backends", default="database,elasticsearch")
    parser.add_argument("--database", type=Path, default=Path("/tmp/thidua-bench.sqlite3"))  # noqa: S108
    parser.add_argument("--database-url", default="", help="a PostgreSQL database of the bench's own instead")
    parser.add_argument("--keep-index", action="store_true", help="time searches on the indices as they are")
    parser.add_argument("--generate-only", action="store_true", help="generate the stories, index and time nothing")
    parser.add_argument(
        "--publishing",
        type=float,
        default=0,
        metavar="SECONDS",
        help="also time 4 readers on 4 gunicorn processes (database backend) for SECONDS, quiet then during "
        "one publication a second",
    )
    parser.add_argument("--publish-loop", type=float, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.publish_loop:
        setup_django(database_url(args))
        publish_loop(args.publish_loop)
        return
    backends = args.backends.split(",")
    if args.database_url:
        marker = Path(f"/tmp/thidua-bench-{urlparse(args.database_url).path.strip('/')}.count")  # noqa: S108
    else:
        marker = args.database.with_suffix(".count")
    fresh = not marker.exists() or marker.read_text() != str(args.stories)
    if fresh or not (args.database_url or args.database.exists()):
        fresh_database(args)
        setup_django(database_url(args))
        generate(args.stories)
        marker.write_text(str(args.stories))
    else:
        setup_django(database_url(args))
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    if args.generate_only:
        return
    from django.conf import settings

    from search.models import SearchDocument
    from search.replay import rebuild_database, rebuild_elasticsearch

    settings.ELASTICSEARCH_URL = ""
    if not args.keep_index:
        started = time.perf_counter()
        documents = rebuild_database()
        database_rate = documents / (time.perf_counter() - started)
        print(f"database index: {documents} documents, {database_rate:,.0f} docs/s (build + store)")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url(args)}
    results = {}
    if "elasticsearch" in backends:
        from tests import servers

        settings.ELASTICSEARCH_URL = servers.elasticsearch_url(required=True)
        settings.SEARCH_INDEX_NAME = env["SEARCH_INDEX_NAME"] = "thidua-bench"
        if args.keep_index and elasticsearch_count() == SearchDocument.objects.count():
            print("elasticsearch: index kept as it is")
        else:
            started = time.perf_counter()
            sent = rebuild_elasticsearch()
            rate = sent / (time.perf_counter() - started)
            print(f"elasticsearch bulk indexing: {sent} documents, {rate:,.0f} docs/s (bulk, refresh, merge)")
        wait_until_idle()
        env["ELASTICSEARCH_URL"] = settings.ELASTICSEARCH_URL
        port = free_port()
        server = serve(port, env)
        try:
            timings = latencies(port, args.repeat, "elasticsearch", args.warmup)
        finally:
            server.terminate()
        report("elasticsearch API, first call", timings["first"])
        results["elasticsearch API"] = report("elasticsearch API", timings["API"])
        results["elasticsearch raw"] = report("elasticsearch raw", timings["raw"])
        for kind, (p50, p95) in results["elasticsearch API"].items():
            raw50, raw95 = results["elasticsearch raw"][kind]
            print(f"  API ÷ raw  {kind:<14} p50 {p50 / raw50:5.2f}×   p95 {p95 / raw95:5.2f}×")
    if "database" in backends:
        env.pop("ELASTICSEARCH_URL", None)
        env["ELASTICSEARCH_URL"] = ""
        port = free_port()
        server = serve(port, env)
        try:
            timings = latencies(port, args.repeat, "database", args.warmup)
            report("database API, first call", timings["first"])
            results["database API"] = report("database API", timings["API"])
        finally:
            server.terminate()
    if args.publishing:
        env["ELASTICSEARCH_URL"] = ""
        during_publications(env, args.publishing)


if __name__ == "__main__":
    main()
