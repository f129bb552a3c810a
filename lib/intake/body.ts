// The capped body reader lives in lib/http; intake keeps these names for its callers.
export { readBodyLimited, tooLarge } from "@/lib/http/body";
