// The catalog: departments, teams, help topics, priorities, SLA plans. Picker lists for every
// staff member; full lists and management for admins.
export { listDepartments, listPriorities, listSlaPlans, listTeams, listTopics } from "./queries";
export { adminDepartments, adminPriorities, adminSlaPlans, adminTeams, adminTopics } from "./admin-queries";
export type { AdminDepartment, AdminPriority, AdminSlaPlan, AdminTeam, AdminTopic } from "./admin-queries";
export { createDepartment, deleteDepartment, getDepartment, updateDepartment } from "./departments";
export { createTeam, deleteTeam, getTeam, updateTeam } from "./teams";
export { createTopic, deleteTopic, getTopic, updateTopic } from "./topics";
export { createPriority, deletePriority, getPriority, updatePriority } from "./priorities";
export { createSlaPlan, deleteSlaPlan, getSlaPlan, updateSlaPlan } from "./sla-plans";
export * from "./schemas";
