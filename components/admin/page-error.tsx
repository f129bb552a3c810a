"use client";
// A page's error boundary content: a short message and a retry, never the error itself.
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";

export function PageError({ what, reset }: { what: string; reset: () => void }) {
  return (
    <ErrorState
      title={`${what} could not be loaded`}
      message="Something went wrong on our side. Try again in a moment; if it keeps happening, tell an administrator."
      action={
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
      }
    />
  );
}
