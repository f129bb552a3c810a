"use client";

// Never show a raw error or stack trace: a short message and a retry.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md p-10 text-center">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">The page could not be loaded. Try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-blue-700 px-3 py-1.5 text-white">
        Try again
      </button>
    </main>
  );
}
