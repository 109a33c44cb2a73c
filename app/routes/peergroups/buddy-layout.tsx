import { Outlet } from "react-router";
import { authorizeGroupMiddleware } from "../pipeline.server.ts";
import type { Route } from "./+types/buddy-layout";

// Everything below /netwerken/:networkId/maatjes/:groupId: the group and the actor's place in it
// are authorised once here (its members only); loaders and actions below take them with withGroup.
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    await authorizeGroupMiddleware(args, "buddy");
    return next();
  },
];

export default function BuddyGroupLayout() {
  return <Outlet />;
}
