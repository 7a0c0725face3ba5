// The form page: fields drawn from the form's JSON Schema, checked by the server with the CLI's own
// rules and messages, printed by the same pipeline as `kiemdiem render`, kept in localStorage.
import {$, pick, save, state, status} from "./mau_chung.js";
import {build, whenChanged} from "./mau_truong.js";
import {fillPickers, showApplicable, showFormCode} from "./mau_bien_the.js";
import {collect} from "./mau_du_lieu.js";
import {clearProblems, showProblems} from "./mau_loi.js";
import {showResult} from "./mau_xep_loai.js";
import {remember, stored} from "./mau_luu.js";

const form = $("#van-ban");
let checkTimer = null, saveTimer = null, checkSeq = 0;

// ---- the document ------------------------------------------------------------------------
function draw(documentData) {
  state.onlyFor = [];
  state.root = build(state.desc.schema, "$", documentData || {}, true, 0);
  form.replaceChildren(state.root.el);
  showApplicable();
  state.touched = new Set();
  state.showAll = false;
  clearProblems();
  $("#ket-qua").hidden = true;
}

async function open(formId, documentData) {
  const params = new URLSearchParams();
  if (documentData && documentData.regime) params.set("regime", documentData.regime);
  if (documentData && documentData.profile) params.set("profile", documentData.profile);
  let response = await fetch(`/api/mau/${encodeURIComponent(formId)}?${params}`);
  if (!response.ok && params.toString()) {  // a saved regime or profile this form does not offer: start from the default
    status((await response.json()).error || "");
    response = await fetch(`/api/mau/${encodeURIComponent(formId)}`);
  }
  state.desc = await response.json();
  pick.form.value = state.desc.form;
  fillPickers(documentData);
  draw(documentData);
  remember();
  if (documentData && Object.keys(documentData).length > 1) scheduleCheck(0);
}

// ---- problems and results ------------------------------------------------------------------
async function post(url, body) {
  return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
}

async function check() {
  const sequence = ++checkSeq;
  const response = await post("/api/kiem-tra", collect());
  const answer = await response.json();
  if (sequence !== checkSeq) return null;  // a newer check is on its way
  const problems = answer.problems || [];
  showProblems(problems);
  showResult(answer.result, problems);
  if (state.showAll) status(problems.length ? `Còn ${problems.length} lỗi.` : "Hợp lệ: có thể tải văn bản.");
  return answer;
}

function scheduleCheck(delay = 700) {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, delay);
}

async function download(format) {
  status(`Đang in ${format.toUpperCase()}…`);
  const response = await post(`/api/in/${format}`, collect());
  if (!response.ok) {
    const answer = await response.json();
    state.showAll = true;
    showProblems(answer.problems || []);
    status(answer.problems ? `Chưa in được: còn ${answer.problems.length} lỗi.` : (answer.error || "Không in được."));
    return;
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || `van-ban.${format}`;
  save(await response.blob(), name);
  status(`Đã tải ${name}.`);
}

// ---- what the page does when the document changes ---------------------------------------------
function changed(event) {
  if (event && event.target && event.target.closest) {
    const holder = event.target.closest("[data-path]");
    if (holder) state.touched.add(holder.dataset.path);
  }
  clearTimeout(saveTimer);
  saveTimer = setTimeout(remember, 300);
  scheduleCheck();
}

async function openFile(file) {
  const body = new FormData();
  body.append("tep", file);
  const response = await fetch("/api/mo-tep", {method: "POST", body});
  const answer = await response.json();
  if (!response.ok) {
    status(`Không mở được “${file.name}”: ` + (answer.problems ? answer.problems.map((p) => p.text).join("; ") : answer.error));
    return;
  }
  await open(answer.document.form, answer.document);
  status(`Đã mở “${file.name}”.`);
}

// ---- wiring ------------------------------------------------------------------------------------
whenChanged(changed);  // an item added to or removed from a list (mau_truong.js)
window.addEventListener("pagehide", remember);  // a reload or a closed tab keeps the last keystrokes too
form.addEventListener("input", changed);
form.addEventListener("change", changed);
form.addEventListener("submit", (event) => event.preventDefault());
pick.form.addEventListener("change", () => { remember(); open(pick.form.value, stored().documents[pick.form.value]); });
for (const select of [pick.regime, pick.profile]) {
  select.addEventListener("change", () => {
    const data = collect();
    data.regime = pick.regime.value;
    if (pick.profile.value && select === pick.profile) data.profile = pick.profile.value; else delete data.profile;
    open(state.desc.form, data);
  });
}
pick.variant.addEventListener("change", (event) => { showFormCode(); showApplicable(); changed(event); });
$("#kiem-tra").addEventListener("click", async () => { state.showAll = true; status("Đang kiểm tra…"); await check(); });
document.querySelectorAll(".tai-ve").forEach((button) => button.addEventListener("click", () => download(button.dataset.dinhDang)));
$("#luu-tep").addEventListener("click", () => {
  save(new Blob([JSON.stringify(collect(), null, 2) + "\n"], {type: "application/json"}), `${state.desc.form}.json`);
  status("Đã lưu tệp JSON.");
});
$("#mo-tep-nut").addEventListener("click", () => $("#mo-tep").click());  // a button: reached with Tab, opened with Enter
$("#mo-tep").addEventListener("change", (event) => { if (event.target.files[0]) openFile(event.target.files[0]); event.target.value = ""; });
$("#lam-lai").addEventListener("click", () => {
  if (!window.confirm("Xóa hết nội dung đang soạn của mẫu này?")) return;
  open(state.desc.form, {regime: state.desc.regime});
});

const kept = stored();
const first = kept.form && [...pick.form.options].some((o) => o.value === kept.form) ? kept.form : pick.form.value;
open(first, (kept.documents || {})[first]);
