export * from "./accounts.ts";
export * from "./organisations.ts";
export * from "./platform.ts";
export * from "./networks.ts";
