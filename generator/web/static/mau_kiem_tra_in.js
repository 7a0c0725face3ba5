// The two requests that send the document to the server: the check (/api/kiem-tra, 0,7 s after the last
// change, only the newest answer shown) and the print (/api/in/docx|pdf, the file handed to the browser,
// or the reasons it was refused shown by their fields).
import {save, state, status} from "./mau_chung.js";
import {collect} from "./mau_du_lieu.js";
import {showProblems} from "./mau_loi.js";
import {showResult} from "./mau_xep_loai.js";

let checkTimer = null, checkSeq = 0;

async function post(url, body) {
  return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
}

export async function check() {
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

export function scheduleCheck(delay = 700) {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, delay);
}

export async function download(format) {
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
