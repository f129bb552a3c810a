// The bar above every panel page: global search, the notifications slot and the staff member.
import Link from "@/components/ui/link";
import { SearchBox } from "./search-box";

export function TopBar({ staff }: { staff: { name: string; timezone: string } }) {
  return (
    <header className="flex h-12 items-center gap-3 border-b border-slate-200 bg-white px-4">
      <SearchBox />
      <div className="ml-auto flex items-center gap-2">
        {/* The notifications bell mounts here (notifications issue). */}
        <div id="notifications-slot" className="flex items-center" />
        <Link href="/account" className="rounded px-2 py-1 whitespace-nowrap text-slate-700 hover:bg-slate-100" title={`Times shown in ${staff.timezone}`}>
          <span className="font-medium">{staff.name}</span>
          <span className="ml-2 hidden text-xs text-slate-500 md:inline">{staff.timezone.replace(/_/g, " ")}</span>
        </Link>
      </div>
    </header>
  );
}
