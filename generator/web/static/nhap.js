"use strict";
// The record read from a filled blank: open it in the form page (through the same localStorage
// the form page restores from) or save it as a JSON file.
(() => {
  const source = document.getElementById("ban-ghi");
  if (!source) return;
  const record = JSON.parse(source.textContent);
  const STORE = "kiemdiem.web.v1";
  document.getElementById("mo-trang-soan").addEventListener("click", () => {
    let state;
    try { state = JSON.parse(localStorage.getItem(STORE)) || {}; } catch (error) { state = {}; }
    state.documents = state.documents || {};
    state.documents[record.form] = record;
    state.form = record.form;
    localStorage.setItem(STORE, JSON.stringify(state));
    window.location.href = "/";
  });
  document.getElementById("luu-ban-ghi").addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2) + "\n"], {type: "application/json"}));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${record.form}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
})();
