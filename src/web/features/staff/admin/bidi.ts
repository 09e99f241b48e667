/**
 * Text written by someone else (a counter's label, a reference) set in its own direction inside a
 * sentence: "Légalisations 9" in an Arabic sentence stays whole and in order (Unicode isolates).
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
