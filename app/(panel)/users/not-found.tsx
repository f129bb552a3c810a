import Link from "@/components/ui/link";

export default function UserNotFound() {
  return (
    <section className="mx-auto max-w-md p-10 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is no such user; they may have been deleted.</p>
      <Link href="/users" className="mt-4 inline-block text-blue-700 underline">
        Back to users
      </Link>
    </section>
  );
}
