// Canned responses with %{variables}.
export { cannedVariables, fillVariables } from "./render";
export { createCanned, deleteCanned, getCanned, listCanned, renderCanned, updateCanned } from "./service";
export { listCannedForManagers, type ManagedCanned } from "./manage-list";
export * from "./schemas";
