// Types for the parts of @observablehq/inputs the pages use (the package ships none).
declare module "@observablehq/inputs" {
  type Input<T> = HTMLElement & {value: T};
  interface Options<T> {
    label?: string;
    value?: T;
    format?: (d: any, i?: number, data?: any) => any;
    [key: string]: unknown;
  }
  export function select<T>(data: readonly T[], options?: Options<T>): Input<T>;
  export function radio<T>(data: readonly T[], options?: Options<T>): Input<T>;
  export function checkbox<T>(data: readonly T[], options?: Options<T[]>): Input<T[]>;
  export function toggle(options?: Options<boolean>): Input<boolean>;
  export function text(options?: Options<string> & {placeholder?: string; datalist?: Iterable<string>}): Input<string>;
  export function number(range?: [number, number], options?: Options<number> & {step?: number}): Input<number>;
  export function range(range?: [number, number], options?: Options<number> & {step?: number}): Input<number>;
  export function button(content?: unknown, options?: Record<string, unknown>): Input<unknown>;
  export function form<T extends Record<string, Input<unknown>>>(
    inputs: T,
    options?: Record<string, unknown>
  ): Input<{[K in keyof T]: T[K]["value"]}>;
  export function table<T>(data: readonly T[], options?: Record<string, unknown>): Input<T | T[] | null>;
}
