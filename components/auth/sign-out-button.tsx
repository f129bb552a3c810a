"use client";
// Sign out through next-auth (clears the session cookie), then back to the sign-in page.
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="rounded px-2 py-1.5 text-left text-slate-700 hover:bg-slate-100">
      Sign out
    </button>
  );
}
