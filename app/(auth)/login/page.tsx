import type { Metadata } from "next";

export const metadata: Metadata = { title: "Sign in" };

export default function LoginPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <form method="post" className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">Sign in to the help desk</h1>
        <div className="space-y-1">
          <label htmlFor="email" className="block font-medium">
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required className="w-full rounded border border-slate-300 px-2 py-1.5" />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block font-medium">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-slate-300 px-2 py-1.5" />
        </div>
        <button type="submit" className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800">
          Sign in
        </button>
      </form>
    </main>
  );
}
