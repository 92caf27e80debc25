export * from "./errors";
export * from "./envelope";
export * from "./http";
export * from "./paginate";
export * from "./path";
export * from "./retry";
