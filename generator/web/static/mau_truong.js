// The form's fields drawn from the chosen form's schema, as /api/mau describes it with the regime's
// rubric (limits, maps): build() picks a kind of field for each node (mau_o_*.js, mau_van_ban.js) and
// nests sections, maps (an entry per criterion) and repeated items. Every widget is {el, get()}, get()
// the value as a file holds it or undefined when empty. form, regime, profile and the variant are the
// pickers' (mau_bien_the.js), not fields; sections only some variants have (x-chi-cho) go in state.onlyFor.
import {h, isEmpty, pathKey, resolve, state} from "./mau_chung.js";
import {booleanWidget, selectWidget} from "./mau_o_chon.js";
import {numberWidget} from "./mau_o_nhap.js";
import {linesWidget, paragraphsWidget, textWidget} from "./mau_van_ban.js";

const CONTROLLED = new Set(["$.form", "$.regime", "$.profile"]);

// What the page does when the document changes (mau.js sets it): an item added or removed is a change.
let changed = () => {};
export function whenChanged(callback) { changed = callback; }

function section(path, node, title, required, value, depth) {
  const box = depth === 0 ? h("div", {className: "goc", "data-path": path})
    : h("details", {className: "nhom", "data-path": path, open: Boolean(required || value !== undefined || depth > 1)},
      h("summary", {}, title || "", required ? h("span", {className: "bat-buoc", text: " *"}) : null));
  if (node.description && depth > 0) box.append(h("p", {className: "mo-ta", text: node.description}));
  box.append(h("div", {className: "loi", "aria-live": "polite"}));
  return box;
}

function gather(children) {  // [key, widget] pairs → the object of their values, undefined when all are empty
  const out = {};
  for (const [key, widget] of children) { const got = widget.get(); if (!isEmpty(got)) out[key] = got; }
  return Object.keys(out).length ? out : undefined;
}

function objectWidget(path, node, title, required, value, depth) {
  const box = section(path, node, title, required, value, depth);
  const needed = new Set(node.required || []);
  const children = [];
  for (const [key, child] of Object.entries(node.properties || {})) {
    const childPath = pathKey(path, key);
    const widget = build(child, childPath, value ? value[key] : undefined, needed.has(key), depth + 1);
    if (widget.el) box.append(widget.el);
    children.push([key, widget]);
  }
  return {el: box, get: () => gather(children)};
}

function mapWidget(path, node, title, required, value, depth) {
  const entries = [...(state.desc.maps[path] || [])];
  for (const key of Object.keys(value || {})) if (!entries.some((e) => e.key === key)) entries.push({key, title: key});
  if (!entries.length) return {el: null, get: () => undefined};
  const box = section(path, node, title, required, value, depth);
  const child = resolve(node.additionalProperties);
  const children = entries.map((entry) => {
    const heading = entry.max !== undefined ? `${entry.title} (tối đa ${entry.max} điểm)` : entry.title;
    const widget = build({...child, title: heading}, pathKey(path, entry.key), value ? value[entry.key] : undefined,
      required && !entry.optional, depth + 1);
    box.append(widget.el);
    return [entry.key, widget];
  });
  return {el: box, get: () => gather(children)};
}

function repeatWidget(path, node, title, required, value, depth) {
  const box = section(path, node, title, required, value, depth);
  const itemNode = resolve(node.items);
  const list = h("div", {className: "lap-lai"});
  const addButton = h("button", {type: "button", className: "them", text: `+ Thêm ${(itemNode.title || title || "mục").toLowerCase()}`});
  box.append(list, addButton);
  let items = [];
  function draw(values) {
    list.replaceChildren();
    items = values.map((itemValue, index) => {
      const itemPath = pathKey(path, index);
      const widget = build({...itemNode, title: `${itemNode.title || title} ${index + 1}`}, itemPath, itemValue, true, depth + 2);
      const remove = h("button", {type: "button", className: "xoa", text: "Xóa mục này"});
      remove.addEventListener("click", () => {
        const current = items.map((w) => w.get());
        current.splice(index, 1);
        draw(current);
        changed();
      });
      const wrap = h("div", {className: "muc"}, widget.el, remove);
      list.append(wrap);
      return widget;
    });
  }
  const start = Array.isArray(value) ? value : Array(required ? Math.max(node.minItems || 1, 1) : 0).fill(undefined);
  draw(start);
  addButton.addEventListener("click", () => { draw([...items.map((w) => w.get()), undefined]); changed(); });
  return {el: box, get: () => {
    const out = items.map((w) => w.get()).filter((v) => !isEmpty(v));
    return out.length ? out : undefined;
  }};
}

export function build(rawNode, path, value, required, depth) {
  const widget = widgetFor(rawNode, path, value, required, depth);
  const only = rawNode["x-chi-cho"] || resolve(rawNode)["x-chi-cho"];
  if (only && widget.el) state.onlyFor.push({el: widget.el, widget, only});
  return widget;
}

function widgetFor(rawNode, path, value, required, depth) {
  const node = resolve(rawNode);
  const title = rawNode.title || node.title;
  if (CONTROLLED.has(path) || path === state.variantPath) return {el: null, get: () => undefined};
  if ("const" in node) return {el: null, get: () => node.const};
  if (Array.isArray(node.oneOf) && node.oneOf.length && node.oneOf.every((o) => "const" in o)) {
    return selectWidget(path, node, title, required, value, node.oneOf);
  }
  const types = [].concat(node.type || []);
  if (types.includes("string") && types.includes("array")) return paragraphsWidget(path, node, title, required, value);
  if (types[0] === "object") {
    if (node.properties) return objectWidget(path, node, title, required, value, depth);
    if (node.additionalProperties && typeof node.additionalProperties === "object") return mapWidget(path, node, title, required, value, depth);
  }
  if (types[0] === "array") {
    const items = resolve(node.items);
    return items.type === "object" ? repeatWidget(path, node, title, required, value, depth) : linesWidget(path, node, title, required, value);
  }
  if (types[0] === "boolean") return booleanWidget(path, node, title, required, value);
  if (types[0] === "integer" || types[0] === "number") return numberWidget(path, node, title, required, value);
  return textWidget(path, node, title, required, value, (node.maxLength || 0) > 300);
}
