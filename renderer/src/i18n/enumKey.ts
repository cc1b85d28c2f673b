/** `provider_review` → `providerReview`, as a type too, so typed t() keys still check. */
export type EnumKey<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<EnumKey<Tail>>}`
  : S;

/**
 * The locale key of a model enum value. The model's enums are snake_case (they are stored in case files);
 * locale keys are camelCase like every other key.
 */
export function enumKey<S extends string>(value: S): EnumKey<S> {
  return value.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase()) as EnumKey<S>;
}
