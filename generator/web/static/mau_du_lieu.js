// The document as the fields hold it, in the shape a file holds (form, regime, profile first, the
// variant set from its picker): what the check, the print, the JSON file and the browser's copy all send.
import {pick, setAt, state} from "./mau_chung.js";

export function collect() {
  const data = state.root.get() || {};
  const out = {form: state.desc.form, regime: state.desc.regime};
  if (state.desc.profile) out.profile = state.desc.profile;
  for (const [key, value] of Object.entries(data)) if (key !== "form") out[key] = value;
  if (state.variantPath && pick.variant.value) setAt(out, state.desc.variant_path, JSON.parse(pick.variant.value));
  return out;
}
