export * from "./accounts.ts";
export * from "./courses.ts";
export * from "./evaluation.ts";
export * from "./meetings.ts";
export * from "./networks.ts";
export * from "./organisations.ts";
export * from "./platform.ts";
export * from "./register.ts";
