import { Outlet } from "react-router";
import { requirePlatformAdminMiddleware } from "../pipeline.server.ts";
import type { Route } from "./+types/layout";

// The platform admin's pages (/beheer/…): visitors log in first; for everyone else they do not exist.
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    requirePlatformAdminMiddleware(args);
    return next();
  },
];

export default function AdminLayout() {
  return <Outlet />;
}
