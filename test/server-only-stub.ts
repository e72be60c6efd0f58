// Tests import domain modules directly; 'server-only' throws outside a React server bundle.
export {};
