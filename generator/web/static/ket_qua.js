"use strict";
// The bulk run's page: polls the job's status until it is done, then links the ZIP and lists the errors.
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

  function show(job) {
    bar.max = Math.max(job.total, 1);
    bar.value = job.state === "xong" ? bar.max : job.organisations;
    text.textContent = `${STATES[job.state] || job.state} Tổ chức ${job.organisations}/${job.total} · ` +
      `${job.written} tệp đã in · ${job.skipped} tệp không đổi · ${job.errors.length || job.failed} lỗi`;
    if (job.state === "loi") {
      const err = document.getElementById("loi-so");
      err.hidden = false;
      const lines = job.problems.length ? job.problems : [job.message];
      err.replaceChildren(...lines.map((line) => { const p = document.createElement("p"); p.textContent = line; return p; }));
    }
    if (job.state === "xong") {
      document.getElementById("tai-ket-qua").hidden = !job.has_archive;
      const body = document.querySelector("#ban-ghi-loi tbody");
      body.replaceChildren();
      for (const error of job.errors) {
        const row = document.createElement("tr");
        cell(row, error.where);
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
