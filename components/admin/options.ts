// Picker options from catalog rows; inactive ones stay choosable (a row may still point at one)
// but say so.
import type { Option } from "./entity-form";

export function toOptions(rows: Array<{ id: number; name: string; isActive: boolean }>): Option[] {
  return [...rows].sort((a, b) => Number(b.isActive) - Number(a.isActive)).map((r) => ({ value: r.id, label: r.isActive ? r.name : `${r.name} (inactive)` }));
}
