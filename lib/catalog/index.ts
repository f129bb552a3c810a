// Picker lists: departments, teams, help topics, priorities, SLA plans.
export { listDepartments, listPriorities, listSlaPlans, listTeams, listTopics } from "./queries";
