// The not-found page inside the panel: it renders in the layout's <main>, so it is a section.
// (app/not-found.tsx, with its own <main>, is for addresses outside the panel.)
import Link from "@/components/ui/link";

export default function PanelNotFound() {
  return (
    <section className="mx-auto max-w-md p-10 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">The page you asked for does not exist or you do not have access to it.</p>
      <Link href="/tickets" className="mt-4 inline-block text-blue-700 underline">
        Back to tickets
      </Link>
    </section>
  );
}
