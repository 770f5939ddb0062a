// The English files must have the Vietnamese files' shape: the same keys, every leaf a string.
// `satisfies Shape<typeof vi>` makes vue-tsc refuse a missing or an extra key.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
