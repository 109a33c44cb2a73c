import { Outlet } from "react-router";
import { authorizeSpaceMiddleware } from "../pipeline.server.ts";
import type { Route } from "./+types/school-layout";

// Everything below /organisaties/:organisationId/netwerklerend: the school's toolkit space and
// the actor's rights in it are authorised once here; pages below take them with withSpace.
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    await authorizeSpaceMiddleware(args, "organisation");
    return next();
  },
];

export default function SchoolToolkitLayout() {
  return <Outlet />;
}
