/**
 * @module The subset of the DOM the HTML cleaner uses. linkedom provides it at the edge; declaring it here keeps
 * the cleaner's types independent of any one DOM library.
 */
export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<DomElement>;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  replaceWith(...nodes: DomNode[]): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  /** A plain walk, unlike the selector methods, which compile and match a selector on every element. */
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}
