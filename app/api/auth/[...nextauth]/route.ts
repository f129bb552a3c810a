// GET|POST /api/auth/* - next-auth's standard routes: csrf, session, callback/credentials, signout
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth";

export const dynamic = "force-dynamic";

// Options are built on first use, so a build without AUTH_SECRET still succeeds.
function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(req, ctx, getAuthOptions());
}

export { handler as GET, handler as POST };
