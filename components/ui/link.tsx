// The panel's links: next/link without prefetching by default. Every panel page is rendered per
// request, so a prefetch would only fetch a loading state, yet it costs a server request per link
// on screen (a queue page has fifty) and loads the linked pages' JavaScript up front. Pass
// prefetch={true} where a link is nearly always followed.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
