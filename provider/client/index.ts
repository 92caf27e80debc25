export * from "./errors";
export * from "./lenient";
export * from "./envelope";
export * from "./http";
export * from "./pacer";
export * from "./paginate";
export * from "./path";
export * from "./retry";
