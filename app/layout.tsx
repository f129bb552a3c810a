import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Help Desk", template: "%s · Help Desk" },
  description: "Support ticket system",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen text-sm">{children}</body>
    </html>
  );
}
