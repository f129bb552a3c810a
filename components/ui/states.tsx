// Empty, loading and error states: every page shows one of these instead of a blank or a trace.
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export function EmptyState({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div className={cn("rounded border border-dashed border-slate-300 bg-white p-8 text-center", className)}>
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-slate-600">{children}</div>}
    </div>
  );
}

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 p-6 text-slate-600">
      <span className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-blue-700" aria-hidden />
      {label}
    </div>
  );
}

export function ErrorState({ title = "Something went wrong", message, action }: { title?: string; message?: string; action?: ReactNode }) {
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-medium">{title}</p>
      {message && <p className="mt-1 text-sm">{message}</p>}
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}

export function Banner({ tone = "amber", children }: { tone?: "amber" | "blue" | "red"; children: ReactNode }) {
  const tones = { amber: "border-amber-200 bg-amber-50 text-amber-900", blue: "border-blue-200 bg-blue-50 text-blue-900", red: "border-red-200 bg-red-50 text-red-900" };
  return <div className={cn("border-b px-4 py-1.5 text-xs", tones[tone])}>{children}</div>;
}
