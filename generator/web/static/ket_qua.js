"use strict";
// The bulk run's page: polls the job's status (documents done, time left) until it is done, then links the ZIP,
// each chi bộ's print file with its preview (and its levels of the years before, when the record has them),
// and lists the errors.
(() => {
  const box = document.getElementById("luot-in");
  const text = document.getElementById("tien-do");
  const bar = document.getElementById("thanh-tien-do");
  const STATES = {cho: "Đang chờ đến lượt…", dang_chay: "Đang kiểm tra và in…", xong: "Đã in xong.", loi: "Không in được."};

  function cell(row, value) {
    const td = document.createElement("td");
    td.textContent = value;
    row.appendChild(td);
  }

  // Each chi bộ's print file: a preview inside the page (an iframe of the PDF, served inline) and a download.
  function printFiles(files) {
    const section = document.getElementById("tep-in");
    const list = document.getElementById("ds-tep-in");
    const frame = document.getElementById("xem-truoc");
    const heading = document.getElementById("dang-xem");
    list.replaceChildren();
    files.forEach((file, number) => {
      const url = section.dataset.tep.replace(/0\.pdf$/, `${number}.pdf`);
      const item = document.createElement("li");
      const name = document.createElement("strong");
      name.textContent = file.chi_bo;
      item.append(name, ` — ${file.members} bản tự kiểm điểm, ${file.pages} trang `);
      const preview = document.createElement("button");
      preview.type = "button";
      preview.className = "xem";
      preview.textContent = "Xem trước";
      preview.addEventListener("click", () => {
        frame.src = url;
        frame.hidden = heading.hidden = false;
        heading.textContent = `Đang xem: ${file.chi_bo}`;
        frame.scrollIntoView({block: "nearest"});
      });
      const download = document.createElement("a");
      download.className = "nut tai";
      download.href = `${url}?tai-ve`;
      download.textContent = "Tải PDF";
      item.append(preview, " ", download);
      if (file.truoc && file.truoc.length) {  // the chi bộ's levels of the years before, from the record across years
        const years = file.truoc.map((o) => `${o.nam}: ${o.level_label}`).join("; ");
        const past = document.createElement("span");
        past.className = "mo-ta truoc";
        past.textContent = `Các năm trước (hồ sơ xếp loại): ${years}`;
        item.appendChild(past);
      }
      list.appendChild(item);
    });
    section.hidden = files.length === 0;
  }

  function show(job) {
    bar.max = Math.max(job.documents_total, job.documents, 1);
    bar.value = job.state === "xong" ? bar.max : job.documents;
    const counted = job.documents_total > 0;  // 0 while the workbook is still being read
    text.textContent = `${STATES[job.state] || job.state}` + (counted ?
      ` Văn bản ${job.documents}/${Math.max(job.documents_total, job.documents)} · ${job.written} tệp đã in · ` +
      `${job.skipped} tệp không đổi · ${job.errors.length || job.failed} lỗi` : "") +
      (job.time_left ? ` · ${job.time_left}` : "");
    if (job.state === "loi") {
      const err = document.getElementById("loi-so");
      err.hidden = false;
      const lines = job.problems.length ? job.problems : [job.message];
      err.replaceChildren(...lines.map((line) => { const p = document.createElement("p"); p.textContent = line; return p; }));
    }
    if (job.state === "xong") {
      document.getElementById("tai-ket-qua").hidden = !job.has_archive;
      printFiles(job.print_files);
      const notices = document.getElementById("luu-y");  // read, but maybe not what was meant: say so, never guess
      notices.replaceChildren(...job.notices.map((line) => { const p = document.createElement("p"); p.textContent = line; return p; }));
      notices.hidden = job.notices.length === 0;
      const body = document.querySelector("#ban-ghi-loi tbody");
      body.replaceChildren();
      for (const error of job.errors) {
        const row = document.createElement("tr");
        cell(row, error.where);
        cell(row, error.who || "");
        cell(row, error.reason);
        body.appendChild(row);
      }
      document.getElementById("so-loi").textContent = job.errors.length;
      document.getElementById("ban-ghi-loi").hidden = job.errors.length === 0;
    }
    return job.state === "xong" || job.state === "loi";
  }

  async function poll() {
    try {
      const response = await fetch(box.dataset.trangThai, {cache: "no-store"});
      const job = await response.json();
      if (!response.ok) { text.textContent = job.error || "Không đọc được trạng thái."; return; }
      if (show(job)) { box.dataset.xong = job.state; return; }
    } catch (error) {
      text.textContent = "Mất kết nối với ứng dụng; đang thử lại…";
    }
    setTimeout(poll, 700);
  }
  poll();
})();
