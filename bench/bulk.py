"""How fast and how lean ``kiemdiem bulk`` is against the naive loop, on a synthetic đảng bộ.

    .venv/bin/python bench/bulk.py                 # 1,000 and 10,000 members
    .venv/bin/python bench/bulk.py --members 1000 --sample 200

For each size it builds a đảng bộ (đảng bộ cơ sở of 20 chi bộ × 25 members, every
member a real bản tự kiểm điểm from examples/chi-bo-khu-pho-5 with a new name) and
runs, each in a fresh process so that memory figures do not mix:

- naive DOCX: per document, docxtpl loads the template, renders, saves;
- naive PDF: per document, a fresh WeasyPrint HTML and FontConfiguration;
- bulk DOCX / bulk PDF: ``run_bulk`` with ``--jobs`` worker processes (for PDF, also the seconds
  its print files per chi bộ take: bulk/print_file.py).

The naive loops run on the first ``--sample`` members (their rate does not depend on
the size); the bulk runs print every document of the đảng bộ, its biểu điểm, lists
and reports. Printed: documents, seconds, documents/s, the ratio bulk/naive, and peak
RSS of the parent process and of the whole process tree (parent + workers, sampled).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thu", "Quang", "Hữu", "Thanh", "Xuân", "Hoài", "Bảo"]
GIVEN = [
    "An",
    "Anh",
    "Ánh",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Ngọc",
    "Phúc",
    "Quân",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tú",
    "Yến",
]
CHI_BO, PER_CHI_BO = 20, 25


def build(folder: Path, members: int, per_chi_bo: int = PER_CHI_BO) -> Path:
    """A dang-bo.yaml and one xep-loai-chi-bo.json per chi bộ with the members embedded."""
    import yaml

    example = ROOT / "examples" / "chi-bo-khu-pho-5"
    group = json.loads((example / "xep-loai-chi-bo.json").read_text(encoding="utf-8"))
    people = [json.loads((example / e["ban_kiem_diem"]).read_text(encoding="utf-8")) for e in group["dang_vien"]]
    for person in people:
        for key in ("form", "regime", "nam", "dang_bo", "chi_bo", "dia_danh"):
            person.pop(key, None)
    rng = random.Random(2025)
    organisations, n, k = [], 0, 0
    while n < members:
        k += 1
        organisations.append({"ma": f"db{k}", "ten": f"Đảng bộ xã số {k}", "loai_to_chuc": "dang_bo_co_so"})
        for c in range(CHI_BO):
            if n >= members:
                break
            ma = f"db{k}-cb{c + 1}"
            entries = []
            for i in range(min(per_chi_bo, members - n)):
                person = json.loads(json.dumps(people[i % len(people)]))
                person["dang_vien"]["ho_ten"] = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                entries.append({"ban_kiem_diem": person, "phieu": group["dang_vien"][i % len(people)]["phieu"]})
                n += 1
            doc = {
                k2: v
                for k2, v in group.items()
                if k2 not in ("form", "regime", "nam", "dang_bo", "chi_bo", "dang_vien")
            }
            doc["dang_vien"] = entries
            (folder / f"{ma}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            organisations.append(
                {
                    "ma": ma,
                    "ten": f"Chi bộ thôn {c + 1} xã số {k}",
                    "loai_to_chuc": "chi_bo_truc_thuoc",
                    "truc_thuoc": f"db{k}",
                    "xep_loai": f"{ma}.json",
                }
            )
    header = {
        "form": "dang-bo",
        "regime": "qd366-2025",
        "nam": 2025,
        "dang_bo": "Đảng bộ tỉnh Thử Nghiệm",
        "dia_danh": "Thử Nghiệm",
        "ngay_lap": "2025-12-20",
        "to_chuc": organisations,
    }
    (folder / "dang-bo.yaml").write_text(yaml.safe_dump(header, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def member_documents(folder: Path, limit: int):
    """The first ``limit`` member documents, completed as the bulk run completes them."""
    from generator.bulk.plan import Planner
    from generator.bulk.source import open_source

    planner = Planner(open_source(folder))
    for job in planner.jobs():
        if job.form == "ban-tu-kiem-diem":
            yield job.document
            limit -= 1
            if limit == 0:
                return


def child(mode: str, folder: Path, sample: int, jobs: int) -> dict:
    from generator import prepare

    start = time.perf_counter()
    printing = [0.0]
    if mode == "naive-docx":
        from generator.render.docx import render_docx_with_docxtpl

        docs = 0
        for document in member_documents(folder, sample):
            render_docx_with_docxtpl("ban-tu-kiem-diem", prepare(document).context)
            docs += 1
    elif mode == "naive-pdf":
        from weasyprint import HTML
        from weasyprint.text.fonts import FontConfiguration

        from generator.render.environment import html_environment
        from generator.render.pdf import TemplateAssetFetcher
        from generator.resources import templates_dir

        docs = 0
        for document in member_documents(folder, sample):
            html = (
                html_environment()
                .get_template("ban-tu-kiem-diem/ban-tu-kiem-diem.html")
                .render(prepare(document).context)
            )
            HTML(
                string=html,
                base_url=(templates_dir() / "ban-tu-kiem-diem").as_uri() + "/",
                url_fetcher=TemplateAssetFetcher(),
            ).write_pdf(font_config=FontConfiguration())
            docs += 1
    else:
        from generator.bulk import runner
        from generator.bulk.progress import Progress

        merge = runner._Run.print_files

        def timed(run):  # the print file per chi bộ: how much of the run it takes
            began = time.perf_counter()
            merge(run)
            printing[0] += time.perf_counter() - began

        runner._Run.print_files = timed
        out = Path(tempfile.mkdtemp(prefix="kiemdiem-bench-"))
        try:
            outcome = runner.run_bulk(folder, out, (mode.split("-")[1],), jobs=jobs, progress=Progress(enabled=False))
            docs = outcome.written
        finally:
            shutil.rmtree(out, ignore_errors=True)
    seconds = time.perf_counter() - start
    return {
        "docs": docs,
        "seconds": seconds,
        "parent_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "print_files_s": printing[0],
    }


def tree_rss_mb(root: int) -> float:
    """RSS of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                parents[int(entry)], rss[int(entry)] = int(fields[1]), int(fields[21])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(children)
        frontier += children
    return sum(rss.get(p, 0) for p in tree) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(mode: str, folder: Path, sample: int, jobs: int) -> dict:
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(folder), str(sample), str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
    )
    peak = [0.0]

    def sample_tree():
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(process.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=sample_tree, daemon=True)
    watcher.start()
    out, _ = process.communicate()
    watcher.join()
    if process.returncode:
        raise SystemExit(f"{mode} failed ({process.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["tree_rss_mb"] = peak[0]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--sample", type=int, default=300, help="documents in each naive loop (default 300)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, folder, sample, jobs = args.child
        print(json.dumps(child(mode, Path(folder), int(sample), int(jobs))))
        return
    print(
        f"kiemdiem bulk benchmark · {os.cpu_count()} CPU · --jobs {args.jobs} · naive loops on {args.sample} documents"
    )
    print(
        f"{'members':>8} {'mode':<11} {'docs':>6} {'s':>8} {'docs/s':>8} {'× naive':>8} {'parent MB':>10} {'tree MB':>8}"
    )
    rss = {}
    for members in args.members:
        with tempfile.TemporaryDirectory(prefix="kiemdiem-dang-bo-") as tmp:
            folder = build(Path(tmp), members)
            for fmt in args.formats.split(","):
                naive = measure(f"naive-{fmt}", folder, min(args.sample, members), args.jobs)
                bulk = measure(f"bulk-{fmt}", folder, members, args.jobs)
                rss[(members, fmt)] = bulk
                for mode, r in ((f"naive-{fmt}", naive), (f"bulk-{fmt}", bulk)):
                    rate = r["docs"] / r["seconds"]
                    ratio = rate / (naive["docs"] / naive["seconds"])
                    print(
                        f"{members:>8} {mode:<11} {r['docs']:>6} {r['seconds']:>8.1f} {rate:>8.1f} {ratio:>7.2f}× "
                        f"{r['parent_rss_mb']:>10.0f} {r['tree_rss_mb']:>8.0f}",
                        flush=True,
                    )
                if bulk["print_files_s"]:
                    print(
                        f"{'':>8} of which the print files per chi bộ (in-ca-chi-bo.pdf): {bulk['print_files_s']:.1f} s "
                        f"({100 * bulk['print_files_s'] / bulk['seconds']:.1f} %)",
                        flush=True,
                    )
    sizes = sorted(args.members)
    if len(sizes) > 1:
        for fmt in args.formats.split(","):
            small, large = rss[(sizes[0], fmt)], rss[(sizes[-1], fmt)]
            print(
                f"peak RSS {fmt}: {sizes[-1]} vs {sizes[0]} members: parent {large['parent_rss_mb'] / small['parent_rss_mb']:.2f}×, "
                f"process tree {large['tree_rss_mb'] / small['tree_rss_mb']:.2f}×"
            )


if __name__ == "__main__":
    main()
