// Staff accounts: management by admins and each member's own settings.
export { toStaffMember, toStaffPick, type StaffMember } from "./dto";
export { getStaffMember, listStaff } from "./queries";
export { changeOwnPassword, createStaff, resetStaffPassword, updateOwnProfile, updateStaff } from "./service";
export * from "./schemas";
