// The work kept in this browser (localStorage "kiemdiem.web.v1"): the last form opened and each form's
// document as last typed, so a reload or a closed tab opens it again. A file ("Lưu tệp JSON") keeps it for good.
import {state, status} from "./mau_chung.js";
import {collect} from "./mau_du_lieu.js";

const STORE = "kiemdiem.web.v1";

export function stored() {
  try { return JSON.parse(localStorage.getItem(STORE)) || {documents: {}}; } catch (error) { return {documents: {}}; }
}

export function remember() {
  if (!state.desc || !state.root) return;
  const kept = stored();
  kept.form = state.desc.form;
  kept.documents = kept.documents || {};
  kept.documents[state.desc.form] = collect();
  try { localStorage.setItem(STORE, JSON.stringify(kept)); } catch (error) { status("Trình duyệt không cho lưu tạm; hãy “Lưu tệp JSON”."); }
}
