// Dense data tables for the admin and directory pages: sticky header, zebra-free rows with a
// hover tint, and a horizontal scroll on narrow screens instead of squeezed columns.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

export function Table({ children, label, className }: { children: ReactNode; label: string; className?: string }) {
  return (
    <div className={cn("overflow-x-auto rounded border border-slate-200 bg-white", className)}>
      <table aria-label={label} className="w-full border-collapse text-left text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-top", className)} {...props} />;
}

export function Tr({ children, muted, className }: { children: ReactNode; muted?: boolean; className?: string }) {
  return <tr className={cn("hover:bg-slate-50", muted && "text-slate-500", className)}>{children}</tr>;
}
