import Link from "@/components/ui/link";

export default function QueueNotFound() {
  return (
    <section className="mx-auto max-w-md p-10 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is no such queue; it may have been deleted, or it is someone else&apos;s personal queue.</p>
      <Link href="/tickets" className="mt-4 inline-block text-blue-700 underline">
        Back to the open tickets
      </Link>
    </section>
  );
}
