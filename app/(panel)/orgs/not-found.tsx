import Link from "@/components/ui/link";

export default function OrgNotFound() {
  return (
    <section className="mx-auto max-w-md p-10 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is no such organization.</p>
      <Link href="/orgs" className="mt-4 inline-block text-blue-700 underline">
        Back to organizations
      </Link>
    </section>
  );
}
