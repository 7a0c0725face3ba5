// The pickers above the form, filled from the chosen form's description: the regime, the local profile,
// and the variant (who the member is: Mẫu 02A, 02B or 02C), which sets the form code shown beside it and
// hides the sections the chosen variant does not print (x-chi-cho) while they are empty.
import {$, getAt, h, isEmpty, pathString, pick, resolve, state} from "./mau_chung.js";

export function fillPickers(documentData) {
  const options = (select, list, empty) => {
    select.replaceChildren(...(empty ? [h("option", {value: "", text: empty})] : []),
      ...list.map((o) => h("option", {value: typeof o.const === "string" ? o.const : JSON.stringify(o.const), text: o.title})));
  };
  options(pick.regime, state.desc.regimes);
  pick.regime.value = state.desc.regime;
  options(pick.profile, state.desc.profiles, "— không dùng —");
  pick.profile.value = state.desc.profile || "";
  pick.profile.disabled = !state.desc.profiles.length;
  state.variantPath = state.desc.variant_path ? pathString(state.desc.variant_path) : null;
  $("#nhan-doi-tuong").hidden = !state.variantPath;
  if (state.variantPath) {
    let node = state.desc.schema;
    for (const key of state.desc.variant_path) node = resolve(resolve(node).properties[key]);
    $("#ten-doi-tuong").textContent = node.title || "Đối tượng";
    pick.variant.replaceChildren(h("option", {value: "", text: "— chọn —"}),
      ...state.desc.variant_options.map((o) => h("option", {value: JSON.stringify(o.const), text: o.title})));
    pick.variant.setAttribute("data-path", state.variantPath);
    const chosen = getAt(documentData || {}, state.desc.variant_path);
    pick.variant.value = chosen === undefined ? "" : JSON.stringify(chosen);
    showFormCode();
  }
}

export function showFormCode() {
  const chosen = pick.variant.value ? JSON.parse(pick.variant.value) : null;
  $("#ma-mau").textContent = chosen && state.desc.variant_codes[chosen] ? state.desc.variant_codes[chosen] : "";
}

export function showApplicable() {  // 02B/02C have no leadership sections: hidden while empty, never a typed value
  const chosen = state.variantPath && pick.variant.value ? JSON.parse(pick.variant.value) : null;
  for (const {el, widget, only} of state.onlyFor) el.hidden = chosen !== null && !only.includes(chosen) && isEmpty(widget.get());
}
